/**
 * Builders of cluster-scoped policies as written in YAML, for hand-derived tests: a
 * ClusterNetworkPolicy (v1alpha2), an AdminNetworkPolicy and the BaselineAdminNetworkPolicy
 * singleton (v1alpha1).
 */
export type Raw = Record<string, unknown>;

export function cnp(name: string, spec: Raw): Raw {
  return {
    apiVersion: 'policy.networking.k8s.io/v1alpha2',
    kind: 'ClusterNetworkPolicy',
    metadata: { name },
    spec,
  };
}

export function anp(name: string, spec: Raw): Raw {
  return {
    apiVersion: 'policy.networking.k8s.io/v1alpha1',
    kind: 'AdminNetworkPolicy',
    metadata: { name },
    spec,
  };
}

export function banp(spec: Raw): Raw {
  return {
    apiVersion: 'policy.networking.k8s.io/v1alpha1',
    kind: 'BaselineAdminNetworkPolicy',
    metadata: { name: 'default' },
    spec,
  };
}

/** `namespaces` selecting one namespace by its immutable name label. */
export const ns = (name: string): Raw => ({
  namespaces: { matchLabels: { 'kubernetes.io/metadata.name': name } },
});

/** v1alpha2 `protocols` entry for one TCP port. */
export const tcp = (port: number): Raw => ({ tcp: { destinationPort: { number: port } } });

/**
 * The Baseline-tier deny-all of every namespace but kube-system: ingress and egress denied
 * unless an earlier tier decided.
 */
export const BASELINE_DENY_ALL = cnp('baseline-deny-all', {
  tier: 'Baseline',
  priority: 1000,
  subject: {
    namespaces: {
      matchExpressions: [
        { key: 'kubernetes.io/metadata.name', operator: 'NotIn', values: ['kube-system'] },
      ],
    },
  },
  ingress: [{ action: 'Deny', from: [{ namespaces: {} }] }],
  egress: [{ action: 'Deny', to: [{ networks: ['0.0.0.0/0'] }] }],
});
