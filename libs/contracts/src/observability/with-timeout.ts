/** The error of a check that did not answer in time. */
export class TimeoutError extends Error {
  constructor(readonly ms: number) {
    super(`no answer within ${ms} ms`);
    this.name = 'TimeoutError';
  }
}

/**
 * `promise`, or a {@link TimeoutError} after `ms`: a readiness probe must answer within its own
 * timeout even when a dependency hangs (ioredis queues commands while it reconnects).
 */
export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    // After a stalled event loop the timer runs before the I/O callbacks of answers that arrived
    // in the meantime: give those one turn (setImmediate runs after I/O) before calling it late.
    const timer = setTimeout(() => setImmediate(() => reject(new TimeoutError(ms))), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/** The part of a health indicator session a probe needs (`@nestjs/terminus`' `HealthIndicatorService.check(key)`). */
export interface ProbeSession<Up, Down> {
  up(): Up;
  down(data: { message: string }): Down;
}

/**
 * Runs one dependency check for a readiness endpoint: up when `check` resolves within
 * `timeoutMs`, down with the reason otherwise.
 */
export async function probe<Up, Down>(
  session: ProbeSession<Up, Down>,
  check: () => Promise<unknown>,
  timeoutMs: number,
): Promise<Up | Down> {
  try {
    await withTimeout(check(), timeoutMs);
    return session.up();
  } catch (error) {
    return session.down({ message: error instanceof Error ? error.message : String(error) });
  }
}
