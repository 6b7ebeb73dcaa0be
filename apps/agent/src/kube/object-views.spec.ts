import { RESOURCES, served } from './resources';
import { buildInventory } from '@fenceline/netpol';
import { controllerView, daemonSetView, withKind } from './object-views';

const resource = (id: string) =>
  served(
    RESOURCES.find((r) => r.id === id)!,
    RESOURCES.find((r) => r.id === id)!.versions[0]!,
  );
const POD = resource('core/pods');

describe('withKind', () => {
  it('gives list items their kind and apiVersion', () => {
    expect(withKind(POD, { metadata: { name: 'a' } })).toEqual({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'a' },
    });
  });
});

describe('daemonSetView', () => {
  it('keeps of a DaemonSet what CNI detection reads', () => {
    const ds = {
      metadata: {
        name: 'calico-node',
        namespace: 'calico-system',
        labels: { 'k8s-app': 'calico-node' },
        managedFields: [{}],
      },
      spec: {
        selector: {},
        template: {
          metadata: {},
          spec: {
            containers: [
              {
                name: 'calico-node',
                image: 'docker.io/calico/node:v3.28.0',
                env: [{ name: 'CALICO_NETWORKING_BACKEND', value: 'bird' }],
                resources: {},
              },
            ],
            initContainers: [
              {
                name: 'install-cni',
                image: 'docker.io/calico/cni:v3.28.0',
                command: ['/opt/cni/bin/install'],
              },
            ],
          },
        },
      },
      status: { numberReady: 3, desiredNumberScheduled: 3 },
    };
    expect(daemonSetView(resource('apps/daemonsets'), ds)).toEqual({
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: {
        name: 'calico-node',
        namespace: 'calico-system',
        labels: { 'k8s-app': 'calico-node' },
      },
      spec: {
        template: {
          spec: {
            containers: [
              {
                name: 'calico-node',
                image: 'docker.io/calico/node:v3.28.0',
                env: [{ name: 'CALICO_NETWORKING_BACKEND', value: 'bird' }],
              },
            ],
            initContainers: [
              {
                name: 'install-cni',
                image: 'docker.io/calico/cni:v3.28.0',
                command: ['/opt/cni/bin/install'],
              },
            ],
          },
        },
      },
      status: { desiredNumberScheduled: 3 },
    });
  });

  it('never throws on a malformed DaemonSet', () => {
    expect(
      daemonSetView(resource('apps/daemonsets'), {
        metadata: 'x',
        spec: { template: { spec: { containers: 'no' } } },
      }),
    ).toEqual({
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: {},
      spec: { template: { spec: {} } },
    });
  });
});

describe('controllerView', () => {
  const RS = resource('apps/replicasets');
  const replicaSet = (ownerReferences?: unknown[]) => ({
    metadata: {
      name: 'web-5c6d8f',
      namespace: 'shop',
      uid: 'u1',
      labels: { app: 'web', 'pod-template-hash': '5c6d8f' },
      managedFields: [{ manager: 'kube-controller-manager' }],
      ...(ownerReferences ? { ownerReferences } : {}),
    },
    spec: {
      replicas: 3,
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web' }] } },
    },
    status: { replicas: 3, readyReplicas: 3 },
  });

  it('keeps name, namespace and the controller owner only, marked metadata-only', () => {
    const view = controllerView(
      RS,
      replicaSet([
        { apiVersion: 'x/v1', kind: 'Other', name: 'o', uid: 'u2' },
        { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'u3', controller: true },
      ]),
    );
    expect(view).toEqual({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: 'web-5c6d8f',
        namespace: 'shop',
        annotations: { 'fenceline.dev/metadata-only': 'true' },
        ownerReferences: [{ kind: 'Deployment', name: 'web', controller: true }],
      },
    });
    // The engine reads it as a link, never as a workload with a template.
    const inventory = buildInventory([{ object: view }]);
    expect(inventory.pods).toEqual([]);
    expect(inventory.issues).toEqual([]);
    expect(inventory.controllers.map((c) => [c.name, c.owner])).toEqual([
      ['web-5c6d8f', { kind: 'Deployment', name: 'web' }],
    ]);
  });

  it('keeps a ReplicaSet without a controller as a link to nothing', () => {
    const view = controllerView(RS, replicaSet());
    expect(view['metadata']).toEqual({
      name: 'web-5c6d8f',
      namespace: 'shop',
      annotations: { 'fenceline.dev/metadata-only': 'true' },
    });
    expect(buildInventory([{ object: view }]).controllers).toEqual([]);
  });
});
