import {
  Body,
  Controller,
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
import { requestWaiverSchema, type RequestWaiverDto } from './dto/waiver.dto';
import type { WaiverModel } from './models/waiver.model';
import { WaiversService } from './waivers.service';

/** `/v1/waivers`: requested by an editor, approved by an approver other than the requester, expiring by themselves. */
@ApiTags('compliance')
@ApiBearerAuth()
@Controller('v1/waivers')
@UseGuards(ApiKeyGuard)
export class WaiversController {
  constructor(@Inject(WaiversService) private readonly service: WaiversService) {}

  @Post()
  @RequireRole('editor')
  @ApiOperation({
    summary:
      'Request a waiver { controlId, scope { cluster?, namespace?, workloadLabels? }, justification, ticketUrl, expiresAt }; it applies once approved',
  })
  @ApiBody({ schema: z.toJSONSchema(requestWaiverSchema) as object })
  request(
    @CurrentPrincipal() actor: Principal,
    @Body(new ZodBody(requestWaiverSchema)) body: RequestWaiverDto,
  ): Promise<WaiverModel> {
    return this.service.request(actor, body);
  }

  @Get()
  @RequireRole('viewer')
  @Paginated()
  @ApiOperation({ summary: 'Every waiver, oldest first' })
  list(
    @CurrentPrincipal() actor: Principal,
    @Query(new ZodQuery(pageOnlySchema)) query: PageOnlyDto,
  ): Promise<Page<WaiverModel>> {
    return this.service.list(actor, pageRequest(query));
  }

  @Get('report')
  @RequireRole('viewer')
  @ApiOperation({
    summary:
      'Waivers active now, expiring within 14 days, expired, unused (active, never applied) and pending approval',
  })
  report(@CurrentPrincipal() actor: Principal): Promise<Record<string, WaiverModel[]>> {
    return this.service.report(actor);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @RequireRole('approver')
  @ApiOperation({
    summary:
      'Approve a pending waiver; 403 SELF_APPROVAL for the requester; 409 approved already or expired',
  })
  approve(@CurrentPrincipal() actor: Principal, @Param('id') id: string): Promise<WaiverModel> {
    return this.service.approve(actor, id);
  }
}
