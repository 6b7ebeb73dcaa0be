import { mergeExpositions } from './queue-exposition';

const block = (queue: string, waiting: number): string =>
  [
    '# HELP bullmq_job_count Number of jobs in the queue by state',
    '# TYPE bullmq_job_count gauge',
    `bullmq_job_count{queue="${queue}", state="waiting"} ${waiting}`,
    '# HELP bullmq_job_completed_total Total number of completed jobs',
    '# TYPE bullmq_job_completed_total counter',
    `bullmq_job_completed_total{queue="${queue}"} 0`,
  ].join('\n');

describe('mergeExpositions', () => {
  it('names each family once, keeps every sample, and leaves out dropped families', () => {
    expect(
      mergeExpositions(
        [block('analyze', 2), block('drift', 0)],
        new Set(['bullmq_job_completed_total']),
      ),
    ).toBe(
      [
        '# HELP bullmq_job_count Number of jobs in the queue by state',
        '# TYPE bullmq_job_count gauge',
        'bullmq_job_count{queue="analyze",state="waiting"} 2',
        'bullmq_job_count{queue="drift",state="waiting"} 0',
        '',
      ].join('\n'),
    );
  });

  it('leaves an escaped quote followed by a comma inside a label value alone', () => {
    const text = 'x{queue="a\\", b", state="waiting"} 1';
    expect(mergeExpositions([text], new Set())).toBe('x{queue="a\\", b",state="waiting"} 1\n');
  });
});
