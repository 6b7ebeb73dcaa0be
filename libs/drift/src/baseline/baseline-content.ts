import { NAMESPACE_NAME_LABEL } from '@fenceline/netpol';

/**
 * A label selector as written in a manifest: `matchLabels` AND every `matchExpressions` entry.
 * See https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/label-selector/
 *
 * @example const prod: RawSelector = { matchLabels: { env: 'prod' } };
 */
export type RawSelector = {
  matchLabels?: Record<string, string>;
  matchExpressions?: {
    key: string;
    operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
    values?: string[];
  }[];
};

/**
 * One end of a guardrail: a CIDR (external addresses, minus `except`) or pod selectors — never
 * both. Unlike a NetworkPolicy peer, a guardrail is not namespaced: `podSelector` alone selects
 * matching pods in **every** in-scope namespace (not one namespace), `{}` every in-scope pod,
 * and `namespaceSelector` (alone, or ANDed with `podSelector`) pods of the matching namespaces
 * of the whole cluster — in scope or not, so that a guardrail can name kube-system. External
 * addresses are only selected by a `cidr`; with `ipBlockMatchesPods` a `cidr` also selects
 * in-scope pods whose primary IP lies in it, as an ipBlock would.
 * See https://kubernetes.io/docs/reference/kubernetes-api/policy-resources/network-policy-v1/#NetworkPolicyPeer
 *
 * @example const db: PeerSpec = { namespaceSelector: { matchLabels: { team: 'pay' } }, podSelector: { matchLabels: { app: 'db' } } };
 */
export interface PeerSpec {
  namespaceSelector?: RawSelector;
  podSelector?: RawSelector;
  cidr?: string;
  except?: string[];
}

/**
 * Ports of a guardrail: protocol defaults to TCP; a missing `port` means every port of the
 * protocol; `endPort` makes `port..endPort` a range. Named ports are not accepted. A guardrail
 * without `ports` (or with `ports: []`) covers every port of every protocol, as a rule does.
 *
 * @example const postgres: PortSpec = { protocol: 'TCP', port: 5432 };
 */
export interface PortSpec {
  protocol?: 'TCP' | 'UDP' | 'SCTP';
  port?: number;
  endPort?: number;
}

/**
 * A rule the cluster must satisfy whatever its policies say:
 * - `require-default-deny`: every in-scope workload is isolated in the direction(s);
 * - `require-dns-egress`: every egress-isolated in-scope workload reaches every DNS pod on UDP 53
 *   and TCP 53, and nothing else on port 53 (default DNS pods: `k8s-app=kube-dns` in
 *   `kube-system`);
 * - `deny`: no connection from a `from` peer to a `to` peer on `ports` is allowed;
 * - `allow`: every (from pod, to pod or address) pair is allowed on all of `ports`.
 *
 * @example const g: Guardrail = { type: 'deny', name: 'no-dev-to-prod', from: { namespaceSelector: { matchLabels: { env: 'dev' } } }, to: { namespaceSelector: { matchLabels: { env: 'prod' } } } };
 */
export type Guardrail =
  | { type: 'require-default-deny'; name?: string; direction: 'ingress' | 'egress' | 'both' }
  | {
      type: 'require-dns-egress';
      name?: string;
      dns?: { namespaceSelector?: RawSelector; podSelector?: RawSelector };
    }
  | { type: 'deny'; name: string; from: PeerSpec; to: PeerSpec; ports?: PortSpec[] }
  | { type: 'allow'; name: string; from: PeerSpec; to: PeerSpec; ports?: PortSpec[] };

/**
 * The content of one baseline version: which namespaces it governs, which are sensitive, the
 * `networking.k8s.io/v1` NetworkPolicies it expects (one without `metadata.namespace` is a
 * template applied to every in-scope namespace) and its guardrails.
 *
 * @example parseBaselineContent({ policies: [], guardrails: [] })
 */
export interface BaselineContent {
  scope: { namespaceSelector: RawSelector };
  sensitive?: { namespaceSelector: RawSelector; podSelector?: RawSelector };
  policies: Record<string, unknown>[];
  guardrails: Guardrail[];
}

/** A problem in baseline input: the field path (`guardrails[2].to.cidr`) and what is wrong. */
export interface BaselineIssue {
  readonly path: string;
  readonly message: string;
}

/** Scope of a baseline that does not say: every namespace but `kube-system`. */
export const DEFAULT_SCOPE: BaselineContent['scope'] = Object.freeze({
  namespaceSelector: {
    matchExpressions: [
      { key: NAMESPACE_NAME_LABEL, operator: 'NotIn' as const, values: ['kube-system'] },
    ],
  },
});

/** DNS pods of `require-dns-egress` when it names none: `k8s-app=kube-dns` in `kube-system`. */
export const DEFAULT_DNS: { namespaceSelector: RawSelector; podSelector: RawSelector } =
  Object.freeze({
    namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: 'kube-system' } },
    podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
  });

/**
 * The name a guardrail is known by in findings: its `name`, or its type when unnamed.
 *
 * @example guardrailName({ type: 'require-default-deny', direction: 'both' }) // 'require-default-deny'
 */
export function guardrailName(guardrail: Guardrail): string {
  return guardrail.name ?? guardrail.type;
}

/**
 * One line per issue, as the CLI prints it.
 *
 * @example formatBaselineIssue({ path: 'guardrails[0].to.cidr', message: '"x" is not a CIDR' }) // 'guardrails[0].to.cidr: "x" is not a CIDR'
 */
export function formatBaselineIssue(issue: BaselineIssue): string {
  return issue.path ? `${issue.path}: ${issue.message}` : issue.message;
}
