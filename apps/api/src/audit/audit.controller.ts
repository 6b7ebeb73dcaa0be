import { Controller, Get, Inject, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { AuditEventRepository, type Principal } from '@fenceline/data-access';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { CurrentPrincipal, RequireRole } from '../auth/principal';
import { ZodBody } from '../errors/zod-body.pipe';

const querySchema = z.strictObject({
  since: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(10_000).optional(),
});

/** `GET /v1/audit-events`: the append-only audit log (no route edits or deletes it). */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('v1/audit-events')
@UseGuards(ApiKeyGuard)
export class AuditController {
  constructor(@Inject(AuditEventRepository) private readonly audit: AuditEventRepository) {}

  @Get()
  @RequireRole('viewer')
  @ApiQuery({ name: 'since', required: false })
  @ApiQuery({ name: 'limit', required: false })
  @ApiOperation({
    summary: 'Audit events, oldest first: { id, actor, action, target, before, after, at }',
  })
  async list(
    @CurrentPrincipal() actor: Principal,
    @Query() query: Record<string, string>,
  ): Promise<Record<string, unknown>[]> {
    const filter = new ZodBody(querySchema).transform(query);
    const events = await this.audit.list(actor.organizationId, {
      ...(filter.since ? { since: new Date(filter.since) } : {}),
      ...(filter.limit ? { limit: filter.limit } : {}),
    });
    return events.map((e) => ({ ...e, at: e.at.toISOString() }));
  }
}
