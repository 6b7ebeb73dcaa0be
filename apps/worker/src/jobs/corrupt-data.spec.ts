import { UnrecoverableError } from 'bullmq';
import { CorruptDataError } from '@fenceline/data-access';
import { failOnCorruptData } from './corrupt-data';

describe('failOnCorruptData', () => {
  it('returns what the work returns', async () => {
    await expect(failOnCorruptData(() => Promise.resolve(42))).resolves.toBe(42);
  });

  it('ends the job (no retry) when stored data is corrupt, with the message naming the field', async () => {
    const corrupt = new CorruptDataError(
      { table: 'ConnectivityReference', id: 'r1', field: 'rows' },
      '[0].conn: expected string',
    );
    const error: unknown = await failOnCorruptData(() => Promise.reject(corrupt)).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UnrecoverableError);
    expect((error as Error).message).toBe(
      'stored ConnectivityReference r1 does not match the schema: rows ([0].conn: expected string)',
    );
  });

  it('rethrows any other error as it is, for the retries (stack kept)', async () => {
    const original = new Error('connection reset');
    await expect(failOnCorruptData(() => Promise.reject(original))).rejects.toBe(original);
  });
});
