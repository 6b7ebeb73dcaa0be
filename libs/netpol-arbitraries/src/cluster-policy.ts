import fc from 'fast-check';
import type { ClusterPolicyVersion, ClusterPorts } from './cluster-ports';
import { tupleOf } from './tuple-of';

/** The three cluster-scoped kinds: v1alpha2 ClusterNetworkPolicy, v1alpha1 ANP and BANP. */
export type ClusterPolicyKind =
  'ClusterNetworkPolicy' | 'AdminNetworkPolicy' | 'BaselineAdminNetworkPolicy';

/** Every action each kind has (a BaselineAdminNetworkPolicy cannot `Pass`). */
export const CLUSTER_POLICY_ACTIONS: Readonly<Record<ClusterPolicyKind, readonly string[]>> = {
  ClusterNetworkPolicy: ['Accept', 'Deny', 'Pass'],
  AdminNetworkPolicy: ['Allow', 'Deny', 'Pass'],
  BaselineAdminNetworkPolicy: ['Allow', 'Deny'],
};

/**
 * What random cluster policies are made of. Lists may repeat an item to make it more frequent
 * (`priorities: [0, 5, 5]`: ties are what the tie rules are tested on).
 */
export interface ClusterPolicyVocabulary {
  /** `namespaces` subjects and peers: a LabelSelector. */
  readonly namespaces: fc.Arbitrary<unknown>;
  /** `pods` subjects and peers: `{ namespaceSelector, podSelector }`. */
  readonly pods: fc.Arbitrary<unknown>;
  /** Egress `networks` peers: a non-empty list of CIDRs. */
  readonly networks: fc.Arbitrary<readonly string[]>;
  /** Egress `nodes` peers (a LabelSelector); without it no rule has one. */
  readonly nodes?: fc.Arbitrary<unknown>;
  /** A rule's ports in either version; see `clusterPortsArbitrary`. */
  readonly ports: (version: ClusterPolicyVersion) => fc.Arbitrary<ClusterPorts>;
  /** One rule in `portlessFreq` has no ports (fast-check's `option` freq; its default is 6). */
  readonly portlessFreq?: number;
  /** Default {@link CLUSTER_POLICY_ACTIONS}. */
  readonly actions?: Readonly<Record<ClusterPolicyKind, readonly string[]>>;
  /** ClusterNetworkPolicy tiers; default `Admin` and `Baseline`. */
  readonly tiers?: readonly string[];
  /** Default 0, 5 (twice), 10 and 1000. */
  readonly priorities?: readonly number[];
}

/**
 * `pods` of a subject or peer: a pod selector, and a namespace selector or none (all namespaces).
 *
 * @example `fc.record({ pods: podSelectionArbitrary(selector) })`
 */
export const podSelectionArbitrary = <S>(selector: fc.Arbitrary<S>) =>
  fc.record(
    { namespaceSelector: selector, podSelector: selector },
    { requiredKeys: ['podSelector'] },
  );

/**
 * The API forbids `networks` and `nodes` peers in a rule that names a port (there is no named
 * port on an address), so such a rule gets only pod and namespace peers.
 */
function peerArbitrary(
  v: ClusterPolicyVocabulary,
  direction: 'ingress' | 'egress',
  named: boolean,
) {
  const inCluster = [fc.record({ namespaces: v.namespaces }), fc.record({ pods: v.pods })];
  if (direction === 'ingress' || named) return fc.oneof(...inCluster);
  return fc.oneof(
    ...inCluster,
    fc.record({ networks: v.networks }),
    ...(v.nodes ? [fc.record({ nodes: v.nodes })] : []),
  );
}

function ruleArbitrary(
  v: ClusterPolicyVocabulary,
  direction: 'ingress' | 'egress',
  version: ClusterPolicyVersion,
  actions: readonly string[],
) {
  const portless = v.portlessFreq === undefined ? {} : { freq: v.portlessFreq };
  return fc
    .record({
      action: fc.constantFrom(...actions),
      ports: fc.option(v.ports(version), { nil: undefined, ...portless }),
    })
    .chain(({ action, ports }) =>
      fc
        .array(peerArbitrary(v, direction, ports?.named === true), { minLength: 1, maxLength: 2 })
        .map((peers) => ({
          action,
          [direction === 'ingress' ? 'from' : 'to']: peers,
          ...(ports ? { [version === 'v1alpha2' ? 'protocols' : 'ports']: ports.list } : {}),
        })),
    );
}

/**
 * One cluster policy of a random kind, valid by construction, named `cluster-<index>` or, for
 * the BaselineAdminNetworkPolicy singleton, `default`
 * (https://network-policy-api.sigs.k8s.io/reference/spec/).
 *
 * @example `clusterPolicyArbitrary(vocabulary, 0, 4)`: up to 4 ingress and 4 egress rules
 */
export const clusterPolicyArbitrary = (
  v: ClusterPolicyVocabulary,
  index: number,
  maxRules = 3,
): fc.Arbitrary<Record<string, unknown>> =>
  fc
    .constantFrom<ClusterPolicyKind>(
      'ClusterNetworkPolicy',
      'AdminNetworkPolicy',
      'BaselineAdminNetworkPolicy',
    )
    .chain((kind) => {
      const version = kind === 'ClusterNetworkPolicy' ? 'v1alpha2' : 'v1alpha1';
      const actions = (v.actions ?? CLUSTER_POLICY_ACTIONS)[kind];
      return fc
        .record({
          tier: fc.constantFrom(...(v.tiers ?? ['Admin', 'Baseline'])),
          priority: fc.constantFrom(...(v.priorities ?? [0, 5, 5, 10, 1000])),
          subject: fc.oneof(fc.record({ namespaces: v.namespaces }), fc.record({ pods: v.pods })),
          ingress: fc.array(ruleArbitrary(v, 'ingress', version, actions), { maxLength: maxRules }),
          egress: fc.array(ruleArbitrary(v, 'egress', version, actions), { maxLength: maxRules }),
        })
        .map(({ tier, priority, subject, ingress, egress }) => ({
          apiVersion: `policy.networking.k8s.io/${version}`,
          kind,
          metadata: {
            name: kind === 'BaselineAdminNetworkPolicy' ? 'default' : `cluster-${index}`,
          },
          spec: {
            // Only ClusterNetworkPolicy has tiers; the baseline singleton has no priority.
            ...(kind === 'ClusterNetworkPolicy' ? { tier } : {}),
            ...(kind !== 'BaselineAdminNetworkPolicy' ? { priority } : {}),
            subject,
            ...(ingress.length ? { ingress } : {}),
            ...(egress.length ? { egress } : {}),
          },
        }));
    });

/** How many cluster policies to draw (before duplicate baselines are dropped). */
export interface ClusterPolicyCount {
  readonly min?: number;
  readonly max: number;
}

/**
 * `min`–`max` cluster policies, keeping only the first BaselineAdminNetworkPolicy: it is a
 * singleton named `default`, so a second one would be the same object.
 *
 * @example `clusterPoliciesArbitrary(vocabulary, { max: 4 })`
 */
export const clusterPoliciesArbitrary = (
  v: ClusterPolicyVocabulary,
  count: ClusterPolicyCount,
): fc.Arbitrary<Record<string, unknown>[]> =>
  fc
    .integer({ min: count.min ?? 0, max: count.max })
    .chain((n) => tupleOf(n, (i) => clusterPolicyArbitrary(v, i)))
    .map((list) => {
      let baseline = false;
      return list.filter((p) => {
        if (p['kind'] !== 'BaselineAdminNetworkPolicy') return true;
        return baseline ? false : (baseline = true);
      });
    });
