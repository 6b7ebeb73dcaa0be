import type { FactoryProvider, InjectionToken, OnApplicationBootstrap } from '@nestjs/common';
import type {
  HealthCheckService,
  HealthIndicatorResult,
  HealthIndicatorService,
} from '@nestjs/terminus';
import type { Queue } from 'bullmq';
import {
  checkDetails,
  probe,
  readinessOf,
  withTimeout,
  type Readiness,
} from '@fenceline/contracts';
import { Database } from '../database';

/** What the probes need of terminus (the two services `TerminusModule` provides). */
export interface Terminus {
  readonly health: Pick<HealthCheckService, 'check'>;
  readonly indicators: Pick<HealthIndicatorService, 'check'>;
}

/** A readiness check of one app beside PostgreSQL and Redis (the worker's processors). */
export interface ReadinessCheck {
  /** Its key in `checks` and `details`. */
  readonly key: string;
  /** What `/readyz`'s message says when it is down, e.g. `processors not running`. */
  readonly problem: string;
  run(indicators: Terminus['indicators']): HealthIndicatorResult | Promise<HealthIndicatorResult>;
}

/** Where the `/readyz` answer's status is set (Express' response, `@Res({ passthrough: true })`). */
export interface StatusResponse {
  status(code: number): unknown;
}

const PROBLEMS = { postgres: 'PostgreSQL not reachable', redis: 'Redis not reachable' };

/** Long enough for the first query's load of Prisma's query compiler (see `onApplicationBootstrap`). */
const WARM_UP_MS = 5000;

/**
 * Liveness and readiness of the API and the worker, one implementation: PostgreSQL (`SELECT 1`)
 * and Redis (one round trip through the app's queue connection) as `@nestjs/terminus`
 * indicators, each bounded by `timeoutMs` (ioredis queues commands while it reconnects instead of
 * failing them; a hung database would hang the probe), plus the app's own checks. Decorator-free
 * like {@link DataAccessModule} (the CLI bundles this library); each app's controller declares
 * the routes. Provide it with {@link healthChecksProvider}.
 *
 * See https://docs.nestjs.com/recipes/terminus
 */
export class HealthChecks implements OnApplicationBootstrap {
  constructor(
    private readonly db: Pick<Database, 'ping'>,
    private readonly redisRoundTrip: () => Promise<unknown>,
    private readonly terminus: Terminus,
    private readonly timeoutMs: number,
    private readonly checks: readonly ReadinessCheck[] = [],
  ) {}

  /**
   * The first query of a process loads Prisma's query compiler, which blocks the event loop for
   * half a second or more: done at boot, so that no probe pays it (a failure here is the probes'
   * to report).
   */
  async onApplicationBootstrap(): Promise<void> {
    await withTimeout(this.db.ping(), WARM_UP_MS).catch(() => undefined);
  }

  /** `/healthz`: the process answers; no I/O, so a slow dependency never restarts it. */
  liveness(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** `/readyz`: 200 `{ status: 'ready', checks }`, or 503 `{ code: 'NOT_READY', message, checks, details }`. */
  async readiness(res: StatusResponse): Promise<Readiness['body']> {
    const { indicators } = this.terminus;
    const details = await checkDetails(() =>
      this.terminus.health.check([
        () => probe(indicators.check('postgres'), () => this.db.ping(), this.timeoutMs),
        () => probe(indicators.check('redis'), this.redisRoundTrip, this.timeoutMs),
        ...this.checks.map((c) => () => c.run(indicators)),
      ]),
    );
    const problems = Object.fromEntries([
      ...Object.entries(PROBLEMS),
      ...this.checks.map((c) => [c.key, c.problem] as const),
    ]);
    const readiness = readinessOf(details, problems);
    if (!readiness.ready) res.status(503);
    return readiness.body;
  }
}

/** The tokens {@link healthChecksProvider} injects; the app's health module provides them. */
export interface HealthCheckTokens<Dep = never> {
  /** `HealthCheckService` and `HealthIndicatorService` of `@nestjs/terminus` (its TerminusModule). */
  readonly health: InjectionToken;
  readonly indicators: InjectionToken;
  /** A queue on the app's Redis connection (`getQueueToken(QUEUES.analyze)` of `@nestjs/bullmq`). */
  readonly queue: InjectionToken;
  /** The app's configuration: its `readinessTimeoutMs` (`READINESS_TIMEOUT_MS`) bounds each check. */
  readonly config: InjectionToken;
  /** An app's own checks, from one more provider (the worker's job observer). */
  readonly checks?: { readonly inject: InjectionToken; build(dep: Dep): ReadinessCheck[] };
}

/**
 * The {@link HealthChecks} of an app, over the global {@link Database}.
 *
 * @example healthChecksProvider({ health: HealthCheckService, indicators: HealthIndicatorService, queue: getQueueToken(QUEUES.analyze), config: API_CONFIG })
 */
export function healthChecksProvider<Dep = never>(
  tokens: HealthCheckTokens<Dep>,
): FactoryProvider<HealthChecks> {
  return {
    provide: HealthChecks,
    useFactory: (
      db: Database,
      health: HealthCheckService,
      indicators: HealthIndicatorService,
      queue: Pick<Queue, 'getJobCountByTypes'>,
      config: { readonly readinessTimeoutMs: number },
      ...own: Dep[]
    ) =>
      new HealthChecks(
        db,
        // A real round trip (one LLEN through the queue's connection; BullMQ does not expose it).
        () => queue.getJobCountByTypes('waiting'),
        { health, indicators },
        config.readinessTimeoutMs,
        tokens.checks ? tokens.checks.build(own[0]!) : [],
      ),
    inject: [
      Database,
      tokens.health,
      tokens.indicators,
      tokens.queue,
      tokens.config,
      ...(tokens.checks ? [tokens.checks.inject] : []),
    ],
  };
}
