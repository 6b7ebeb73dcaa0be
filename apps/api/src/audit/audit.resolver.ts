import { Inject, UseGuards } from '@nestjs/common';
import { Args, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Principal } from '@fenceline/data-access';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { CurrentPrincipal, RequireRole } from '../auth/principal';
import { listQuery } from '../pagination/page.args';
import { AuditPageArgs } from './dto/audit.input';
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
    @Args() page: AuditPageArgs,
    @Args('since', { type: () => String, nullable: true }) since?: string | null,
  ): Promise<AuditEventModel[]> {
    return (await this.auditEventConnection(actor, page, since)).nodes;
  }

  @Query(() => AuditEventConnection, { description: 'events oldest first, page by page' })
  @RequireRole('viewer')
  async auditEventConnection(
    @CurrentPrincipal() actor: Principal,
    @Args() page: AuditPageArgs,
    @Args('since', { type: () => String, nullable: true }) since?: string | null,
  ): Promise<ConnectionShape<AuditEventModel>> {
    const query = listQuery(listAuditEventsSchema, page, { since });
    const found = await this.service.list(actor, { since: query.since }, pageRequest(query));
    return toConnection(found, (e) => e);
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
