import { join } from 'node:path';
import { buildInventory } from '../inventory/build-inventory';
import { loadPaths } from '../load/load-paths';
import { buildModel } from './reachability-model';

const inventory = buildInventory(
  loadPaths([join(__dirname, '../../test/golden/shop/manifests')]).objects,
);

describe('ReachabilityModel on the shop scenario', () => {
  const model = buildModel(inventory);

  it('groups the three workloads into three classes', () => {
    expect(model.classCount).toBe(3);
  });

  it('counts isolation coverage: shop is default-deny both ways, monitoring has no policy', () => {
    expect(model.coverage()).toEqual({
      totalPods: 3,
      ingressIsolatedPods: 2,
      egressIsolatedPods: 2,
      namespaces: [
        { namespace: 'monitoring', totalPods: 1, ingressIsolatedPods: 0, egressIsolatedPods: 0 },
        { namespace: 'shop', totalPods: 2, ingressIsolatedPods: 2, egressIsolatedPods: 2 },
      ],
    });
  });

  it('answers single queries: web reaches db on 5432 only, db reaches nothing', () => {
    const pod = (name: string) => ({
      kind: 'pod' as const,
      pod: inventory.pods.find((p) => p.name === name)!,
    });
    expect(`${model.connections(pod('web'), pod('db'))}`).toBe('TCP 5432');
    expect(`${model.connections(pod('db'), pod('web'))}`).toBe('No Connections');
    expect(`${model.connections(pod('prometheus'), pod('db'))}`).toBe('TCP 9187');
  });
});
