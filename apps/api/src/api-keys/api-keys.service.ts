import { Inject, Injectable } from '@nestjs/common';
import {
  actorOf,
  ApiKeyRepository,
  type Page,
  type PageRequest,
  type Principal,
} from '@fenceline/data-access';
import type { CreateApiKeyDto } from './dto/create-api-key.dto';
import { toApiKeyModel, type ApiKeyModel } from './models/api-key.model';

/** API keys of the caller's organization; every change and its audit event are one transaction. */
@Injectable()
export class ApiKeysService {
  constructor(@Inject(ApiKeyRepository) private readonly keys: ApiKeyRepository) {}

  /** Creates a key: the secret `key` is in this answer only. */
  async create(actor: Principal, input: CreateApiKeyDto): Promise<ApiKeyModel & { key: string }> {
    const created = await this.keys.create(actor.organizationId, input, { actor: actorOf(actor) });
    return { ...toApiKeyModel(created), key: created.key };
  }

  /** One page of the keys, oldest first, without secrets. */
  async list(actor: Principal, page: PageRequest): Promise<Page<ApiKeyModel>> {
    const found = await this.keys.page(actor.organizationId, page);
    return { items: found.items.map(toApiKeyModel), nextCursor: found.nextCursor };
  }

  revoke(actor: Principal, id: string): Promise<void> {
    return this.keys.revoke(actor.organizationId, id, { actor: actorOf(actor) });
  }
}
