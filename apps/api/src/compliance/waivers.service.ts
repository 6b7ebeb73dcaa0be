import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@fenceline/contracts';
import type { z } from 'zod';
import {
  actorOf,
  DataAccessError,
  WaiverRepository,
  type Principal,
  type Waiver,
} from '@fenceline/data-access';
import type { waiverSchema } from './waivers.controller';

/** Waiver requests and approvals, shared by REST and GraphQL: the requester never approves their own. */
@Injectable()
export class WaiversService {
  constructor(@Inject(WaiverRepository) private readonly waivers: WaiverRepository) {}

  request(actor: Principal, body: z.infer<typeof waiverSchema>): Promise<Waiver> {
    return this.waivers.request(
      actor.organizationId,
      { ...body, expiresAt: new Date(body.expiresAt) },
      { id: actor.apiKeyId, display: actorOf(actor) },
    );
  }

  async approve(actor: Principal, id: string): Promise<Waiver> {
    const waiver = await this.waivers.get(actor.organizationId, id);
    if (!waiver) throw new DataAccessError('NOT_FOUND', `waiver ${id} not found`);
    if (waiver.requestedBy === actor.apiKeyId)
      throw new DomainError(
        'SELF_APPROVAL',
        'a waiver is approved by an approver other than the requester',
      );
    return this.waivers.approve(actor.organizationId, id, {
      id: actor.apiKeyId,
      display: actorOf(actor),
    });
  }
}
