import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@fenceline/contracts';
import {
  actorOf,
  DataAccessError,
  WaiverRepository,
  type Page,
  type PageRequest,
  type Principal,
} from '@fenceline/data-access';
import type { RequestWaiverDto } from './dto/waiver.dto';
import { toWaiverModel, type WaiverModel } from './models/waiver.model';

/** Waiver requests and approvals, shared by REST and GraphQL: the requester never approves their own. */
@Injectable()
export class WaiversService {
  constructor(@Inject(WaiverRepository) private readonly waivers: WaiverRepository) {}

  /** Records a request (audited in the same transaction); it applies once approved. */
  async request(actor: Principal, input: RequestWaiverDto): Promise<WaiverModel> {
    return toWaiverModel(
      await this.waivers.request(
        actor.organizationId,
        { ...input, expiresAt: new Date(input.expiresAt) },
        { id: actor.apiKeyId, display: actorOf(actor) },
      ),
    );
  }

  async approve(actor: Principal, id: string): Promise<WaiverModel> {
    const waiver = await this.waivers.get(actor.organizationId, id);
    if (!waiver) throw new DataAccessError('NOT_FOUND', `waiver ${id} not found`);
    if (waiver.requestedBy === actor.apiKeyId)
      throw new DomainError(
        'SELF_APPROVAL',
        'a waiver is approved by an approver other than the requester',
      );
    return toWaiverModel(
      await this.waivers.approve(actor.organizationId, id, {
        id: actor.apiKeyId,
        display: actorOf(actor),
      }),
    );
  }

  /** One page of the waivers, oldest first. */
  async list(actor: Principal, page: PageRequest): Promise<Page<WaiverModel>> {
    const found = await this.waivers.page(actor.organizationId, page);
    return { items: found.items.map(toWaiverModel), nextCursor: found.nextCursor };
  }

  /** Active, expiring within 14 days, expired, unused and pending waivers. */
  async report(actor: Principal): Promise<Record<string, WaiverModel[]>> {
    const report = await this.waivers.report(actor.organizationId);
    return Object.fromEntries(
      Object.entries(report).map(([key, list]) => [key, list.map(toWaiverModel)]),
    );
  }
}
