import type { Cidr } from '../cidr/cidr';
import type { IpSet } from '../cidr/ip-set';
import type { ObjectRef } from '../errors/object-ref';
import type { Protocol } from '../ports/protocol';
import type { LabelSelector } from '../selector/label-selector';

/**
 * The normalised, validated form of a `networking.k8s.io/v1` NetworkPolicy.
 * See https://kubernetes.io/docs/reference/kubernetes-api/policy-resources/network-policy-v1/
 */
export interface NetworkPolicy {
  readonly ref: ObjectRef;
  readonly namespace: string;
  readonly name: string;
  readonly podSelector: LabelSelector;
  /**
   * Whether the policy isolates the pods it selects for ingress / egress: `policyTypes` when
   * given; otherwise Ingress always, Egress only when `spec.egress` has at least one rule.
   */
  readonly isolates: { readonly ingress: boolean; readonly egress: boolean };
  /** Rules of an isolating direction only; rules of a direction not in policyTypes never apply. */
  readonly ingress: readonly PolicyRule[];
  readonly egress: readonly PolicyRule[];
  /** The `spec` as written, kept for snapshots and display. */
  readonly spec: Readonly<Record<string, unknown>>;
  /** What the policy can tell apart, derived once by the parser (see {@link PolicyVocabulary}). */
  readonly vocabulary: PolicyVocabulary;
}

/**
 * The distinctions a policy draws: pod label keys its pod selectors read, port boundaries
 * (numeric ports and ranges), named ports, and CIDRs (with `except`s). A model of many policies
 * merges these instead of walking every rule again.
 */
export interface PolicyVocabulary {
  readonly podKeys: readonly string[];
  readonly portRanges: readonly {
    readonly protocol: Protocol;
    readonly from: number;
    readonly to: number;
  }[];
  readonly namedPorts: readonly { readonly name: string; readonly protocol: Protocol }[];
  readonly cidrs: readonly Cidr[];
}

export type Direction = 'ingress' | 'egress';

/**
 * One ingress or egress rule. `peers` undefined means the rule's `from`/`to` was empty or
 * missing: every peer, including external addresses. `ports` empty means every port and protocol.
 */
export interface PolicyRule {
  readonly index: number;
  readonly peers: readonly PolicyPeer[] | undefined;
  readonly ports: readonly PolicyPort[];
  /** Canonical text of `ports`, set by the parser: rules with equal keys admit equal ports. */
  readonly portsKey?: string;
}

/**
 * `podSelector` and/or `namespaceSelector` in one peer element are ANDed. An undefined
 * `namespaceSelector` means the policy's own namespace; an undefined `podSelector` means every pod.
 */
export interface SelectorPeer {
  readonly kind: 'selector';
  readonly index: number;
  readonly podSelector: LabelSelector | undefined;
  readonly namespaceSelector: LabelSelector | undefined;
}

/** `cidr` minus every `except`, as a set of addresses. */
export interface IpBlockPeer {
  readonly kind: 'ipBlock';
  readonly index: number;
  readonly cidr: Cidr;
  readonly except: readonly Cidr[];
  readonly text: string;
  readonly addresses: IpSet;
}

export type PolicyPeer = SelectorPeer | IpBlockPeer;

/**
 * A rule port: `port` undefined matches every port of the protocol; a string is a named port
 * resolved on the destination pod; `endPort` makes `port..endPort` a range.
 */
export interface PolicyPort {
  readonly protocol: Protocol;
  readonly port: number | string | undefined;
  readonly endPort: number | undefined;
}
