import { Inject, UseGuards } from '@nestjs/common';
import { Args, Int, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Principal } from '@fenceline/data-access';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { CurrentPrincipal, RequireRole } from '../auth/principal';
import { presentArgs, validate } from '../errors/validate';
import { Connection, toConnection, type ConnectionShape } from '../pagination/connection';
import { pageRequest } from '../pagination/page-query';
import { AuditService } from './audit.service';
import { listAuditEventsSchema } from './dto/list-audit-events.dto';
import { AuditEventModel } from './models/audit-event.model';

@ObjectType('AuditEventConnection')
export class AuditEventConnection extends Connection(AuditEventModel) {}

/** The audit log in GraphQL, validated with the REST query's schema. */
@Resolver(() => AuditEventModel)
@UseGuards(ApiKeyGuard)
export class AuditResolver {
  constructor(@Inject(AuditService) private readonly service: AuditService) {}

  @Query(() => [AuditEventModel], { description: 'the first page of events, oldest first' })
  @RequireRole('viewer')
  async auditEvents(
    @CurrentPrincipal() actor: Principal,
    @Args('limit', { type: () => Int, nullable: true }) limit?: number | null,
    @Args('since', { type: () => String, nullable: true }) since?: string | null,
    @Args('cursor', { type: () => String, nullable: true }) cursor?: string | null,
  ): Promise<AuditEventModel[]> {
    return (await this.auditEventConnection(actor, limit, since, cursor)).nodes;
  }

  @Query(() => AuditEventConnection, { description: 'events oldest first, page by page' })
  @RequireRole('viewer')
  async auditEventConnection(
    @CurrentPrincipal() actor: Principal,
    @Args('limit', { type: () => Int, nullable: true }) limit?: number | null,
    @Args('since', { type: () => String, nullable: true }) since?: string | null,
    @Args('cursor', { type: () => String, nullable: true }) cursor?: string | null,
  ): Promise<ConnectionShape<AuditEventModel>> {
    const query = validate(
      listAuditEventsSchema,
      presentArgs({ limit, since, cursor }),
      'arguments',
    );
    const page = await this.service.list(actor, { since: query.since }, pageRequest(query));
    return toConnection(page, (e) => e);
  }

  @ResolveField(() => String, { nullable: true, description: 'JSON' })
  beforeJson(@Parent() event: AuditEventModel): string | null {
    return event.before === null || event.before === undefined
      ? null
      : JSON.stringify(event.before);
  }

  @ResolveField(() => String, { nullable: true, description: 'JSON' })
  afterJson(@Parent() event: AuditEventModel): string | null {
    return event.after === null || event.after === undefined ? null : JSON.stringify(event.after);
  }
}
