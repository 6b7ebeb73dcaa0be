import { Inject, Injectable } from '@nestjs/common';
import {
  actorOf,
  BaselineRepository,
  ClusterRepository,
  ConnectivityReferenceRepository,
  DataAccessError,
  PromotionRepository,
  SnapshotRepository,
  type Principal,
} from '@fenceline/data-access';
import { DriftTrigger } from '../promotions/drift-trigger';
import type { AcceptedReferenceModel } from './models/alert.model';

/**
 * Accepting a connectivity change: the cluster's newest analysed connectivity becomes its
 * reference under the baseline (audited, with a comment), and drift is evaluated again, so
 * connectivity-widening alerts that were intended resolve.
 */
@Injectable()
export class ReferencesService {
  constructor(
    @Inject(ClusterRepository) private readonly clusters: ClusterRepository,
    @Inject(BaselineRepository) private readonly baselines: BaselineRepository,
    @Inject(PromotionRepository) private readonly promotions: PromotionRepository,
    @Inject(SnapshotRepository) private readonly snapshots: SnapshotRepository,
    @Inject(ConnectivityReferenceRepository)
    private readonly references: ConnectivityReferenceRepository,
    @Inject(DriftTrigger) private readonly drift: DriftTrigger,
  ) {}

  async accept(
    actor: Principal,
    clusterId: string,
    baselineId: string,
    comment: string,
  ): Promise<AcceptedReferenceModel> {
    const org = actor.organizationId;
    const cluster = await this.clusters.get(org, clusterId);
    if (!cluster) throw new DataAccessError('NOT_FOUND', `cluster ${clusterId} not found`);
    await this.baselines.require(org, baselineId);
    const environment = await this.promotions.environment(org, cluster.environment);
    const pin = (await this.promotions.pins(org, { environmentId: environment.id, baselineId }))[0];
    if (!pin)
      throw new DataAccessError(
        'INVALID',
        `baseline ${baselineId} is not pinned to ${cluster.environment}`,
      );
    const analysis = await this.snapshots.latestAnalysis(org, clusterId);
    if (!analysis)
      throw new DataAccessError('NOT_FOUND', `cluster ${clusterId} has no analysed snapshot yet`);
    const reference = await this.references.set(
      org,
      {
        clusterId,
        baselineId,
        baselineVersionId: pin.version.id,
        snapshotId: analysis.snapshotId,
        rows: analysis.connectivity as { src: string; dst: string; conn: string }[],
        acceptedBy: actorOf(actor),
      },
      { action: 'reference.accepted', comment },
    );
    await this.drift.cluster(org, clusterId, `accept-${Date.now()}`);
    return {
      clusterId,
      baselineId,
      snapshotId: reference.snapshotId,
      rows: reference.rows.length,
      acceptedBy: reference.acceptedBy,
      acceptedAt: reference.acceptedAt.toISOString(),
    };
  }
}
