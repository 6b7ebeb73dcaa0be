import fc from 'fast-check';
import { buildInventory, TEMPLATE_ANNOTATION } from '@fenceline/netpol';
import { RESOURCES, served } from './resources';
import { slimObject } from './slim-object';

const resource = (id: string) => served(RESOURCES.find((r) => r.id === id)!, RESOURCES.find((r) => r.id === id)!.versions[0]!);
const POD = resource('core/pods');

/** A pod as the API server returns it from a list: no kind/apiVersion, lots the engine never reads. */
const livePod = {
  metadata: {
    name: 'web-7d4b9c-x2k8p',
    namespace: 'shop',
    uid: '1f0c…',
    resourceVersion: '81723',
    labels: { app: 'web', 'pod-template-hash': '7d4b9c' },
    annotations: { 'kubectl.kubernetes.io/restartedAt': '2026-11-20T10:00:00Z' },
    ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-7d4b9c', uid: 'a', controller: true, blockOwnerDeletion: true }],
    managedFields: [{ manager: 'kube-controller-manager', operation: 'Update', fieldsV1: { 'f:metadata': {} } }],
  },
  spec: {
    hostNetwork: false,
    containers: [{ name: 'web', image: 'shop/web:1.2', env: [{ name: 'A', value: 'b' }], ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }], resources: {} }],
    nodeName: 'node-1',
  },
  status: { phase: 'Running', podIP: '10.0.0.7', podIPs: [{ ip: '10.0.0.7' }], conditions: [{ type: 'Ready', status: 'True' }], containerStatuses: [] },
};

describe('slimObject', () => {
  it('keeps of a pod exactly what the engine reads, and adds kind and apiVersion', () => {
    expect(slimObject(POD, livePod)).toEqual({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: 'web-7d4b9c-x2k8p',
        namespace: 'shop',
        labels: { app: 'web', 'pod-template-hash': '7d4b9c' },
        ownerReferences: [{ kind: 'ReplicaSet', name: 'web-7d4b9c', controller: true }],
      },
      spec: { hostNetwork: false, containers: [{ ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }] }] },
      status: { phase: 'Running', podIP: '10.0.0.7', podIPs: [{ ip: '10.0.0.7' }] },
    });
  });

  it('keeps the template annotation, and a malformed annotation map whole', () => {
    const annotated = { ...livePod, metadata: { ...livePod.metadata, annotations: { [TEMPLATE_ANNOTATION]: 'true', other: 'x' } } };
    expect((slimObject(POD, annotated)['metadata'] as Record<string, unknown>)['annotations']).toEqual({ [TEMPLATE_ANNOTATION]: 'true' });
    const malformed = { ...livePod, metadata: { ...livePod.metadata, annotations: { a: 1 } } };
    expect((slimObject(POD, malformed)['metadata'] as Record<string, unknown>)['annotations']).toEqual({ a: 1 });
  });

  it('keeps namespaces to name and labels, policies and services to name and spec, counted kinds to their name', () => {
    expect(slimObject(resource('core/namespaces'), { metadata: { name: 'shop', labels: { team: 'a' }, uid: 'u' }, spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } })).toEqual({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'shop', labels: { team: 'a' } },
    });
    expect(slimObject(resource('networking.k8s.io/networkpolicies'), { metadata: { name: 'p', namespace: 'shop', generation: 3 }, spec: { podSelector: {} } })).toEqual({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'p', namespace: 'shop' },
      spec: { podSelector: {} },
    });
    expect(slimObject(resource('cilium.io/ciliumnetworkpolicies'), { apiVersion: 'cilium.io/v2', kind: 'CiliumNetworkPolicy', metadata: { name: 'c', namespace: 'n', labels: { a: 'b' } }, spec: { endpointSelector: {} } })).toEqual({
      apiVersion: 'cilium.io/v2',
      kind: 'CiliumNetworkPolicy',
      metadata: { name: 'c', namespace: 'n' },
    });
  });

  it('keeps of a DaemonSet what CNI detection reads', () => {
    const ds = {
      metadata: { name: 'calico-node', namespace: 'calico-system', labels: { 'k8s-app': 'calico-node' } },
      spec: { selector: {}, template: { metadata: {}, spec: { containers: [{ name: 'calico-node', image: 'docker.io/calico/node:v3.28.0', env: [{ name: 'CALICO_NETWORKING_BACKEND', value: 'bird' }], resources: {} }], initContainers: [{ name: 'install-cni', image: 'docker.io/calico/cni:v3.28.0', command: ['/opt/cni/bin/install'] }] } } },
    };
    expect(slimObject(resource('apps/daemonsets'), ds)).toEqual({
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: ds.metadata,
      spec: {
        template: {
          spec: {
            containers: [{ name: 'calico-node', image: 'docker.io/calico/node:v3.28.0', env: [{ name: 'CALICO_NETWORKING_BACKEND', value: 'bird' }] }],
            initContainers: [{ name: 'install-cni', image: 'docker.io/calico/cni:v3.28.0', command: ['/opt/cni/bin/install'] }],
          },
        },
      },
    });
  });

  // The invariant the agent's correctness rests on: slimming never changes what the engine sees,
  // valid or not (messy values included, so issues stay the same too).
  it('gives the engine the same inventory as the full object, for any pod (property)', () => {
    const text = fc.oneof(fc.constantFrom('web', 'http', 'app', 'TCP', 'UDP', 'SCTP', 'Running', 'Succeeded', '10.0.0.1', 'fd00::1', 'true', ''), fc.string({ maxLength: 6 }));
    const value = fc.oneof(text, fc.integer({ min: -2, max: 70000 }), fc.boolean(), fc.constant(null), fc.constant(undefined));
    const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
    const port = fc.record({ name: maybe(value), containerPort: maybe(value), protocol: maybe(value), hostPort: maybe(value) }, { requiredKeys: [] });
    const container = fc.oneof(fc.record({ name: maybe(text), image: maybe(text), ports: maybe(fc.oneof(fc.array(fc.oneof(port, value), { maxLength: 3 }), value)) }, { requiredKeys: [] }), value);
    const labels = fc.oneof(fc.dictionary(fc.constantFrom('app', 'tier', 'a/b', 'bad key', ''), value, { maxKeys: 3 }), value);
    const pod = fc.record(
      {
        metadata: fc.oneof(
          fc.record(
            {
              name: fc.oneof(fc.constantFrom('p1', 'p2'), value),
              namespace: maybe(fc.oneof(fc.constantFrom('shop', 'Bad_NS'), value)),
              labels: maybe(labels),
              annotations: maybe(fc.oneof(fc.dictionary(fc.constantFrom(TEMPLATE_ANNOTATION, 'x'), value, { maxKeys: 2 }), value)),
              ownerReferences: maybe(fc.oneof(fc.array(fc.oneof(fc.record({ kind: maybe(value), name: maybe(value), controller: maybe(value), uid: maybe(text) }, { requiredKeys: [] }), value), { maxLength: 2 }), value)),
              uid: maybe(text),
            },
            { requiredKeys: ['name'] },
          ),
          value,
        ),
        spec: maybe(fc.oneof(fc.record({ hostNetwork: maybe(value), containers: maybe(fc.oneof(fc.array(container, { maxLength: 3 }), value)), nodeName: maybe(text) }, { requiredKeys: [] }), value)),
        status: maybe(fc.oneof(fc.record({ phase: maybe(value), podIP: maybe(value), podIPs: maybe(fc.oneof(fc.array(fc.oneof(fc.record({ ip: maybe(value) }, { requiredKeys: [] }), value), { maxLength: 2 }), value)), hostIP: maybe(text) }, { requiredKeys: [] }), value)),
      },
      { requiredKeys: ['metadata'] },
    );
    fc.assert(
      fc.property(pod, (raw) => {
        const full = buildInventory([{ object: { apiVersion: 'v1', kind: 'Pod', ...JSON.parse(JSON.stringify(raw)) } as unknown, source: 's' }]);
        const slim = buildInventory([{ object: slimObject(POD, JSON.parse(JSON.stringify(raw)) as Record<string, unknown>), source: 's' }]);
        expect(slim).toEqual(full);
      }),
      { numRuns: Number(process.env['FENCELINE_PROPERTY_RUNS'] ?? 500) },
    );
  });
});
