import { parseSnapshot } from '@fenceline/contracts';
import { scaleSpec, WORKLOADS } from './cluster-spec';
import { generateCluster } from './generate-cluster';
import { mutate } from './mutate';

describe('mutate', () => {
  const spec = scaleSpec(WORKLOADS.W3, 0.1);
  const before = generateCluster(spec, spec.seed);
  const frozen = JSON.stringify(before);
  const after = mutate(before, 0.01, 99);

  const key = (o: { namespace: string; name: string }) => `${o.namespace}/${o.name}`;
  const changes = <T extends { namespace: string; name: string }>(
    a: readonly T[],
    b: readonly T[],
    same: (x: T, y: T) => boolean,
  ): number => {
    const byKey = new Map(a.map((x) => [key(x), x]));
    const afterKeys = new Set(b.map(key));
    const removed = a.filter((x) => !afterKeys.has(key(x))).length;
    const addedOrChanged = b.filter((y) => {
      const x = byKey.get(key(y));
      return !x || !same(x, y);
    }).length;
    return removed + addedOrChanged;
  };

  it('changes about the requested fraction of pods', () => {
    const changed = changes(
      before.pods,
      after.pods,
      (x, y) => JSON.stringify(x.labels) === JSON.stringify(y.labels),
    );
    expect(changed).toBe(Math.round(before.pods.length * 0.01));
  });

  it('changes about the requested fraction of policies', () => {
    const changed = changes(
      before.policies,
      after.policies,
      (x, y) => JSON.stringify(x.spec) === JSON.stringify(y.spec),
    );
    expect(changed).toBe(Math.round(before.policies.length * 0.01));
  });

  it('leaves its input alone and is deterministic', () => {
    expect(JSON.stringify(before)).toBe(frozen);
    expect(JSON.stringify(mutate(before, 0.01, 99))).toBe(JSON.stringify(after));
    expect(JSON.stringify(mutate(before, 0.01, 100))).not.toBe(JSON.stringify(after));
  });

  it('gives a valid snapshot with unique names and IPs', () => {
    expect(parseSnapshot(JSON.parse(JSON.stringify(after))).ok).toBe(true);
    expect(new Set(after.pods.map(key)).size).toBe(after.pods.length);
    expect(new Set(after.policies.map(key)).size).toBe(after.policies.length);
    expect(new Set(after.pods.flatMap((p) => p.ips)).size).toBe(after.pods.length);
  });
});
