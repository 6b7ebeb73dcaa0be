import type { EvaluationOptions, Inventory, Protocol } from '@fenceline/netpol';

/** A Kubernetes label selector as written (`matchLabels` / `matchExpressions`). */
export interface RawSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: {
    key: string;
    operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
    values?: string[];
  }[];
}

/** Ports of a declared flow: protocol defaults to TCP, no `port` is the whole protocol. */
export interface FlowPort {
  protocol?: Protocol;
  port?: number;
  endPort?: number;
}

/**
 * A flow declared necessary for the CDE (PCI DSS 1.3.1 / 1.3.2): the peer outside the CDE —
 * selectors (not namespaced: `podSelector` alone matches pods of every namespace, both are
 * ANDed), a `cidr` (minus `except`), or the cluster's ingress controller — and the ports. No
 * `ports` (or `[]`) means every port of every protocol.
 *
 * @example { podSelector: { matchLabels: { app: checkout } }, ports: [{ port: 8443 }] }
 */
export interface FlowSpec {
  description?: string;
  namespaceSelector?: RawSelector;
  podSelector?: RawSelector;
  cidr?: string;
  except?: string[];
  ingressController?: boolean;
  ports?: FlowPort[];
}

/** Everything a framework is evaluated over. Only `inventory` is required. */
export interface ComplianceContext {
  inventory: Inventory;
  /** The cluster's CNI, when known (a snapshot's `source.cni`). `null`: cannot tell. */
  cni?: { name: string; enforcesNetworkPolicy: boolean | null };
  /** PCI cardholder-data environment: pods matching both selectors (an absent one matches all). */
  cde?: { namespaceSelector?: RawSelector; podSelector?: RawSelector };
  /** Flows into (`inbound`, peer = source) and out of (`outbound`, peer = destination) the CDE. */
  cdeAllowed?: { inbound?: FlowSpec[]; outbound?: FlowSpec[] };
  /** Change records of the platform's promotions (PCI DSS 1.2.2). */
  changeControl?: { lastApprovedChangeAt?: string; unapprovedChanges?: number };
  /** Last review of the NSC configuration (PCI DSS 1.2.7), ISO 8601. */
  lastReviewAt?: string;
  /** Evaluation time, ISO 8601; defaults to the current time. */
  now?: string;
  options?: EvaluationOptions;
}
