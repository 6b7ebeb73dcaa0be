import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import type { Queue } from 'bullmq';
import { probe, QUEUES, withTimeout } from '@fenceline/contracts';
import { Database } from '@fenceline/data-access';
import { API_CONFIG, type ApiConfig } from '../config';

const WARM_UP_MS = 5000;

/** The API's dependencies as terminus indicators, each bounded by `READINESS_TIMEOUT_MS`. */
@Injectable()
export class ApiHealthIndicators implements OnApplicationBootstrap {
  constructor(
    @Inject(HealthIndicatorService) private readonly indicators: HealthIndicatorService,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    @Inject(Database) private readonly db: Database,
    @InjectQueue(QUEUES.analyze) private readonly queue: Queue,
  ) {}

  /**
   * The first query of a process loads Prisma's query compiler, which blocks the event loop for
   * half a second or more: done at boot, so that no probe pays it (a failure here is the probes'
   * to report).
   */
  async onApplicationBootstrap(): Promise<void> {
    await withTimeout(this.db.ping(), WARM_UP_MS).catch(() => undefined);
  }

  postgres(): Promise<HealthIndicatorResult> {
    return probe(this.indicators.check('postgres'), () => this.db.ping(), this.timeout);
  }

  /**
   * A real round trip (one LLEN through the queue's connection; BullMQ 6 does not expose the
   * client): ioredis queues commands while it reconnects instead of failing them, hence the bound.
   */
  redis(): Promise<HealthIndicatorResult> {
    return probe(
      this.indicators.check('redis'),
      () => this.queue.getJobCountByTypes('waiting'),
      this.timeout,
    );
  }

  private get timeout(): number {
    return this.config.readinessTimeoutMs;
  }
}
