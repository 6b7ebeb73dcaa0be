import { Inject, Injectable, Logger } from '@nestjs/common';
import type { RetentionJob } from '@fenceline/contracts';
import { RetentionRepository } from '@fenceline/data-access';

/** The clock retention measures ages against (tests move it forward). */
export const RETENTION_CLOCK = Symbol('RETENTION_CLOCK');
export type Clock = () => Date;

export interface RetentionTotals {
  readonly organizations: number;
  readonly snapshots: number;
  readonly complianceResults: number;
}

/**
 * One retention pass over every organization (or the one named). An organization that fails does not stop the
 * others; the pass then fails with the first error, so that BullMQ retries it (deleting is
 * idempotent).
 */
@Injectable()
export class RetentionService {
  private readonly logger = new Logger(RetentionService.name);

  constructor(
    @Inject(RetentionRepository) private readonly retention: RetentionRepository,
    @Inject(RETENTION_CLOCK) private readonly clock: Clock,
  ) {}

  async run(job: RetentionJob): Promise<RetentionTotals> {
    const now = this.clock();
    const ids = job.organizationId ? [job.organizationId] : await this.retention.organizationIds();
    let snapshots = 0;
    let complianceResults = 0;
    let firstError: unknown;
    for (const organizationId of ids) {
      try {
        const outcome = await this.retention.apply(organizationId, now);
        snapshots += outcome.snapshots;
        complianceResults += outcome.complianceResults;
      } catch (error) {
        this.logger.error({ msg: 'retention failed', organizationId, err: error });
        firstError ??= error;
      }
    }
    if (firstError !== undefined) throw firstError;
    return { organizations: ids.length, snapshots, complianceResults };
  }
}
