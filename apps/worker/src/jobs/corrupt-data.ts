import { UnrecoverableError } from 'bullmq';
import { isCorruptData } from '@fenceline/data-access';

/**
 * A job's work, with corrupt stored data (a repository's `CORRUPT_DATA`: a JSON column off its
 * schema) ending the job as BullMQ's `UnrecoverableError`: every retry would read the same bytes.
 * Any other error is rethrown as it is, for the queue's retries.
 */
export async function failOnCorruptData<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isCorruptData(error)) throw new UnrecoverableError(error.message);
    throw error;
  }
}
