import { Body, Controller, HttpCode, Inject, Param, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import type { Principal } from '@fenceline/data-access';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { CurrentPrincipal, RequireRole } from '../auth/principal';
import { ZodBody } from '../errors/zod-body.pipe';
import { acceptConnectivitySchema, type AcceptConnectivityDto } from './dto/alert.dto';
import type { AcceptedReferenceModel } from './models/alert.model';
import { ReferencesService } from './references.service';

/** `POST /v1/clusters/:id/baselines/:baselineId/accept-connectivity` (editor). */
@ApiTags('alerts')
@ApiBearerAuth()
@Controller('v1/clusters')
@UseGuards(ApiKeyGuard)
export class ReferencesController {
  constructor(@Inject(ReferencesService) private readonly references: ReferencesService) {}

  @Post(':id/baselines/:baselineId/accept-connectivity')
  @HttpCode(200)
  @RequireRole('editor')
  @ApiOperation({
    summary:
      'Accept the current connectivity as the reference { comment }; 200 { snapshotId, rows, acceptedBy, acceptedAt }',
  })
  @ApiBody({ schema: z.toJSONSchema(acceptConnectivitySchema) as object })
  accept(
    @CurrentPrincipal() actor: Principal,
    @Param('id') clusterId: string,
    @Param('baselineId') baselineId: string,
    @Body(new ZodBody(acceptConnectivitySchema)) body: AcceptConnectivityDto,
  ): Promise<AcceptedReferenceModel> {
    return this.references.accept(actor, clusterId, baselineId, body.comment);
  }
}
