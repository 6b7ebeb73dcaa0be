import { managedFields } from './cluster-fixture';

type Raw = Record<string, unknown>;

/**
 * A Node as the API server holds it: labels, spec, and a status the kubelet rewrites every few
 * seconds (conditions with heartbeat times, capacity, images) besides the addresses. `heartbeat`
 * sets the conditions' `lastHeartbeatTime`, so a test can change only that.
 */
export function clusterNode(
  name: string,
  labels: Record<string, string>,
  addresses: readonly [type: string, address: string][],
  heartbeat = '2026-11-20T10:00:00Z',
): Raw {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      uid: `uid-${name}`,
      labels: { 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux', ...labels },
      annotations: { 'node.alpha.kubernetes.io/ttl': '0' },
      managedFields,
    },
    spec: { podCIDR: '10.244.0.0/24', providerID: `kind://docker/kind/${name}` },
    status: {
      addresses: addresses.map(([type, address]) => ({ type, address })),
      conditions: [
        {
          type: 'Ready',
          status: 'True',
          lastHeartbeatTime: heartbeat,
          lastTransitionTime: '2026-11-20T09:00:00Z',
          reason: 'KubeletReady',
        },
      ],
      capacity: { cpu: '4', memory: '16Gi', pods: '110' },
      allocatable: { cpu: '4', memory: '16Gi', pods: '110' },
      nodeInfo: { kubeletVersion: 'v1.31.0', osImage: 'Debian GNU/Linux 12' },
      images: [{ names: ['registry.k8s.io/pause:3.10'], sizeBytes: 320368 }],
    },
  };
}

/**
 * Two nodes: a control-plane node (InternalIP 10.0.0.10, ExternalIP 203.0.113.10) and a worker
 * (10.0.0.11), each with a Hostname entry.
 */
export function clusterNodes(): Raw[] {
  return [
    clusterNode('cp-1', { 'node-role.kubernetes.io/control-plane': '' }, [
      ['InternalIP', '10.0.0.10'],
      ['ExternalIP', '203.0.113.10'],
      ['Hostname', 'cp-1'],
    ]),
    clusterNode('worker-1', {}, [
      ['InternalIP', '10.0.0.11'],
      ['Hostname', 'worker-1'],
    ]),
  ];
}
