import fc from 'fast-check';
import {
  clusterPoliciesArbitrary as sharedClusterPoliciesArbitrary,
  clusterPolicyArbitrary as sharedClusterPolicyArbitrary,
  clusterPortsArbitrary,
  podSelectionArbitrary,
  selectorArbitrary,
  type ClusterPolicyVocabulary,
} from '@fenceline/netpol-arbitraries';
import { clusterArbitrary, VOCABULARY, type Raw } from './arbitraries';

/**
 * Random cluster-scoped policies (`@fenceline/netpol-arbitraries`) over the vocabulary of
 * `arbitraries.ts`, with smaller selectors and port lists: ClusterNetworkPolicy (v1alpha2),
 * AdminNetworkPolicy and the BaselineAdminNetworkPolicy singleton (v1alpha1); both tiers, every
 * action, tied priorities, named ports, port ranges and networks that hit the pods' addresses.
 */
const NETWORKS = ['10.0.0.0/8', '10.1.2.0/24', '10.1.2.3/32', '0.0.0.0/0', '192.168.0.0/16'];

const selector = selectorArbitrary(VOCABULARY, { maxLabels: 1, maxExpressions: 1 });
const CLUSTER_POLICIES: ClusterPolicyVocabulary = {
  namespaces: selector,
  pods: podSelectionArbitrary(selector),
  networks: fc.uniqueArray(fc.constantFrom(...NETWORKS), { minLength: 1, maxLength: 2 }),
  ports: (version) =>
    clusterPortsArbitrary(version, {
      protocols: ['TCP', 'UDP', 'SCTP'],
      ports: [53, 80, 8080],
      starts: [53, 80],
      ends: [81, 8080],
      names: ['http'],
      maxLength: 2,
    }),
};

/** One cluster policy of a random kind; `cluster-<index>`, or `default` for the singleton. */
export const clusterPolicyArbitrary = (index: number, maxRules = 3) =>
  sharedClusterPolicyArbitrary(CLUSTER_POLICIES, index, maxRules);

/** 0–`max` cluster policies, at most one BaselineAdminNetworkPolicy. */
export const clusterPoliciesArbitrary = (max = 3) =>
  sharedClusterPoliciesArbitrary(CLUSTER_POLICIES, { max });

/**
 * An Admin policy over every pod whose first egress rule names one network: pods of one shape
 * but other addresses are then treated differently (random subjects rarely get there).
 */
const addressRuleArbitrary = fc
  .record({
    action: fc.constantFrom('Accept', 'Deny', 'Pass'),
    network: fc.constantFrom(...NETWORKS),
  })
  .map(({ action, network }): Raw => ({
    apiVersion: 'policy.networking.k8s.io/v1alpha2',
    kind: 'ClusterNetworkPolicy',
    metadata: { name: 'by-address' },
    spec: {
      tier: 'Admin',
      priority: 5,
      subject: { namespaces: {} },
      egress: [{ action, to: [{ networks: [network] }] }],
    },
  }));

/** `clusterArbitrary` with 0–`max` cluster policies added, often one that tells addresses apart. */
export const tieredClusterArbitrary = (kinds?: readonly string[], max = 3) =>
  fc
    .tuple(
      clusterArbitrary(kinds),
      clusterPoliciesArbitrary(max),
      fc.option(addressRuleArbitrary, { nil: undefined }),
    )
    .map(([objects, clusterPolicies, byAddress]) => [
      ...objects,
      ...clusterPolicies,
      ...(byAddress ? [byAddress] : []),
    ]);
