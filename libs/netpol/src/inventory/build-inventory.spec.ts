import { buildInventory } from './build-inventory';

const build = (...objects: unknown[]) =>
  buildInventory(objects.map((object, i) => ({ object, source: `m.yaml#${i + 1}` })));
const meta = (name: string, namespace?: string, extra: object = {}) => ({
  metadata: { name, ...(namespace === undefined ? {} : { namespace }), ...extra },
});
const pod = (name: string, namespace?: string, extra: object = {}) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  ...meta(name, namespace),
  ...extra,
});
const ns = (name: string, labels?: Record<string, string>) => ({
  apiVersion: 'v1',
  kind: 'Namespace',
  metadata: { name, ...(labels ? { labels } : {}) },
});
const policy = (name: string, namespace: string | undefined, spec: unknown) => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'NetworkPolicy',
  ...meta(name, namespace),
  spec,
});
const template = {
  metadata: { labels: { app: 'web' } },
  spec: { containers: [{ name: 'c', ports: [{ containerPort: 8080, name: 'http' }] }] },
};
const NAME_LABEL = 'kubernetes.io/metadata.name';

describe('buildInventory: workloads', () => {
  it.each<[string, string, object]>([
    ['Deployment', 'apps/v1', { template }],
    ['StatefulSet', 'apps/v1', { template }],
    ['DaemonSet', 'apps/v1', { template }],
    ['ReplicaSet', 'apps/v1', { template }],
    ['ReplicationController', 'v1', { template }],
    ['Job', 'batch/v1', { template }],
    ['CronJob', 'batch/v1', { schedule: '* * * * *', jobTemplate: { spec: { template } } }],
  ])('a %s becomes one template pod reported as the workload', (kind, apiVersion, spec) => {
    const inv = build({ apiVersion, kind, ...meta('web', 'shop'), spec });
    expect(inv.issues).toEqual([]);
    expect(inv.pods).toHaveLength(1);
    const p = inv.pods[0];
    expect(p?.workload).toEqual({ kind, namespace: 'shop', name: 'web' });
    expect(p?.labels).toEqual({ app: 'web' });
    expect(p?.ports).toEqual([{ name: 'http', port: 8080, protocol: 'TCP' }]);
    expect([p?.namespace, p?.fromTemplate, p?.ips]).toEqual(['shop', true, []]);
  });

  it('puts objects without namespace in default', () => {
    const inv = build(pod('a'), pod('b', ''), policy('np', undefined, { podSelector: {} }));
    expect(inv.pods.map((p) => [p.namespace, p.workload.namespace])).toEqual([
      ['default', 'default'],
      ['default', 'default'],
    ]);
    expect(inv.policies.map((p) => p.namespace)).toEqual(['default']);
    expect(inv.namespaces.get('default')).toEqual({
      name: 'default',
      labels: { [NAME_LABEL]: 'default' },
      defined: false,
    });
  });

  it.each(['Succeeded', 'Failed'])('skips pods in phase %s', (phase) => {
    const inv = build(
      pod('done', 'shop', { status: { phase } }),
      pod('live', 'shop', { status: { phase: 'Running' } }),
    );
    expect(inv.pods.map((p) => p.name)).toEqual(['live']);
    expect(inv.skipped.map((s) => s.object.name)).toEqual(['done']);
    expect(inv.skipped[0]?.reason).toContain(phase);
  });
});

describe('buildInventory: namespaces, duplicates, other kinds', () => {
  it('creates referenced-but-undefined namespaces with only the name label', () => {
    const inv = build(pod('a', 'shop'), policy('np', 'pay', { podSelector: {} }));
    expect([...inv.namespaces.values()].sort((x, y) => x.name.localeCompare(y.name))).toEqual([
      { name: 'pay', labels: { [NAME_LABEL]: 'pay' }, defined: false },
      { name: 'shop', labels: { [NAME_LABEL]: 'shop' }, defined: false },
    ]);
  });

  it('gives defined namespaces the name label, whatever they declare, even when defined after use', () => {
    const inv = build(
      pod('a', 'shop'),
      ns('shop', { team: 'a', [NAME_LABEL]: 'other' }),
      ns('empty'),
    );
    expect(inv.namespaces.get('shop')).toEqual({
      name: 'shop',
      labels: { team: 'a', [NAME_LABEL]: 'shop' },
      defined: true,
    });
    expect(inv.namespaces.get('empty')).toEqual({
      name: 'empty',
      labels: { [NAME_LABEL]: 'empty' },
      defined: true,
    });
  });

  it('reports DUPLICATE_NAME for the same kind, namespace and name, and keeps the first', () => {
    const dep = (image: string, namespace?: string) => ({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      ...meta('web', namespace),
      spec: { template: { metadata: { labels: { image } } } },
    });
    const inv = build(
      dep('one', 'shop'),
      dep('two', 'shop'),
      dep('three', 'pay'),
      pod('web', 'shop'),
      ns('x'),
      ns('x'),
      pod('p'),
      pod('p', 'default'),
    );
    expect(
      inv.pods.map((p) => `${p.workload.kind}:${p.namespace}/${p.name}:${p.labels['image'] ?? ''}`),
    ).toEqual([
      'Deployment:shop/web:one',
      'Deployment:pay/web:three',
      'Pod:shop/web:',
      'Pod:default/p:',
    ]);
    expect(inv.issues.map((i) => [i.code, i.path, i.object.kind, i.object.source])).toEqual([
      ['DUPLICATE_NAME', 'metadata.name', 'Deployment', 'm.yaml#2'],
      ['DUPLICATE_NAME', 'metadata.name', 'Namespace', 'm.yaml#6'],
      ['DUPLICATE_NAME', 'metadata.name', 'Pod', 'm.yaml#8'],
    ]);
  });

  it('counts unknown kinds in ignoredKinds; a Calico NetworkPolicy is read as Calico, not as a Kubernetes one', () => {
    const calico = {
      apiVersion: 'crd.projectcalico.org/v1',
      kind: 'NetworkPolicy',
      ...meta('deny', 'shop'),
      spec: { selector: "app == 'x'" },
    };
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', ...meta('c', 'shop'), data: {} };
    const inv = build(
      calico,
      cm,
      { ...cm, metadata: { name: 'd' } },
      { apiVersion: 'example.com/v1', kind: 'Deployment', ...meta('w') },
    );
    expect(inv.ignoredKinds).toEqual({
      'v1/ConfigMap': 2,
      'example.com/v1/Deployment': 1,
    });
    expect([inv.policies, inv.pods, inv.issues, inv.namespaces.size]).toEqual([[], [], [], 0]);
    expect(inv.calico?.policies.map((p) => `${p.kind} ${p.namespace}/${p.name} ${p.tier}`)).toEqual(
      ['NetworkPolicy shop/deny default'],
    );
  });

  it('leaves out invalid policies, keeps valid ones and collects every issue', () => {
    const inv = build(
      policy('bad-cidr', 'shop', {
        podSelector: {},
        ingress: [{ from: [{ ipBlock: { cidr: '10.0.0.0/33' } }] }],
      }),
      policy('ok', 'shop', { podSelector: {} }),
      policy('bad-port', 'shop', { podSelector: {}, egress: [{ ports: [{ port: 70000 }] }] }),
    );
    expect(inv.policies.map((p) => p.name)).toEqual(['ok']);
    expect(inv.issues.map((i) => `${i.object.name} ${i.code} ${i.path}`)).toEqual([
      'bad-cidr INVALID_CIDR spec.ingress[0].from[0].ipBlock.cidr',
      'bad-port PORT_OUT_OF_RANGE spec.egress[0].ports[0].port',
    ]);
  });
});

describe('object names', () => {
  it('rejects a namespace name that is not an RFC 1123 label, naming metadata.name', () => {
    const inv = buildInventory([
      {
        object: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'Shop_1' } },
        source: 'ns.yaml#1',
      },
    ]);
    expect(inv.issues.map((i) => `${i.code} ${i.object.kind} ${i.object.name} ${i.path}`)).toEqual([
      'INVALID_NAME Namespace Shop_1 metadata.name',
    ]);
    expect(inv.namespaces.has('Shop_1')).toBe(false);
  });

  it('rejects an object whose metadata.namespace is not a valid namespace name', () => {
    const inv = buildInventory([
      { object: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'Bad NS' } } },
    ]);
    expect(inv.issues.map((i) => `${i.code} ${i.path}`)).toEqual([
      'INVALID_NAME metadata.namespace',
    ]);
  });
});
