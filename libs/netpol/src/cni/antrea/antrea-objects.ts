import type { Cidr } from '../../cidr/cidr';
import type { IpSet } from '../../cidr/ip-set';
import type { ObjectRef } from '../../errors/object-ref';
import type { PolicyPort } from '../../policy/network-policy';
import type { LabelSelector } from '../../selector/label-selector';

/**
 * The API versions read: `crd.antrea.io/v1beta1` is the only one the Antrea CRDs serve (the
 * v1alpha versions of these kinds are no longer served, so objects in them are not evaluated).
 * See https://github.com/antrea-io/antrea/tree/main/build/charts/antrea/crds
 */
export const ANTREA_API_VERSIONS = ['crd.antrea.io/v1beta1'] as const;

export const ANTREA_KINDS = [
  'ClusterNetworkPolicy',
  'NetworkPolicy',
  'Tier',
  'ClusterGroup',
  'Group',
] as const;
export type AntreaKind = (typeof ANTREA_KINDS)[number];

/** Whether an object is one of the Antrea kinds the engine evaluates. */
export function isAntreaKind(kind: string, apiVersion: string | undefined): kind is AntreaKind {
  return (
    (ANTREA_KINDS as readonly string[]).includes(kind) &&
    (ANTREA_API_VERSIONS as readonly (string | undefined)[]).includes(apiVersion)
  );
}

/**
 * A `Tier`: "Policies associated with higher ordered (low `priority` value) Tiers are enforced
 * first"; "No two Tiers can be created with the same priority".
 * See https://antrea.io/docs/main/docs/antrea-network-policy/#tier-crds
 */
export interface AntreaTier {
  readonly ref: ObjectRef;
  readonly name: string;
  readonly priority: number;
}

/**
 * Where the pods of a pod selection live: every namespace, one named namespace (a bare
 * `podSelector` of a namespaced object), the namespaces a `namespaceSelector` matches, or the
 * per-namespace forms of `namespaces` (`match: Self`, `sameLabels`), which depend on the pod the
 * rule applies to.
 */
export type AntreaNamespaceScope =
  | { readonly kind: 'all' }
  | { readonly kind: 'named'; readonly name: string }
  | { readonly kind: 'selector'; readonly selector: LabelSelector }
  | { readonly kind: 'self' }
  | { readonly kind: 'sameLabels'; readonly keys: readonly string[] };

/**
 * One `appliedTo` entry, peer, or group member. `pods` selects pods (never a host-network pod as
 * a peer: Antrea leaves them out of address groups), `ipBlock` addresses, `group` a ClusterGroup
 * (`namespace` undefined) or Group, `serviceAccount` the pods running as it, `nodes` node IPs,
 * `service` a Service's backends (`serviceReference`) or, in an `appliedTo`, a NodePort Service;
 * `fqdn` and `externalEntities` match nothing offline.
 * See https://antrea.io/docs/main/docs/antrea-network-policy/#behavior-of-to-and-from-selectors
 */
export type AntreaSelection =
  | {
      readonly kind: 'pods';
      readonly namespaces: AntreaNamespaceScope;
      readonly podSelector: LabelSelector | undefined;
      /** `scope: ClusterSet`: pods of other member clusters are selected too (not evaluated). */
      readonly clusterSet: boolean;
    }
  | {
      readonly kind: 'ipBlock';
      readonly addresses: IpSet;
      readonly cidrs: readonly Cidr[];
      readonly text: string;
    }
  | { readonly kind: 'group'; readonly name: string; readonly namespace: string | undefined }
  | { readonly kind: 'serviceAccount'; readonly namespace: string; readonly name: string }
  | { readonly kind: 'nodes'; readonly nodeSelector: LabelSelector }
  | { readonly kind: 'service'; readonly namespace: string; readonly name: string }
  | { readonly kind: 'fqdn'; readonly name: string }
  | { readonly kind: 'externalEntities' };

export type AntreaAction = 'Allow' | 'Drop' | 'Reject' | 'Pass';

/** A rule port: a `PolicyPort`, and whether it also names source ports (not evaluated). */
export interface AntreaPort extends PolicyPort {
  readonly sourcePorts: boolean;
}

/**
 * An ingress or egress rule. `peers` empty (with no `toServices`) "matches all ingress
 * sources" / "all egress destinations"; `ports` and `otherProtocols` both empty match every
 * protocol and port. `appliedTo` is the rule's own (undefined: the policy's).
 * See https://antrea.io/docs/main/docs/antrea-network-policy/#the-antrea-clusternetworkpolicy-resource
 */
export interface AntreaRule {
  readonly index: number;
  readonly name: string | undefined;
  readonly action: AntreaAction;
  readonly appliedTo: readonly AntreaSelection[] | undefined;
  readonly peers: readonly AntreaSelection[];
  readonly toServices: readonly { readonly namespace: string; readonly name: string }[];
  readonly ports: readonly AntreaPort[];
  /** `protocols` entries (ICMP, IGMP): they match none of the TCP/UDP/SCTP connections. */
  readonly otherProtocols: readonly string[];
  /** `l7Protocols`, as written: the rule is restricted at L7 (not evaluated). */
  readonly l7: readonly string[];
  readonly enableLogging: boolean;
  readonly logLabel: string | undefined;
}

/**
 * An Antrea `ClusterNetworkPolicy` (ACNP) or `NetworkPolicy` (ANNP) in its tier.
 * See https://antrea.io/docs/main/docs/antrea-network-policy/
 */
export interface AntreaPolicy {
  readonly ref: ObjectRef;
  readonly kind: 'ClusterNetworkPolicy' | 'NetworkPolicy';
  /** Undefined for a ClusterNetworkPolicy. */
  readonly namespace: string | undefined;
  readonly name: string;
  /** The Tier's name; static tiers in lower case (`SecurityOps` is `securityops`). */
  readonly tier: string;
  /** 1.0–10000.0, lower first. */
  readonly priority: number;
  /** Empty when every rule has its own `appliedTo`. */
  readonly appliedTo: readonly AntreaSelection[];
  readonly ingress: readonly AntreaRule[];
  readonly egress: readonly AntreaRule[];
  readonly spec: Readonly<Record<string, unknown>>;
}

/**
 * A `ClusterGroup` or (namespaced) `Group`: "At most one of podSelector, nodeSelector,
 * serviceReference, ipBlock, ipBlocks or childGroups can be set"; the members of a parent are
 * "the union of all its childGroups' members".
 * See https://antrea.io/docs/main/docs/antrea-network-policy/#clustergroup
 */
export interface AntreaGroup {
  readonly ref: ObjectRef;
  readonly kind: 'ClusterGroup' | 'Group';
  /** Undefined for a ClusterGroup. */
  readonly namespace: string | undefined;
  readonly name: string;
  /** Undefined for an empty spec or a parent (members only through `childGroups`). */
  readonly members: AntreaSelection | undefined;
  readonly childGroups: readonly string[];
}

/** A fact about an object that changes how it is evaluated but is no input error. */
export interface AntreaNote {
  readonly object: ObjectRef;
  readonly message: string;
}

/** What a snapshot or manifest set holds of Antrea's own policy kinds. */
export interface AntreaObjects {
  readonly policies: readonly AntreaPolicy[];
  readonly tiers: readonly AntreaTier[];
  readonly groups: readonly AntreaGroup[];
  /** Group references that resolve to nothing, node-level policies, unrealizable policies. */
  readonly notes: readonly AntreaNote[];
}
