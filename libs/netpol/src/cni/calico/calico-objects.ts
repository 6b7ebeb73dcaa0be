import type { IpSet } from '../../cidr/ip-set';
import type { ObjectRef } from '../../errors/object-ref';
import type { PolicyVocabulary } from '../../policy/network-policy';
import type { Protocol } from '../../ports/protocol';
import type { Labels } from '../../selector/label-selector';
import type { CalicoSelector } from './selector/calico-selector';

/** API versions read: the Calico API server's, and the CRDs it stores them in. */
export const CALICO_API_VERSIONS = ['projectcalico.org/v3', 'crd.projectcalico.org/v1'] as const;

export const CALICO_KINDS = [
  'NetworkPolicy',
  'GlobalNetworkPolicy',
  'Tier',
  'NetworkSet',
  'GlobalNetworkSet',
] as const;
export type CalicoKind = (typeof CALICO_KINDS)[number];

/** Whether an object is one of the Calico kinds the engine evaluates. */
export function isCalicoKind(kind: string, apiVersion: string | undefined): kind is CalicoKind {
  return (
    (CALICO_KINDS as readonly string[]).includes(kind) &&
    (CALICO_API_VERSIONS as readonly (string | undefined)[]).includes(apiVersion)
  );
}

/**
 * A `Tier`. `order` undefined is last ("No value indicates highest order").
 * See https://docs.tigera.io/calico/latest/reference/resources/tier
 */
export interface CalicoTier {
  readonly ref: ObjectRef;
  readonly name: string;
  readonly order: number | undefined;
  readonly defaultAction: 'Deny' | 'Pass';
}

/**
 * A `NetworkSet` (namespaced) or `GlobalNetworkSet`: labelled CIDRs that rule selectors match
 * ("it includes the CIDRs from any network sets that match the selector").
 * See https://docs.tigera.io/calico/latest/reference/resources/networkset
 */
export interface CalicoNetworkSet {
  readonly ref: ObjectRef;
  /** Undefined for a GlobalNetworkSet. */
  readonly namespace: string | undefined;
  readonly labels: Labels;
  readonly nets: IpSet;
  readonly text: string;
}

/** A port criterion: a number range (`80`, `'6040:6050'`) or a named port. */
export type CalicoPort =
  | { readonly kind: 'range'; readonly from: number; readonly to: number }
  | { readonly kind: 'named'; readonly name: string };

/**
 * The source or destination criteria of a rule; every criterion present must match.
 * See https://docs.tigera.io/calico/latest/reference/resources/networkpolicy#entityrule
 */
export interface CalicoEntity {
  readonly nets: IpSet | undefined;
  readonly notNets: IpSet | undefined;
  readonly selector: CalicoSelector | undefined;
  readonly notSelector: CalicoSelector | undefined;
  readonly namespaceSelector: CalicoSelector | undefined;
  readonly serviceAccounts:
    | { readonly names: readonly string[]; readonly selector: CalicoSelector | undefined }
    | undefined;
  /** A Kubernetes Service: the pods it selects (and, as a destination, its ports). */
  readonly service: { readonly namespace: string; readonly name: string } | undefined;
  readonly ports: readonly CalicoPort[];
  readonly notPorts: readonly CalicoPort[];
}

/** A rule of a Calico policy. Protocols outside TCP/UDP/SCTP (ICMP, numbers) match none of them. */
export interface CalicoRule {
  readonly index: number;
  readonly action: 'Allow' | 'Deny' | 'Pass' | 'Log';
  /** The protocols of TCP/UDP/SCTP the rule matches (`protocol`/`notProtocol` applied). */
  readonly protocols: readonly Protocol[];
  readonly ipVersion: 4 | 6 | undefined;
  readonly source: CalicoEntity;
  readonly destination: CalicoEntity;
  /** Criteria kept but not evaluated (HTTP match, source ports, ICMP type). */
  readonly notEvaluated: readonly string[];
}

/**
 * A Calico `NetworkPolicy` or `GlobalNetworkPolicy` in its tier.
 * See https://docs.tigera.io/calico/latest/reference/resources/networkpolicy
 */
export interface CalicoPolicy {
  readonly ref: ObjectRef;
  readonly kind: 'NetworkPolicy' | 'GlobalNetworkPolicy';
  /** Undefined for a GlobalNetworkPolicy. */
  readonly namespace: string | undefined;
  readonly name: string;
  readonly tier: string;
  readonly order: number | undefined;
  readonly selector: CalicoSelector;
  /** GlobalNetworkPolicy only: the namespaces whose endpoints it may select. */
  readonly namespaceSelector: CalicoSelector | undefined;
  readonly serviceAccountSelector: CalicoSelector | undefined;
  readonly types: { readonly ingress: boolean; readonly egress: boolean };
  readonly ingress: readonly CalicoRule[];
  readonly egress: readonly CalicoRule[];
  /** `doNotTrack`/`preDNAT`/`applyOnForward`: host-endpoint policies, out of scope. */
  readonly hostOnly: boolean;
  readonly spec: Readonly<Record<string, unknown>>;
  readonly vocabulary: PolicyVocabulary;
}

/** What a snapshot or manifest set holds of Calico. */
export interface CalicoObjects {
  readonly policies: readonly CalicoPolicy[];
  readonly tiers: readonly CalicoTier[];
  readonly networkSets: readonly CalicoNetworkSet[];
  /** Policies left out, with why (a tier the input does not define). */
  readonly notes: readonly { readonly object: ObjectRef; readonly message: string }[];
}
