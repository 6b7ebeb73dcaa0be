import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Param,
  Post,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import {
  ApiKeyRepository,
  AuditEventRepository,
  ROLES,
  type ApiKey,
  type Principal,
} from '@fenceline/data-access';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { CurrentPrincipal, RequireRole } from '../auth/principal';
import { ZodBody } from '../errors/zod-body.pipe';

const createApiKeySchema = z.strictObject({
  name: z.string().min(1).max(100),
  role: z.enum(ROLES),
});
type CreateApiKeyDto = z.infer<typeof createApiKeySchema>;

/** `/v1/api-keys` (admin): keys are shown once at creation, listed without secrets, revocable. */
@ApiTags('api-keys')
@ApiBearerAuth()
@Controller('v1/api-keys')
@UseGuards(ApiKeyGuard)
@RequireRole('admin')
export class ApiKeysController {
  constructor(
    @Inject(ApiKeyRepository) private readonly keys: ApiKeyRepository,
    @Inject(AuditEventRepository) private readonly audit: AuditEventRepository,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'Create an API key; 201 { id, name, role, prefix, key } — the key is shown this once',
  })
  @ApiBody({ schema: z.toJSONSchema(createApiKeySchema) as object })
  async create(
    @CurrentPrincipal() actor: Principal,
    @Body(new ZodBody(createApiKeySchema)) body: CreateApiKeyDto,
  ): Promise<ApiKey & { key: string }> {
    const created = await this.keys.create(actor.organizationId, body);
    await this.audit.record(actor.organizationId, {
      actor: `api-key/${actor.apiKeyId}`,
      action: 'api-key.create',
      target: `api-key/${created.id}`,
      before: null,
      after: { name: body.name, role: body.role, prefix: created.prefix },
    });
    return created;
  }

  @Get()
  @ApiOperation({ summary: 'List API keys (no secrets)' })
  list(@CurrentPrincipal() actor: Principal): Promise<ApiKey[]> {
    return this.keys.list(actor.organizationId);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke an API key' })
  async revoke(@CurrentPrincipal() actor: Principal, @Param('id') id: string): Promise<void> {
    await this.keys.revoke(actor.organizationId, id);
    await this.audit.record(actor.organizationId, {
      actor: `api-key/${actor.apiKeyId}`,
      action: 'api-key.revoke',
      target: `api-key/${id}`,
      before: { id },
      after: null,
    });
  }
}
