import { probe, TimeoutError, withTimeout } from './with-timeout';

const session = {
  up: () => 'up' as const,
  down: (data: { message: string }) => `down: ${data.message}`,
};

describe('withTimeout and probe', () => {
  // setImmediate stays real: the timeout gives pending I/O one turn through it before failing.
  beforeEach(() => jest.useFakeTimers({ doNotFake: ['setImmediate'] }));
  afterEach(() => jest.useRealTimers());

  it('answers the value when it comes first', async () => {
    await expect(withTimeout(Promise.resolve(7), 1000)).resolves.toBe(7);
  });

  it('fails with a TimeoutError when the promise hangs past the limit', async () => {
    const pending = withTimeout(new Promise<never>(() => undefined), 1000);
    jest.advanceTimersByTime(1000);
    await expect(pending).rejects.toBeInstanceOf(TimeoutError);
  });

  it('reports up, down with the error, and down on a hang', async () => {
    expect(await probe(session, () => Promise.resolve(), 1000)).toBe('up');
    expect(await probe(session, () => Promise.reject(new Error('ECONNREFUSED')), 1000)).toBe(
      'down: ECONNREFUSED',
    );
    const hung = probe(session, () => new Promise<never>(() => undefined), 1000);
    jest.advanceTimersByTime(1000);
    expect(await hung).toBe('down: no answer within 1000 ms');
  });
});

describe('withTimeout after a stalled event loop', () => {
  it('takes an answer that arrived during the stall rather than calling it late', async () => {
    // The answer lands (its callback queued as an immediate) in the same turn the timer expires.
    const answer = new Promise<string>((resolve) => {
      setTimeout(() => setImmediate(() => resolve('answered')), 20);
    });
    const timed = withTimeout(answer, 20);
    await expect(timed).resolves.toBe('answered');
  });
});
