import { managedFields, pod } from './cluster-fixture';
import type { FakeResource } from './fake-kube-resources';

type Raw = Record<string, unknown>;

/**
 * A Deployment's rollout as the API server holds it: the ReplicaSet of the running pods and an
 * old one scaled to zero (both owned by Deployment `checkout`), the pods, and a CronJob's Job with
 * its running pod. Apply with {@link shopCluster}: the namespace is `shop`.
 */
export function ownerChainObjects(): Raw[] {
  const owned = (kind: string, name: string) => [
    {
      apiVersion: kind === 'CronJob' ? 'batch/v1' : 'apps/v1',
      kind,
      name,
      uid: `uid-${name}`,
      controller: true,
      blockOwnerDeletion: true,
    },
  ];
  const template = (labels: Record<string, string>) => ({
    metadata: { labels },
    spec: { containers: [{ name: 'main', image: 'registry.example/app:1' }] },
  });
  const replicaSet = (name: string, hash: string, replicas: number): Raw => ({
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name,
      namespace: 'shop',
      labels: { app: 'checkout', 'pod-template-hash': hash },
      ownerReferences: owned('Deployment', 'checkout'),
      managedFields,
    },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'checkout' } },
      template: template({ app: 'checkout', 'pod-template-hash': hash }),
    },
    status: { replicas, readyReplicas: replicas },
  });
  return [
    replicaSet('checkout-6f8d9b', '6f8d9b', 2),
    replicaSet('checkout-55c4d7', '55c4d7', 0),
    ...['a1b2c', 'd3e4f'].map((suffix, i) =>
      pod(
        'shop',
        `checkout-6f8d9b-${suffix}`,
        { app: 'checkout', 'pod-template-hash': '6f8d9b' },
        {
          ip: `10.0.1.${30 + i}`,
          owner: ['ReplicaSet', 'checkout-6f8d9b'],
          ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }],
        },
      ),
    ),
    {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: {
        name: 'report-29000000',
        namespace: 'shop',
        ownerReferences: owned('CronJob', 'report'),
        managedFields,
      },
      spec: { template: template({ job: 'report' }) },
      status: { active: 1 },
    },
    pod(
      'shop',
      'report-29000000-zz9x8',
      { job: 'report' },
      { ip: '10.0.1.40', owner: ['Job', 'report-29000000'] },
    ),
  ];
}

/** A ClusterNetworkPolicy (v1alpha2, Admin tier): monitoring may not reach payments. */
export function clusterNetworkPolicy(name = 'payments-walls'): Raw {
  return {
    apiVersion: 'policy.networking.k8s.io/v1alpha2',
    kind: 'ClusterNetworkPolicy',
    metadata: { name },
    spec: {
      tier: 'Admin',
      priority: 5,
      subject: { namespaces: { matchLabels: { pci: 'true' } } },
      ingress: [
        {
          name: 'no-monitoring',
          action: 'Deny',
          from: [{ namespaces: { matchLabels: { team: 'obs' } } }],
        },
      ],
    },
  };
}

/** The ClusterNetworkPolicy CRD (policy.networking.k8s.io/v1alpha2), cluster-scoped. */
export const CLUSTER_NETWORK_POLICY_CRD: FakeResource = {
  group: 'policy.networking.k8s.io',
  version: 'v1alpha2',
  resource: 'clusternetworkpolicies',
  kind: 'ClusterNetworkPolicy',
  namespaced: false,
  crd: true,
};
