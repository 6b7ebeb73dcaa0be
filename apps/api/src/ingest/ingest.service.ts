import { Inject, Injectable } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import {
  ANALYZE_JOB_OPTIONS,
  DomainError,
  DRIFT_JOB_OPTIONS,
  parseSnapshot,
  QUEUES,
  snapshotContentHash,
  snapshotInventoryOptions,
  snapshotToObjects,
  type AnalyzeJob,
  type DriftJob,
} from '@fenceline/contracts';
import { SnapshotRepository, type AgentIdentity, type StoreResult } from '@fenceline/data-access';
import { buildInventory, formatObjectRef } from '@fenceline/netpol';
import { ApiMetrics } from '../metrics/metrics';

/**
 * Accepts a pushed snapshot: schema-valid, every object valid as the API server would have it,
 * then stored once per content. Nothing is stored for an invalid body.
 */
@Injectable()
export class IngestService {
  constructor(
    @Inject(SnapshotRepository) private readonly snapshots: SnapshotRepository,
    @InjectQueue(QUEUES.analyze) private readonly analyzeQueue: Queue<AnalyzeJob>,
    @InjectQueue(QUEUES.drift) private readonly driftQueue: Queue<DriftJob>,
    @Inject(ApiMetrics) private readonly metrics: ApiMetrics,
  ) {}

  async ingest(agent: AgentIdentity, body: unknown): Promise<StoreResult> {
    const parsed = parseSnapshot(body);
    if (!parsed.ok) {
      throw new DomainError(
        'INVALID_SNAPSHOT',
        'the snapshot does not match the schema',
        parsed.issues,
      );
    }
    const inventory = buildInventory(
      snapshotToObjects(parsed.snapshot),
      snapshotInventoryOptions(parsed.snapshot),
    );
    if (inventory.issues.length > 0) {
      throw new DomainError(
        'INVALID_OBJECTS',
        'the snapshot holds invalid objects',
        inventory.issues.slice(0, 100).map((i) => ({
          code: i.code,
          object: formatObjectRef(i.object),
          path: i.path,
          message: i.message,
        })),
      );
    }
    const stored = await this.snapshots.store(
      agent.organizationId,
      agent.clusterId,
      parsed.snapshot,
      snapshotContentHash(parsed.snapshot),
    );
    // jobId = snapshot id: enqueueing a duplicate (or the same push twice) adds nothing.
    await this.analyzeQueue.add(
      QUEUES.analyze,
      { organizationId: agent.organizationId, snapshotId: stored.snapshotId },
      { ...ANALYZE_JOB_OPTIONS, jobId: stored.snapshotId },
    );
    if (stored.revived) {
      // Analysed long ago, current again: its drift is evaluated again (alerts may resolve).
      await this.driftQueue.add(
        QUEUES.drift,
        { organizationId: agent.organizationId, snapshotId: stored.snapshotId, reason: 'revived' },
        { ...DRIFT_JOB_OPTIONS, jobId: `drift-${stored.snapshotId}-revived-${Date.now()}` },
      );
    }
    this.metrics.snapshotsIngested.inc({ status: stored.status });
    return { snapshotId: stored.snapshotId, status: stored.status };
  }
}
