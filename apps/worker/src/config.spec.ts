import { loadWorkerConfig } from './config';

describe('worker configuration for operations', () => {
  it('defaults the HTTP port to 9464 on loopback, info logs, 1 s readiness checks and daily retention', () => {
    expect(loadWorkerConfig({})).toMatchObject({
      logLevel: 'info',
      http: { host: '127.0.0.1', port: 9464 },
      readinessTimeoutMs: 1000,
      retentionSchedule: '30 3 * * *',
    });
  });

  it('takes them from the environment and refuses bad values, naming the variable', () => {
    expect(
      loadWorkerConfig({
        LOG_LEVEL: 'warn',
        WORKER_HTTP_HOST: '0.0.0.0',
        WORKER_HTTP_PORT: '9100',
        READINESS_TIMEOUT_MS: '2500',
        RETENTION_SCHEDULE: '0 */6 * * *',
      }),
    ).toMatchObject({
      logLevel: 'warn',
      http: { host: '0.0.0.0', port: 9100 },
      readinessTimeoutMs: 2500,
      retentionSchedule: '0 */6 * * *',
    });
    expect(() => loadWorkerConfig({ WORKER_HTTP_PORT: '70000' })).toThrow(/WORKER_HTTP_PORT: /);
    expect(() => loadWorkerConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL: /);
  });
});
