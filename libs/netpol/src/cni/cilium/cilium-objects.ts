import type { IpSet } from '../../cidr/ip-set';
import type { ObjectRef } from '../../errors/object-ref';
import type { Direction, PolicyVocabulary } from '../../policy/network-policy';
import type { Protocol } from '../../ports/protocol';
import type { LabelSelector, Labels, SelectorOperator } from '../../selector/label-selector';

/** The policy kinds read, `cilium.io/v2` only (the API version both CRDs are served at). */
export const CILIUM_POLICY_KINDS = [
  'CiliumNetworkPolicy',
  'CiliumClusterwideNetworkPolicy',
] as const;
export type CiliumPolicyKind = (typeof CILIUM_POLICY_KINDS)[number];

/** `CiliumCIDRGroup` was introduced as `v2alpha1` and is also served as `v2`. */
const CIDR_GROUP_API_VERSIONS: readonly (string | undefined)[] = [
  'cilium.io/v2alpha1',
  'cilium.io/v2',
];

export type CiliumKind = CiliumPolicyKind | 'CiliumCIDRGroup';

/** Whether an object is one of the Cilium kinds the engine evaluates. */
export function isCiliumKind(kind: string, apiVersion: string | undefined): kind is CiliumKind {
  if (kind === 'CiliumCIDRGroup') return CIDR_GROUP_API_VERSIONS.includes(apiVersion);
  return (CILIUM_POLICY_KINDS as readonly string[]).includes(kind) && apiVersion === 'cilium.io/v2';
}

/**
 * One requirement of an endpoint selector. Keys may carry a label source (`k8s:app`,
 * `reserved:host`); a key without one (`app`) matches a label of any source (`any`).
 * See https://docs.cilium.io/en/latest/security/policy/intro/#endpoint-selector
 */
export interface CiliumRequirement {
  readonly source: string;
  readonly key: string;
  readonly operator: SelectorOperator;
  readonly values: readonly string[];
}

/** A validated endpoint selector: the AND of its requirements (`{}` selects every endpoint). */
export interface CiliumSelector {
  readonly requirements: readonly CiliumRequirement[];
}

/**
 * The entities of `fromEntities`/`toEntities` (the CRD's enum, plus `world-ipv4`/`world-ipv6`).
 * See https://docs.cilium.io/en/latest/security/policy/layer3/#entities-based
 */
export const CILIUM_ENTITIES = [
  'all',
  'world',
  'world-ipv4',
  'world-ipv6',
  'cluster',
  'host',
  'remote-node',
  'kube-apiserver',
  'init',
  'health',
  'unmanaged',
  'ingress',
  'none',
] as const;
export type CiliumEntity = (typeof CILIUM_ENTITIES)[number];

/**
 * One L3 peer criterion of a rule. `cidrs` has its `except`s removed; `unevaluated` stands for
 * what cannot be resolved offline (FQDNs, cloud security groups, service label selectors) and
 * matches nothing.
 */
export type CiliumPeer =
  | { readonly kind: 'endpoints'; readonly selector: CiliumSelector }
  | { readonly kind: 'entities'; readonly entities: readonly CiliumEntity[] }
  | { readonly kind: 'cidrs'; readonly cidrs: IpSet }
  | {
      readonly kind: 'cidrGroup';
      readonly name: string | undefined;
      readonly selector: LabelSelector | undefined;
    }
  | { readonly kind: 'nodes'; readonly selector: LabelSelector }
  | { readonly kind: 'service'; readonly namespace: string; readonly name: string }
  | { readonly kind: 'unevaluated'; readonly what: string };

/** A port of `toPorts`: a range (`0` is every port) or a named port, over its protocols. */
export interface CiliumPort {
  readonly protocols: readonly Protocol[];
  readonly port:
    | { readonly kind: 'range'; readonly from: number; readonly to: number }
    | { readonly kind: 'named'; readonly name: string };
}

/** One entry of `toPorts`: its ports and what it restricts beyond them (L7 rules, SNI). */
export interface CiliumPortRule {
  readonly ports: readonly CiliumPort[];
  readonly notEvaluated: readonly string[];
}

/**
 * An allow or deny rule. `peers` undefined: the rule names no L3 field (it then matches every
 * peer if it has ports, nothing otherwise: `{}` only makes its direction default deny).
 * `toPorts` undefined: every port and protocol.
 */
export interface CiliumRule {
  readonly index: number;
  readonly peers: readonly CiliumPeer[] | undefined;
  readonly toPorts: readonly CiliumPortRule[] | undefined;
  /** Whether the rule lists `icmps` (ICMP matches none of the engine's TCP/UDP/SCTP). */
  readonly icmps: boolean;
  readonly notEvaluated: readonly string[];
}

/**
 * One Cilium rule (`spec`, or one entry of `specs`): the endpoints it selects, whether it makes
 * them default deny per direction, and its four rule lists.
 * See https://docs.cilium.io/en/latest/security/policy/intro/#rule-basics
 */
export interface CiliumPolicySpec {
  /** Position in `specs`; undefined for `spec`. */
  readonly index: number | undefined;
  /** Namespace-scoped for a CiliumNetworkPolicy; undefined for a host policy (`nodeSelector`). */
  readonly endpointSelector: CiliumSelector | undefined;
  readonly defaultDeny: Readonly<Record<Direction, boolean>>;
  readonly ingress: readonly CiliumRule[];
  readonly ingressDeny: readonly CiliumRule[];
  readonly egress: readonly CiliumRule[];
  readonly egressDeny: readonly CiliumRule[];
}

/** A CiliumNetworkPolicy or CiliumClusterwideNetworkPolicy. */
export interface CiliumPolicy {
  readonly ref: ObjectRef;
  readonly kind: CiliumPolicyKind;
  /** Undefined for a CiliumClusterwideNetworkPolicy. */
  readonly namespace: string | undefined;
  readonly name: string;
  readonly specs: readonly CiliumPolicySpec[];
  readonly vocabulary: PolicyVocabulary;
}

/**
 * A `CiliumCIDRGroup`: labelled external CIDRs that `fromCIDRSet`/`toCIDRSet` reference by
 * `cidrGroupRef` (name) or `cidrGroupSelector` (labels).
 * See https://docs.cilium.io/en/latest/network/kubernetes/ciliumcidrgroup/
 */
export interface CiliumCidrGroup {
  readonly ref: ObjectRef;
  readonly name: string;
  readonly labels: Labels;
  readonly cidrs: IpSet;
}

/** What a snapshot or manifest set holds of Cilium's own policy kinds. */
export interface CiliumObjects {
  readonly policies: readonly CiliumPolicy[];
  readonly cidrGroups: readonly CiliumCidrGroup[];
}
