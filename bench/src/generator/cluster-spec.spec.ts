import { scaleSpec, WORKLOAD_IDS, WORKLOADS } from './cluster-spec';

describe('workload specs', () => {
  it.each([
    ['W1', 2_000, 300, 50],
    ['W2', 3_500, 12_000, 1_000],
    ['W3', 20_000, 5_000, 500],
    ['W4', 100_000, 75_000, 25_000],
    ['W5r', 150_000, 15_000, 1_000],
    ['W5a', 150_000, 15_000, 1_000],
  ] as const)('%s has %i pods, %i policies, %i namespaces', (id, pods, policies, namespaces) => {
    expect(WORKLOADS[id]).toMatchObject({ pods, policies, namespaces });
  });

  it('gives every workload its own seed', () => {
    expect(new Set(WORKLOAD_IDS.map((id) => WORKLOADS[id].seed)).size).toBe(WORKLOAD_IDS.length);
  });

  it('scales every count and keeps the shape', () => {
    expect(scaleSpec(WORKLOADS.W4, 0.01)).toEqual({
      ...WORKLOADS.W4,
      pods: 1_000,
      policies: 750,
      namespaces: 250,
    });
  });

  it('keeps a minimum so tiny scales still have every part', () => {
    expect(scaleSpec(WORKLOADS.W1, 0.001)).toMatchObject({ pods: 40, policies: 8, namespaces: 5 });
  });

  it('rejects a scale that is not positive', () => {
    expect(() => scaleSpec(WORKLOADS.W1, 0)).toThrow(RangeError);
  });
});
