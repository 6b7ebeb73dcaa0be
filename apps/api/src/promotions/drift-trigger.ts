import { Inject, Injectable } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { DRIFT_JOB_OPTIONS, QUEUES, type DriftJob } from '@fenceline/contracts';
import { ClusterRepository, SnapshotRepository } from '@fenceline/data-access';

/** Asks the worker to evaluate drift again for every cluster of an environment (its newest snapshot). */
@Injectable()
export class DriftTrigger {
  constructor(
    @InjectQueue(QUEUES.drift) private readonly queue: Queue<DriftJob>,
    @Inject(ClusterRepository) private readonly clusters: ClusterRepository,
    @Inject(SnapshotRepository) private readonly snapshots: SnapshotRepository,
  ) {}

  async environment(organizationId: string, environment: string, reason: string): Promise<number> {
    const clusters = (await this.clusters.list(organizationId)).filter(
      (c) => c.environment === environment,
    );
    let queued = 0;
    for (const cluster of clusters)
      queued += await this.cluster(organizationId, cluster.id, reason);
    return queued;
  }

  async cluster(organizationId: string, clusterId: string, reason: string): Promise<number> {
    const latest = await this.snapshots.latest(organizationId, clusterId);
    if (!latest) return 0;
    await this.queue.add(
      QUEUES.drift,
      { organizationId, snapshotId: latest.id, reason },
      {
        ...DRIFT_JOB_OPTIONS,
        jobId: `drift-${latest.id}-${reason.replace(/[^A-Za-z0-9-]/g, '-')}`,
      },
    );
    return 1;
  }
}
