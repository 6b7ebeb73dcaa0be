/** One check of a readiness probe, as `@nestjs/terminus` reports it (`details[key]`). */
export interface CheckDetail {
  readonly status: string;
  readonly message?: unknown;
}

/** What `/readyz` answers: 200 `{ status, checks }`, or 503 with the code and what is down. */
export type Readiness =
  | { readonly ready: true; readonly body: { status: 'ready'; checks: Record<string, 'ok'> } }
  | {
      readonly ready: false;
      readonly body: {
        code: 'NOT_READY';
        message: string;
        checks: Record<string, 'ok' | 'down'>;
        details: Record<string, CheckDetail>;
      };
    };

/**
 * The readiness answer for a set of checks: all up → `{ status: 'ready', checks: { postgres:
 * 'ok', … } }`; otherwise `{ code: 'NOT_READY', message, checks, details }` where the message
 * says what is wrong in words (`problems[key]`, e.g. "Redis not reachable") and `details` why.
 *
 * @example readinessOf({ redis: { status: 'down', message: 'no answer within 1000 ms' } }, { redis: 'Redis not reachable' })
 */
export function readinessOf(
  details: Readonly<Record<string, CheckDetail>>,
  problems: Readonly<Record<string, string>>,
): Readiness {
  const checks = Object.fromEntries(
    Object.entries(details).map(([key, d]) => [key, d.status === 'up' ? 'ok' : 'down'] as const),
  );
  const failed = Object.keys(checks).filter((key) => checks[key] === 'down');
  if (failed.length === 0)
    return { ready: true, body: { status: 'ready', checks: checks as Record<string, 'ok'> } };
  return {
    ready: false,
    body: {
      code: 'NOT_READY',
      message: failed.map((key) => problems[key] ?? `${key} down`).join('; '),
      checks,
      details: { ...details },
    },
  };
}

/**
 * The per-check details of a terminus run (`HealthCheckService.check`), also when it fails:
 * terminus then throws a 503 exception whose response is the same result.
 */
export async function checkDetails(
  run: () => Promise<{ details: Readonly<Record<string, CheckDetail>> }>,
): Promise<Record<string, CheckDetail>> {
  try {
    return { ...(await run()).details };
  } catch (error) {
    const response = responseOf(error);
    if (response) return { ...response.details };
    throw error;
  }
}

function responseOf(error: unknown): { details: Record<string, CheckDetail> } | undefined {
  if (typeof error !== 'object' || error === null || !('getResponse' in error)) return undefined;
  const getResponse = (error as { getResponse: unknown }).getResponse;
  if (typeof getResponse !== 'function') return undefined;
  const body: unknown = getResponse.call(error);
  return typeof body === 'object' && body !== null && 'details' in body
    ? (body as { details: Record<string, CheckDetail> })
    : undefined;
}
