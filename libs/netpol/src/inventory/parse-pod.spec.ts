import { parseIp } from '../cidr/ip-address';
import { buildInventory } from './build-inventory';

const build = (...objects: unknown[]) =>
  buildInventory(objects.map((object, i) => ({ object, source: `m.yaml#${i + 1}` })));
const codes = (inv: { issues: readonly { code: string; path: string }[] }) =>
  inv.issues.map((i) => `${i.code} ${i.path}`);
const meta = (name: string, namespace: string, extra: object = {}) => ({
  metadata: { name, namespace, ...extra },
});
const pod = (name: string, namespace: string, extra: object = {}) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  ...meta(name, namespace),
  ...extra,
});

describe('Pod objects in the inventory', () => {
  it.each<[string, unknown, object]>([
    [
      'a controller owner',
      [{ kind: 'ReplicaSet', name: 'web-6d4', controller: true }],
      { kind: 'ReplicaSet', name: 'web-6d4' },
    ],
    [
      'an owner that is not the controller',
      [{ kind: 'ReplicaSet', name: 'web-6d4' }],
      { kind: 'Pod', name: 'web-6d4-x' },
    ],
    ['no owner', undefined, { kind: 'Pod', name: 'web-6d4-x' }],
    [
      'a later controller owner',
      [
        { kind: 'Foo', name: 'f', controller: false },
        { kind: 'StatefulSet', name: 'db', controller: true },
      ],
      { kind: 'StatefulSet', name: 'db' },
    ],
  ])('a Pod with %s', (_name, ownerReferences, workload) => {
    const inv = build({
      apiVersion: 'v1',
      kind: 'Pod',
      ...meta('web-6d4-x', 'shop', { ownerReferences }),
    });
    expect(inv.pods.map((p) => [p.workload, p.fromTemplate])).toEqual([
      [{ ...workload, namespace: 'shop' }, false],
    ]);
  });

  it('keeps a pod with a bad container port and drops only that port', () => {
    const spec = {
      containers: [
        {
          ports: [
            { containerPort: 0, name: 'bad' },
            { containerPort: 80, protocol: 'UDP' },
          ],
        },
      ],
    };
    const inv = build(pod('p', 'shop', { spec }), {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      ...meta('d', 'shop'),
      spec: { template: { spec } },
    });
    expect(inv.pods.map((p) => [p.name, p.ports])).toEqual([
      ['p', [{ name: undefined, port: 80, protocol: 'UDP' }]],
      ['d', [{ name: undefined, port: 80, protocol: 'UDP' }]],
    ]);
    expect(codes(inv)).toEqual([
      'PORT_OUT_OF_RANGE spec.containers[0].ports[0].containerPort',
      'PORT_OUT_OF_RANGE spec.template.spec.containers[0].ports[0].containerPort',
    ]);
  });

  it.each<[string, object, string[], string[]]>([
    ['podIP only', { podIP: '10.0.0.5' }, ['10.0.0.5'], []],
    [
      'dual stack',
      { podIP: '10.0.0.5', podIPs: [{ ip: '10.0.0.5' }, { ip: 'fd00::5' }] },
      ['10.0.0.5', 'fd00::5'],
      [],
    ],
    ['podIPs only', { podIPs: [{ ip: 'fd00::5' }] }, ['fd00::5'], []],
    ['no IP', {}, [], []],
    ['invalid podIP', { podIP: '10.0.0.256' }, [], ['INVALID_IP status.podIP']],
    [
      'invalid podIPs entry',
      { podIPs: [{ ip: '10.0.0.5' }, { ip: 'fd00::g' }] },
      ['10.0.0.5'],
      ['INVALID_IP status.podIPs[1].ip'],
    ],
  ])('reads status IPs: %s', (_name, status, ips, issues) => {
    const inv = build(pod('p', 'shop', { status }));
    expect(inv.pods[0]?.ips).toEqual(ips.map((t) => parseIp(t)));
    expect(codes(inv)).toEqual(issues);
  });
});

describe('container port names', () => {
  it('reports a port name used twice in one pod with its field path, and keeps the pod', () => {
    const inv = build(
      pod('web', 'shop', {
        spec: {
          containers: [
            { name: 'a', ports: [{ name: 'http', containerPort: 80 }] },
            { name: 'b', ports: [{ name: 'http', containerPort: 8080 }] },
          ],
        },
      }),
    );
    expect(codes(inv)).toEqual(['DUPLICATE_PORT_NAME spec.containers[1].ports[0].name']);
    expect(inv.pods).toHaveLength(1);
  });
});
