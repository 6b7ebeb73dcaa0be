import { workloadName } from '../connlist/peer-names';
import { buildInventory } from './build-inventory';
import type { WorkloadNaming } from './inventory';
import { chainLinksOfPods, METADATA_ONLY_ANNOTATION } from './owner-chain';

type Owner = { kind: string; name: string };

const ownerRefs = (owner?: Owner) =>
  owner ? [{ apiVersion: 'apps/v1', kind: owner.kind, name: owner.name, controller: true }] : [];

const pod = (name: string, owner?: Owner, namespace = 'shop') => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace, labels: { app: name }, ownerReferences: ownerRefs(owner) },
  spec: { containers: [{ name: 'main' }] },
  status: { podIP: '10.0.0.1' },
});

/** A ReplicaSet or Job as the agent sends it: the link only. */
const link = (kind: string, name: string, owner?: Owner) => ({
  apiVersion: kind === 'Job' ? 'batch/v1' : 'apps/v1',
  kind,
  metadata: {
    name,
    namespace: 'shop',
    annotations: { [METADATA_ONLY_ANNOTATION]: 'true' },
    ownerReferences: ownerRefs(owner),
  },
});

const template = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'm' }] } };
const workload = (kind: string, name: string, owner?: Owner) => ({
  apiVersion: 'apps/v1',
  kind,
  metadata: { name, namespace: 'shop', ownerReferences: ownerRefs(owner) },
  spec: { template },
});

const names = (objects: unknown[], workloadName_: WorkloadNaming) =>
  buildInventory(
    objects.map((object) => ({ object })),
    { workloadName: workloadName_ },
  ).pods.map(
    (p) => `${p.name}${p.fromTemplate ? ' (template)' : ''} => ${workloadName(p.workload)}`,
  );

describe('owner chains and workload names', () => {
  it.each<[string, unknown[], string[], string[]]>([
    [
      'Deployment → ReplicaSet → Pod',
      [
        link('ReplicaSet', 'web-5c6d8f', { kind: 'Deployment', name: 'web' }),
        pod('web-5c6d8f-abcde', { kind: 'ReplicaSet', name: 'web-5c6d8f' }),
      ],
      ['web-5c6d8f-abcde => shop/web[Deployment]'],
      ['web-5c6d8f-abcde => shop/web-5c6d8f[ReplicaSet]'],
    ],
    [
      'CronJob → Job → Pod',
      [
        pod('backup-2900-x1', { kind: 'Job', name: 'backup-2900' }),
        link('Job', 'backup-2900', { kind: 'CronJob', name: 'backup' }),
      ],
      ['backup-2900-x1 => shop/backup[CronJob]'],
      ['backup-2900-x1 => shop/backup-2900[Job]'],
    ],
    [
      'a bare ReplicaSet',
      [link('ReplicaSet', 'rs'), pod('rs-1', { kind: 'ReplicaSet', name: 'rs' })],
      ['rs-1 => shop/rs[ReplicaSet]'],
      ['rs-1 => shop/rs[ReplicaSet]'],
    ],
    [
      'a missing link (the ReplicaSet is not in the inventory)',
      [
        link('ReplicaSet', 'api-77d5', { kind: 'Deployment', name: 'api' }),
        pod('web-5c6d8f-abcde', { kind: 'ReplicaSet', name: 'web-5c6d8f' }),
      ],
      ['web-5c6d8f-abcde => shop/web-5c6d8f[ReplicaSet]'],
      ['web-5c6d8f-abcde => shop/web-5c6d8f[ReplicaSet]'],
    ],
    [
      'a link in another namespace (owners are namespace-local)',
      [
        {
          ...link('ReplicaSet', 'web-5c'),
          metadata: {
            ...link('ReplicaSet', 'web-5c').metadata,
            namespace: 'other',
            ownerReferences: ownerRefs({ kind: 'Deployment', name: 'web' }),
          },
        },
        pod('web-5c-1', { kind: 'ReplicaSet', name: 'web-5c' }),
      ],
      ['web-5c-1 => shop/web-5c[ReplicaSet]'],
      ['web-5c-1 => shop/web-5c[ReplicaSet]'],
    ],
    [
      'static pods (a Node is their controller)',
      [
        pod('etcd-node1', { kind: 'Node', name: 'node1' }, 'kube-system'),
        pod('kube-apiserver-node1', { kind: 'Node', name: 'node1' }, 'kube-system'),
      ],
      [
        'etcd-node1 => kube-system/etcd-node1[Pod]',
        'kube-apiserver-node1 => kube-system/kube-apiserver-node1[Pod]',
      ],
      [
        'etcd-node1 => kube-system/etcd-node1[Pod]',
        'kube-apiserver-node1 => kube-system/kube-apiserver-node1[Pod]',
      ],
    ],
    [
      'an owned ReplicaSet listed beside its Deployment (one template, not two)',
      [
        workload('Deployment', 'web'),
        workload('ReplicaSet', 'web-5c6d8f', { kind: 'Deployment', name: 'web' }),
        pod('web-5c6d8f-abcde', { kind: 'ReplicaSet', name: 'web-5c6d8f' }),
      ],
      ['web (template) => shop/web[Deployment]', 'web-5c6d8f-abcde => shop/web[Deployment]'],
      [
        'web (template) => shop/web[Deployment]',
        'web-5c6d8f (template) => shop/web-5c6d8f[ReplicaSet]',
        'web-5c6d8f-abcde => shop/web-5c6d8f[ReplicaSet]',
      ],
    ],
    [
      'an owned ReplicaSet without its Deployment',
      [workload('ReplicaSet', 'web-5c6d8f', { kind: 'Deployment', name: 'web' })],
      ['web-5c6d8f (template) => shop/web[Deployment]'],
      ['web-5c6d8f (template) => shop/web-5c6d8f[ReplicaSet]'],
    ],
  ])('%s', (_name, objects, top, direct) => {
    expect(names(objects, 'top')).toEqual(top);
    expect(names(objects, 'direct')).toEqual(direct);
  });

  it('names pods by the top controller by default and keeps the direct one beside it', () => {
    const inventory = buildInventory(
      [
        link('ReplicaSet', 'web-5c6d8f', { kind: 'Deployment', name: 'web' }),
        pod('web-5c6d8f-abcde', { kind: 'ReplicaSet', name: 'web-5c6d8f' }),
      ].map((object) => ({ object })),
    );
    expect(inventory.pods[0]?.workload).toEqual({
      kind: 'Deployment',
      namespace: 'shop',
      name: 'web',
    });
    expect(inventory.pods[0]?.directWorkload).toEqual({
      kind: 'ReplicaSet',
      namespace: 'shop',
      name: 'web-5c6d8f',
    });
    expect(inventory.controllers.map((c) => [c.kind, c.name, c.owner])).toEqual([
      ['ReplicaSet', 'web-5c6d8f', { kind: 'Deployment', name: 'web' }],
    ]);
    expect(inventory.issues).toEqual([]);
  });

  it('reports a metadata-only ReplicaSet as a link, never as a template missing', () => {
    const inventory = buildInventory([
      { object: link('ReplicaSet', 'rs', { kind: 'Deployment', name: 'd' }) },
    ]);
    expect(inventory.pods).toEqual([]);
    expect(inventory.issues).toEqual([]);
    expect(inventory.ignoredKinds).toEqual({});
  });

  it('keeps only the links some pod reaches (old ReplicaSets of a Deployment are left out)', () => {
    const objects = [
      link('ReplicaSet', 'web-old', { kind: 'Deployment', name: 'web' }),
      link('ReplicaSet', 'web-new', { kind: 'Deployment', name: 'web' }),
      link('Job', 'backup-1', { kind: 'CronJob', name: 'backup' }),
      pod('web-new-1', { kind: 'ReplicaSet', name: 'web-new' }),
      pod('web-new-2', { kind: 'ReplicaSet', name: 'web-new' }),
    ].map((object) => ({ object }));
    for (const workloadName_ of ['top', 'direct'] as const) {
      const built = buildInventory(objects, { workloadName: workloadName_ });
      expect(built.controllers).toHaveLength(3);
      expect(chainLinksOfPods(built.pods, built.controllers).map((l) => l.name)).toEqual([
        'web-new',
      ]);
    }
  });
});
