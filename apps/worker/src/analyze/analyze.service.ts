import { Inject, Injectable } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import {
  COMPLIANCE_JOB_OPTIONS,
  DRIFT_JOB_OPTIONS,
  QUEUES,
  type AnalyzeJob,
  type ComplianceJob,
  type DriftJob,
} from '@fenceline/contracts';
import { SnapshotRepository } from '@fenceline/data-access';
import { buildModel } from '@fenceline/netpol';
import { storedInventory } from '../jobs/stored-inventory';

/**
 * Builds the fast model of a stored snapshot and stores its workload connectivity and coverage,
 * then asks for its drift and compliance evaluations.
 * Idempotent: running it twice (a worker killed mid-way, a retry) writes the same single row.
 */
@Injectable()
export class AnalyzeService {
  constructor(
    @Inject(SnapshotRepository) private readonly snapshots: SnapshotRepository,
    @InjectQueue(QUEUES.drift) private readonly driftQueue: Queue<DriftJob>,
    @InjectQueue(QUEUES.compliance) private readonly complianceQueue: Queue<ComplianceJob>,
  ) {}

  async analyze(job: AnalyzeJob): Promise<{ classCount: number; connections: number }> {
    const stored = await this.snapshots.get(job.organizationId, job.snapshotId);
    const loaded =
      stored && (await storedInventory(this.snapshots, job.organizationId, job.snapshotId));
    if (!loaded) throw new Error(`snapshot ${job.snapshotId} not found`);
    const { inventory } = loaded;
    const model = buildModel(inventory);
    const connectivity = model
      .connlist()
      .map((r) => ({ src: r.src, dst: r.dst, conn: r.conn.toString() }));
    await this.snapshots.saveAnalysis(job.organizationId, job.snapshotId, {
      classCount: model.classCount,
      connectivity,
      coverage: model.coverage(),
      findings: inventory.issues.map((i) => ({ code: i.code, path: i.path, message: i.message })),
    });
    // Then drift against the baselines pinned to the cluster's environment (job id: once per snapshot).
    await this.driftQueue.add(
      QUEUES.drift,
      { organizationId: job.organizationId, snapshotId: job.snapshotId, reason: 'analysed' },
      { ...DRIFT_JOB_OPTIONS, jobId: `drift-${job.snapshotId}` },
    );
    // And its compliance results (append-only history, once per snapshot).
    await this.complianceQueue.add(
      QUEUES.compliance,
      { organizationId: job.organizationId, snapshotId: job.snapshotId },
      { ...COMPLIANCE_JOB_OPTIONS, jobId: `compliance-${job.snapshotId}` },
    );
    return { classCount: model.classCount, connections: connectivity.length };
  }
}
