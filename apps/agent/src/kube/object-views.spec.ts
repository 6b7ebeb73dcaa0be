import { RESOURCES, served } from './resources';
import { daemonSetView, withKind } from './object-views';

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
