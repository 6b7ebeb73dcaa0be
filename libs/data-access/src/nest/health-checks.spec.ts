import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import { HealthChecks, type Terminus } from './health-checks';

/**
 * terminus' HealthCheckService as it behaves: every check runs; all up → the result, any down →
 * a 503 exception whose response carries the same details.
 */
const health: Terminus['health'] = {
  check: async (checks) => {
    const results = await Promise.all(checks.map((c) => c()));
    const details = Object.assign({}, ...results) as Record<string, { status: string }>;
    if (Object.values(details).every((d) => d.status === 'up'))
      return { status: 'ok', details, info: details, error: {} } as never;
    throw { getResponse: () => ({ status: 'error', details }) };
  },
};

function response() {
  const res = { code: 200, status: (code: number) => (res.code = code) };
  return res;
}

const up = () => Promise.resolve();
const never = () => new Promise<void>(() => undefined);
const terminus = { health, indicators: new HealthIndicatorService() };

describe('HealthChecks', () => {
  it('is live without touching anything, ready when PostgreSQL and Redis answer', async () => {
    const checks = new HealthChecks({ ping: never }, never, terminus, 50);
    expect(checks.liveness()).toEqual({ status: 'ok' });
    const res = response();
    const ready = await new HealthChecks({ ping: up }, up, terminus, 50).readiness(res);
    expect([res.code, ready]).toEqual([
      200,
      { status: 'ready', checks: { postgres: 'ok', redis: 'ok' } },
    ]);
  });

  it('answers 503 naming what does not answer within the timeout, and why', async () => {
    const res = response();
    const body = await new HealthChecks({ ping: up }, never, terminus, 50).readiness(res);
    expect(res.code).toBe(503);
    expect(body).toEqual({
      code: 'NOT_READY',
      message: 'Redis not reachable',
      checks: { postgres: 'ok', redis: 'down' },
      details: {
        postgres: { status: 'up' },
        redis: { status: 'down', message: 'no answer within 50 ms' },
      },
    });
    const failing = () => Promise.reject(new Error('connection refused'));
    expect(
      await new HealthChecks({ ping: failing }, never, terminus, 50).readiness(response()),
    ).toMatchObject({
      message: 'PostgreSQL not reachable; Redis not reachable',
      details: { postgres: { status: 'down', message: 'connection refused' } },
    });
  });

  it("adds an app's own checks, named in the message when they are down", async () => {
    const processors = (running: boolean) => ({
      key: 'processors',
      problem: 'processors not running',
      run: (indicators: Terminus['indicators']): HealthIndicatorResult => {
        const session = indicators.check('processors');
        return running ? session.up() : session.down({ message: 'not started' });
      },
    });
    const ready = new HealthChecks({ ping: up }, up, terminus, 50, [processors(true)]);
    expect(await ready.readiness(response())).toEqual({
      status: 'ready',
      checks: { postgres: 'ok', redis: 'ok', processors: 'ok' },
    });
    const res = response();
    const down = new HealthChecks({ ping: up }, up, terminus, 50, [processors(false)]);
    expect(await down.readiness(res)).toMatchObject({
      message: 'processors not running',
      checks: { postgres: 'ok', redis: 'ok', processors: 'down' },
    });
    expect(res.code).toBe(503);
  });
});
