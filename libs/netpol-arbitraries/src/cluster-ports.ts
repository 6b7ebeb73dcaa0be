import fc from 'fast-check';

/** The two API versions of cluster-scoped policies, which spell ports differently. */
export type ClusterPolicyVersion = 'v1alpha1' | 'v1alpha2';

/** One port of a cluster policy rule, before it is spelled for an API version. */
export type ClusterPortItem =
  | { readonly kind: 'number'; readonly protocol: string; readonly port: number }
  | {
      readonly kind: 'range';
      readonly protocol: string;
      readonly start: number;
      readonly end: number;
    }
  | { readonly kind: 'named'; readonly name: string };

/** A rule's port list, and whether it names a port (then the rule may not have address peers). */
export interface ClusterPorts {
  readonly named: boolean;
  readonly list: readonly Record<string, unknown>[];
}

/**
 * One port spelled for `version`: v1alpha1 (AdminNetworkPolicy, BaselineAdminNetworkPolicy)
 * `ports` items are `portNumber`, `portRange` or `namedPort`; v1alpha2 (ClusterNetworkPolicy)
 * `protocols` items are `{ tcp|udp|sctp: { destinationPort: { number } | { range } } }` or
 * `destinationNamedPort` (https://network-policy-api.sigs.k8s.io/reference/spec/).
 *
 * @example `clusterPortObject('v1alpha2', { kind: 'number', protocol: 'TCP', port: 80 })` is
 * `{ tcp: { destinationPort: { number: 80 } } }`
 */
export function clusterPortObject(
  version: ClusterPolicyVersion,
  item: ClusterPortItem,
): Record<string, unknown> {
  if (item.kind === 'named')
    return version === 'v1alpha2' ? { destinationNamedPort: item.name } : { namedPort: item.name };
  const proto = item.protocol.toLowerCase();
  if (item.kind === 'number')
    return version === 'v1alpha2'
      ? { [proto]: { destinationPort: { number: item.port } } }
      : { portNumber: { protocol: item.protocol, port: item.port } };
  return version === 'v1alpha2'
    ? { [proto]: { destinationPort: { range: { start: item.start, end: item.end } } } }
    : { portRange: { protocol: item.protocol, start: item.start, end: item.end } };
}

/** What random port lists are drawn from. */
export interface ClusterPortVocabulary {
  readonly protocols: readonly string[];
  /** Single ports. */
  readonly ports: readonly number[];
  /** Range starts and ends: every start must be at most every end. */
  readonly starts: readonly number[];
  readonly ends: readonly number[];
  /** Named ports (container port names). */
  readonly names: readonly string[];
  /** Items per list at most (at least one). */
  readonly maxLength: number;
}

/**
 * A non-empty port list of numbers, ranges and named ports, spelled for `version`.
 *
 * @example `clusterPortsArbitrary('v1alpha1', vocabulary)` gives
 * `{ named: true, list: [{ namedPort: 'http' }, { portNumber: { protocol: 'UDP', port: 53 } }] }`
 */
export const clusterPortsArbitrary = (
  version: ClusterPolicyVersion,
  vocabulary: ClusterPortVocabulary,
): fc.Arbitrary<ClusterPorts> =>
  fc
    .array(
      fc.oneof(
        fc.record({
          kind: fc.constant('number' as const),
          protocol: fc.constantFrom(...vocabulary.protocols),
          port: fc.constantFrom(...vocabulary.ports),
        }),
        fc.record({
          kind: fc.constant('range' as const),
          protocol: fc.constantFrom(...vocabulary.protocols),
          start: fc.constantFrom(...vocabulary.starts),
          end: fc.constantFrom(...vocabulary.ends),
        }),
        fc.record({
          kind: fc.constant('named' as const),
          name: fc.constantFrom(...vocabulary.names),
        }),
      ),
      { minLength: 1, maxLength: vocabulary.maxLength },
    )
    .map((items: ClusterPortItem[]) => ({
      named: items.some((i) => i.kind === 'named'),
      list: items.map((i) => clusterPortObject(version, i)),
    }));
