import { Body, Controller, HttpCode, Inject, Param, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { actorOf, BaselineRepository, ClusterRepository, ConnectivityReferenceRepository, DataAccessError, PromotionRepository, SnapshotRepository, type Principal } from '@fenceline/data-access';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { CurrentPrincipal, RequireRole } from '../auth/principal';
import { ZodBody } from '../errors/zod-body.pipe';
import { DriftTrigger } from '../promotions/drift-trigger';

const acceptSchema = z.strictObject({ comment: z.string().min(1).max(2000) });

/**
 * `POST /v1/clusters/:id/baselines/:baselineId/accept-connectivity`: the cluster's newest
 * analysed connectivity becomes its accepted reference under the baseline (audited, with a
 * comment), so connectivity-widening alerts that were intended resolve at the re-evaluation.
 */
@ApiTags('alerts')
@ApiBearerAuth()
@Controller('v1/clusters')
@UseGuards(ApiKeyGuard)
export class ReferencesController {
  constructor(
    @Inject(ClusterRepository) private readonly clusters: ClusterRepository,
    @Inject(BaselineRepository) private readonly baselines: BaselineRepository,
    @Inject(PromotionRepository) private readonly promotions: PromotionRepository,
    @Inject(SnapshotRepository) private readonly snapshots: SnapshotRepository,
    @Inject(ConnectivityReferenceRepository) private readonly references: ConnectivityReferenceRepository,
    @Inject(DriftTrigger) private readonly drift: DriftTrigger,
  ) {}

  @Post(':id/baselines/:baselineId/accept-connectivity')
  @HttpCode(200)
  @RequireRole('editor')
  @ApiOperation({ summary: 'Accept the current connectivity as the reference { comment }; 200 { snapshotId, rows, acceptedBy, acceptedAt }' })
  @ApiBody({ schema: z.toJSONSchema(acceptSchema) as object })
  async accept(
    @CurrentPrincipal() actor: Principal,
    @Param('id') clusterId: string,
    @Param('baselineId') baselineId: string,
    @Body(new ZodBody(acceptSchema)) body: z.infer<typeof acceptSchema>,
  ): Promise<Record<string, unknown>> {
    const org = actor.organizationId;
    const cluster = await this.clusters.get(org, clusterId);
    if (!cluster) throw new DataAccessError('NOT_FOUND', `cluster ${clusterId} not found`);
    await this.baselines.require(org, baselineId);
    const environment = await this.promotions.environment(org, cluster.environment);
    const pin = (await this.promotions.pins(org, { environmentId: environment.id, baselineId }))[0];
    if (!pin) throw new DataAccessError('INVALID', `baseline ${baselineId} is not pinned to ${cluster.environment}`);
    const analysis = await this.snapshots.latestAnalysis(org, clusterId);
    if (!analysis) throw new DataAccessError('NOT_FOUND', `cluster ${clusterId} has no analysed snapshot yet`);
    const reference = await this.references.set(
      org,
      { clusterId, baselineId, baselineVersionId: pin.version.id, snapshotId: analysis.snapshotId, rows: analysis.connectivity as { src: string; dst: string; conn: string }[], acceptedBy: actorOf(actor) },
      { action: 'reference.accepted', comment: body.comment },
    );
    await this.drift.cluster(org, clusterId, `accept:${Date.now()}`);
    return { clusterId, baselineId, snapshotId: reference.snapshotId, rows: reference.rows.length, acceptedBy: reference.acceptedBy, acceptedAt: reference.acceptedAt.toISOString() };
  }
}
