import { kubeFlannelDs, tigeraOperator } from '../../test/cni-fixtures';
import { cniWorkloadOf } from './cni-workload';

describe('cniWorkloadOf', () => {
  it('reads a DaemonSet list item: containers then init containers, argv, literal env only', () => {
    expect(cniWorkloadOf(kubeFlannelDs, 'DaemonSet')).toEqual({
      kind: 'DaemonSet',
      namespace: 'kube-flannel',
      name: 'kube-flannel-ds',
      labels: { app: 'flannel', 'k8s-app': 'flannel', tier: 'node' },
      containers: [
        {
          name: 'kube-flannel',
          image: 'docker.io/flannel/flannel:v0.25.5',
          args: ['/opt/bin/flanneld', '--ip-masq', '--kube-subnet-mgr'],
          env: { EVENT_QUEUE_DEPTH: '5000' },
        },
        {
          name: 'install-cni-plugin',
          image: 'docker.io/flannel/flannel-cni-plugin:v1.5.1-flannel2',
          args: ['cp'],
          env: {},
        },
        { name: 'install-cni', image: 'docker.io/flannel/flannel:v0.25.5', args: ['cp'], env: {} },
      ],
    });
  });

  it("prefers the object's own kind over the one given", () => {
    expect(cniWorkloadOf(tigeraOperator, 'DaemonSet')?.kind).toBe('Deployment');
    expect(cniWorkloadOf(tigeraOperator)?.kind).toBe('Deployment');
  });

  it.each<[string, unknown]>([
    ['a StatefulSet', { kind: 'StatefulSet', metadata: { name: 'web', namespace: 'shop' } }],
    ['an object without a kind and no kind given', { metadata: { name: 'web' } }],
  ])('returns undefined for %s', (_, object) => {
    expect(cniWorkloadOf(object)).toBeUndefined();
  });

  it.each<[string, unknown]>([
    ['null', null],
    ['a number', 42],
    ['a string', 'kube-flannel-ds'],
    ['an array', [kubeFlannelDs]],
    ['an empty object', {}],
    ['no metadata', { spec: {} }],
    ['metadata not an object', { metadata: 'cilium' }],
    ['an empty name', { metadata: { name: '' } }],
    ['a numeric name', { metadata: { name: 7 } }],
  ])('returns undefined for %s', (_, object) => {
    expect(cniWorkloadOf(object, 'DaemonSet')).toBeUndefined();
  });

  it.each<[string, unknown]>([
    ['no spec', undefined],
    ['spec null', null],
    ['template not an object', { template: [] }],
    ['pod spec null', { template: { spec: null } }],
    [
      'containers not an array',
      { template: { spec: { containers: { name: 'cilium-agent' }, initContainers: 'x' } } },
    ],
    ['no containers', { template: { spec: {} } }],
  ])('reads a workload with %s as having no containers', (_, spec) => {
    const object = {
      metadata: { name: 'cilium', namespace: 'kube-system', labels: 'k8s-app=cilium' },
      spec,
    };
    expect(cniWorkloadOf(object, 'DaemonSet')).toEqual({
      kind: 'DaemonSet',
      namespace: 'kube-system',
      name: 'cilium',
      labels: {},
      containers: [],
    });
  });

  it('skips malformed containers, args and env entries', () => {
    const object = {
      metadata: {
        name: 'aws-node',
        namespace: 7,
        labels: { 'k8s-app': 'aws-node', replicas: 3, nil: null },
      },
      spec: {
        template: {
          spec: {
            containers: [
              null,
              'aws-node',
              { image: 'nameless:1' },
              {
                name: 'aws-node',
                image: 602401143452,
                command: 'aws-k8s-agent',
                args: ['--a', 1, null, '--b'],
                env: [
                  { name: 'MY_NODE_NAME', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } },
                  { name: 'WARM_ENI_TARGET', value: '1' },
                  { name: 'NUMBER', value: 1 },
                  { value: 'no name' },
                  null,
                  { name: '__proto__', value: 'plain data' },
                ],
              },
            ],
            initContainers: [{ name: 'init', env: { name: 'X', value: 'y' } }],
          },
        },
      },
    };
    const workload = cniWorkloadOf(object, 'DaemonSet');
    expect(workload).toEqual({
      kind: 'DaemonSet',
      namespace: '',
      name: 'aws-node',
      labels: { 'k8s-app': 'aws-node' },
      containers: [
        {
          name: 'aws-node',
          image: '',
          args: ['--a', '--b'],
          env: { WARM_ENI_TARGET: '1', ['__proto__']: 'plain data' },
        },
        { name: 'init', image: '', args: [], env: {} },
      ],
    });
    expect(Object.getPrototypeOf(workload?.containers[0]?.env)).toBe(Object.prototype);
  });
});
