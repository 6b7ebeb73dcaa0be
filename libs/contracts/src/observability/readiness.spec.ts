import { checkDetails, readinessOf } from './readiness';

const problems = { postgres: 'PostgreSQL not reachable', redis: 'Redis not reachable' };

describe('readinessOf', () => {
  it('is ready with every check ok', () => {
    expect(readinessOf({ postgres: { status: 'up' }, redis: { status: 'up' } }, problems)).toEqual({
      ready: true,
      body: { status: 'ready', checks: { postgres: 'ok', redis: 'ok' } },
    });
  });

  it('names each failed check, in words and with its reason', () => {
    const down = { status: 'down', message: 'no answer within 1000 ms' };
    expect(readinessOf({ postgres: { status: 'up' }, redis: down }, problems)).toEqual({
      ready: false,
      body: {
        code: 'NOT_READY',
        message: 'Redis not reachable',
        checks: { postgres: 'ok', redis: 'down' },
        details: { postgres: { status: 'up' }, redis: down },
      },
    });
    const both = readinessOf({ postgres: down, redis: down, queue: down }, problems);
    expect(both.ready).toBe(false);
    expect(!both.ready && both.body.message).toBe(
      'PostgreSQL not reachable; Redis not reachable; queue down',
    );
  });
});

describe('checkDetails', () => {
  const details = { redis: { status: 'down', message: 'ECONNREFUSED' } };

  it('takes the details of a passing run and of a failing one (terminus throws its result)', async () => {
    expect(await checkDetails(() => Promise.resolve({ details }))).toEqual(details);
    const unavailable = Object.assign(new Error('Service Unavailable'), {
      getResponse: () => ({ status: 'error', details }),
    });
    expect(await checkDetails(() => Promise.reject(unavailable))).toEqual(details);
  });

  it('rethrows any other error', async () => {
    await expect(checkDetails(() => Promise.reject(new Error('bug')))).rejects.toThrow('bug');
  });
});
