import { Controller, Get, Inject, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Page, Principal } from '@fenceline/data-access';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { CurrentPrincipal, RequireRole } from '../auth/principal';
import { ZodQuery } from '../errors/zod-body.pipe';
import { Paginated } from '../pagination/page.interceptor';
import { pageRequest } from '../pagination/page-query';
import { AuditService } from './audit.service';
import { listAuditEventsSchema, type ListAuditEventsDto } from './dto/list-audit-events.dto';
import type { AuditEventModel } from './models/audit-event.model';

/** `GET /v1/audit-events`: the append-only audit log (no route edits or deletes it). */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('v1/audit-events')
@UseGuards(ApiKeyGuard)
export class AuditController {
  constructor(@Inject(AuditService) private readonly service: AuditService) {}

  @Get()
  @RequireRole('viewer')
  @Paginated('page size, 1–10000 (default 1000)')
  @ApiQuery({ name: 'since', required: false })
  @ApiOperation({
    summary: 'Audit events, oldest first: { id, actor, action, target, before, after, at }',
  })
  list(
    @CurrentPrincipal() actor: Principal,
    @Query(new ZodQuery(listAuditEventsSchema)) query: ListAuditEventsDto,
  ): Promise<Page<AuditEventModel>> {
    return this.service.list(actor, { since: query.since }, pageRequest(query));
  }
}
