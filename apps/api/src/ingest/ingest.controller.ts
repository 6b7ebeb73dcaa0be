import { Body, Controller, HttpCode, Inject, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { inventorySnapshotSchema } from '@fenceline/contracts';
import type { AgentIdentity, StoreResult } from '@fenceline/data-access';
import { AgentGuard } from './agent.guard';
import { IngestService } from './ingest.service';

/** `POST /v1/agent/snapshots`: what cluster agents push. */
@Controller('v1/agent/snapshots')
@UseGuards(AgentGuard)
export class IngestController {
  constructor(@Inject(IngestService) private readonly service: IngestService) {}

  @Post()
  @HttpCode(202)
  @ApiTags('agent')
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      'Push an inventory snapshot (as printed by `fenceline snapshot`); Content-Encoding: gzip accepted',
  })
  @ApiBody({
    schema: z.toJSONSchema(inventorySnapshotSchema, { unrepresentable: 'any' }) as object,
  })
  @ApiResponse({ status: 202, description: '{ snapshotId, status: "accepted" | "duplicate" }' })
  @ApiResponse({
    status: 400,
    description: 'off the schema or invalid objects; issues name the field paths',
  })
  @ApiResponse({ status: 401, description: 'wrong or revoked agent token' })
  @ApiResponse({ status: 413, description: 'larger than INGEST_MAX_BYTES after decompression' })
  @ApiResponse({
    status: 415,
    description: 'a Content-Encoding other than gzip, deflate or identity',
  })
  push(@Req() request: { agent: AgentIdentity }, @Body() body: unknown): Promise<StoreResult> {
    return this.service.ingest(request.agent, body);
  }
}
