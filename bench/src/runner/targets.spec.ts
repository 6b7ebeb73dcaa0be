import { targetText, verdict } from './targets';
import type { WorkloadResult } from './workload-result';

const result = (over: Partial<WorkloadResult>): WorkloadResult => ({
  id: 'W2',
  pods: 1,
  policies: 1,
  namespaces: 1,
  classes: 1,
  parseMs: 1,
  modelMs: 100,
  modelCpuMs: 100,
  coldModelMs: 100,
  rssMb: 100,
  rows: 0,
  census: { classes: 1, podsPerClass: 1, workloads: 1, allowedPairs: 0, externalRows: 0 },
  ...over,
});

describe('verdict', () => {
  it.each([
    [{ modelCpuMs: 150 }, 'met'],
    [{ modelCpuMs: 180 }, 'missed by 20%'],
    [{ id: 'W1', modelCpuMs: 20, speedup: 150 }, 'met'],
    [{ id: 'W1', modelCpuMs: 20, speedup: 50 }, 'missed by 100%'],
    [{ id: 'W1', modelCpuMs: 30, speedup: 500 }, 'missed by 20%'],
    [{ id: 'W3', modelCpuMs: 200 }, 'missed (not measured)'],
    [{ id: 'W3', modelCpuMs: 200, diffMs: 150 }, 'missed by 50%'],
    [{ id: 'W4', modelCpuMs: 2000, rssMb: 2048 }, 'missed by 100%'],
  ] as const)('%j is %s', (over, expected) => {
    expect(verdict(result(over), 1)).toBe(expected);
  });

  it('does not judge a scaled run', () => {
    expect(verdict(result({ modelCpuMs: 1e6 }), 0.1)).toBe('n/a (scale 0.1)');
  });

  it('states the targets', () => {
    expect(targetText('W3')).toBe('≤ 250 ms, diff ≤ 100 ms');
  });
});
