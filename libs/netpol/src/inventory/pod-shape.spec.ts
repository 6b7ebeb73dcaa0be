import { buildInventory } from './build-inventory';
import { groupPods, podShapeKey } from './pod-shape';

const pod = (name: string, labels: Record<string, string>, namespace = 'shop') => ({
  object: { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace, labels } },
});

describe('podShapeKey and groupPods', () => {
  const { pods } = buildInventory([
    pod('web-1', { app: 'web', tier: 'front' }),
    pod('db-1', { app: 'db' }),
    pod('web-2', { tier: 'front', app: 'web' }),
    pod('web-3', { app: 'web', tier: 'front' }, 'other'),
  ]);

  it('keys alike pods alike whatever their label order, and tells namespaces and labels apart', () => {
    const [web1, db1, web2, web3] = pods;
    expect(podShapeKey(web1!)).toBe(podShapeKey(web2!));
    expect(podShapeKey(web1!)).not.toBe(podShapeKey(db1!));
    expect(podShapeKey(web1!)).not.toBe(podShapeKey(web3!));
    expect(podShapeKey(web1!, 'a')).not.toBe(podShapeKey(web2!, 'b'));
  });

  it('groups in first-seen order', () => {
    const groups = [...groupPods(pods, (p) => podShapeKey(p)).values()];
    expect(groups.map((g) => g.map((p) => p.name))).toEqual([
      ['web-1', 'web-2'],
      ['db-1'],
      ['web-3'],
    ]);
  });
});
