import { Body, Controller, HttpCode, Inject, Post, Req, UseGuards } from '@nestjs/common';
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
  push(@Req() request: { agent: AgentIdentity }, @Body() body: unknown): Promise<StoreResult> {
    return this.service.ingest(request.agent, body);
  }
}
