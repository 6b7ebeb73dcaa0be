import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Param,
  Post,
  Query,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import type { Page, Principal } from '@fenceline/data-access';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { CurrentPrincipal, RequireRole } from '../auth/principal';
import { ZodBody, ZodQuery } from '../errors/zod-body.pipe';
import { Paginated } from '../pagination/page.interceptor';
import { pageOnlySchema, pageRequest, type PageOnlyDto } from '../pagination/page-query';
import { ApiKeysService } from './api-keys.service';
import { createApiKeySchema, type CreateApiKeyDto } from './dto/create-api-key.dto';
import type { ApiKeyModel } from './models/api-key.model';

/** `/v1/api-keys` (admin): keys are shown once at creation, listed without secrets, revocable. */
@ApiTags('api-keys')
@ApiBearerAuth()
@Controller('v1/api-keys')
@UseGuards(ApiKeyGuard)
@RequireRole('admin')
export class ApiKeysController {
  constructor(@Inject(ApiKeysService) private readonly service: ApiKeysService) {}

  @Post()
  @ApiOperation({
    summary: 'Create an API key; 201 { id, name, role, prefix, key } — the key is shown this once',
  })
  @ApiBody({ schema: z.toJSONSchema(createApiKeySchema) as object })
  create(
    @CurrentPrincipal() actor: Principal,
    @Body(new ZodBody(createApiKeySchema)) body: CreateApiKeyDto,
  ): Promise<ApiKeyModel & { key: string }> {
    return this.service.create(actor, body);
  }

  @Get()
  @Paginated()
  @ApiOperation({ summary: 'List API keys, oldest first (no secrets)' })
  list(
    @CurrentPrincipal() actor: Principal,
    @Query(new ZodQuery(pageOnlySchema)) query: PageOnlyDto,
  ): Promise<Page<ApiKeyModel>> {
    return this.service.list(actor, pageRequest(query));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke an API key' })
  revoke(@CurrentPrincipal() actor: Principal, @Param('id') id: string): Promise<void> {
    return this.service.revoke(actor, id);
  }
}
