import { BadRequestException, Inject, Injectable } from '@nestjs/common';
import { parseSnapshot, snapshotContentHash, snapshotToObjects } from '@fenceline/contracts';
import { SnapshotRepository, type AgentIdentity, type StoreResult } from '@fenceline/data-access';
import { buildInventory, formatObjectRef } from '@fenceline/netpol';

/**
 * Accepts a pushed snapshot: schema-valid, every object valid as the API server would have it,
 * then stored once per content. Nothing is stored for an invalid body.
 */
@Injectable()
export class IngestService {
  constructor(@Inject(SnapshotRepository) private readonly snapshots: SnapshotRepository) {}

  async ingest(agent: AgentIdentity, body: unknown): Promise<StoreResult> {
    const parsed = parseSnapshot(body);
    if (!parsed.ok) {
      throw new BadRequestException({ code: 'INVALID_SNAPSHOT', message: 'the snapshot does not match the schema', issues: parsed.issues });
    }
    const inventory = buildInventory(snapshotToObjects(parsed.snapshot));
    if (inventory.issues.length > 0) {
      throw new BadRequestException({
        code: 'INVALID_OBJECTS',
        message: 'the snapshot holds invalid objects',
        issues: inventory.issues.slice(0, 100).map((i) => ({ code: i.code, object: formatObjectRef(i.object), path: i.path, message: i.message })),
      });
    }
    return this.snapshots.store(agent.organizationId, agent.clusterId, parsed.snapshot, snapshotContentHash(parsed.snapshot));
  }
}
