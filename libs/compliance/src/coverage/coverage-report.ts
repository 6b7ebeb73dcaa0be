import {
  buildModel,
  clusterPolicyLabel,
  DEFAULT_OPTIONS,
  formatSelector,
  type ClusterAction,
  type ClusterTier,
  type Coverage,
  type Direction,
  type EvaluationOptions,
  type Inventory,
} from '@fenceline/netpol';
import { CheckContext } from '../checks/check-context';
import { allClusterRules } from '../checks/cluster-rules';
import { defaultDenyNames } from '../checks/tier-evidence';

/** What gives the pods of one namespace default deny, per direction (sorted, distinct). */
export interface NamespaceDefaultDeny {
  readonly namespace: string;
  /** NetworkPolicies (`shop/deny-in`) and cluster-policy rules (`cnp/deny-all ingress rule 0`). */
  readonly ingress: readonly string[];
  readonly egress: readonly string[];
}

/**
 * A cluster-policy rule with a peer the engine does not resolve offline: `domainNames` (shown as
 * `FQDN <names>`) or `nodes`. Such a peer matches no pod and no address range here, so it widens
 * and narrows none of the verdicts: the later rules decide what it would have matched.
 */
export interface UnevaluatedClusterRule {
  readonly policy: string;
  readonly tier: ClusterTier;
  readonly priority: number | null;
  readonly direction: Direction;
  readonly rule: number;
  readonly action: ClusterAction;
  /** `FQDN api.example.com,*.stripe.com` or `nodes <selector>`. */
  readonly peer: string;
  readonly note: string;
}

/** The model's coverage numbers plus what gives default deny, and who lacks it. */
export interface CoverageReport extends Coverage {
  readonly workloadsWithoutIngressIsolation: string[];
  readonly workloadsWithoutEgressIsolation: string[];
  /** Per namespace, in the order of `namespaces`. */
  readonly defaultDeny: readonly NamespaceDefaultDeny[];
  readonly unevaluatedClusterRules: readonly UnevaluatedClusterRule[];
}

const FQDN_NOTE = 'not resolved offline: widens or narrows no verdict';
const NODES_NOTE = 'not evaluated: the inventory holds no node addresses';

/**
 * Pods whose ingress and egress are default deny — isolated by a NetworkPolicy, or under a
 * catch-all cluster-policy Deny (netpol's `defaultDenyOf`) — in total and per namespace (the
 * fast model's `coverage()`), what gives it per namespace, the workloads (`namespace/name[Kind]`)
 * with a pod lacking it, and the cluster-policy rules whose `domainNames`/`nodes` peers are not
 * evaluated.
 * See https://kubernetes.io/docs/concepts/services-networking/network-policies/#the-two-sorts-of-pod-isolation
 *
 * @example coverageReport(inventory).workloadsWithoutEgressIsolation // ['shop/web[Deployment]']
 */
export function coverageReport(
  inventory: Inventory,
  options: EvaluationOptions = DEFAULT_OPTIONS,
): CoverageReport {
  const coverage = buildModel(inventory, options).coverage();
  const ctx = new CheckContext({
    source: { inventory },
    options,
    cde: undefined,
    inbound: [],
    outbound: [],
    now: new Date(0),
  });
  const without = (direction: Direction): string[] =>
    [...ctx.workloads.entries()]
      .filter(([, pods]) => pods.some((p) => !ctx.isDefaultDeny(p, direction)))
      .map(([w]) => w);
  const byNamespace = new Map<string, { ingress: Set<string>; egress: Set<string> }>();
  for (const pod of inventory.pods) {
    let entry = byNamespace.get(pod.namespace);
    if (!entry) byNamespace.set(pod.namespace, (entry = { ingress: new Set(), egress: new Set() }));
    for (const direction of ['ingress', 'egress'] as const) {
      const names = defaultDenyNames(ctx.defaultDeny(pod, direction), direction);
      for (const name of names) entry[direction].add(name);
    }
  }
  const defaultDeny = coverage.namespaces.map(({ namespace }) => {
    const entry = byNamespace.get(namespace);
    return {
      namespace,
      ingress: [...(entry?.ingress ?? [])].sort(),
      egress: [...(entry?.egress ?? [])].sort(),
    };
  });
  return {
    ...coverage,
    workloadsWithoutIngressIsolation: without('ingress'),
    workloadsWithoutEgressIsolation: without('egress'),
    defaultDeny,
    unevaluatedClusterRules: unevaluatedRules(inventory),
  };
}

function unevaluatedRules(inventory: Inventory): UnevaluatedClusterRule[] {
  const out: UnevaluatedClusterRule[] = [];
  for (const { policy, direction, rule } of allClusterRules(inventory)) {
    for (const peer of rule.peers) {
      // A `nodes` peer resolved against the inventory's nodes is evaluated (as their IPs).
      if (peer.kind !== 'domainNames' && (peer.kind !== 'nodes' || peer.addresses)) continue;
      out.push({
        policy: clusterPolicyLabel(policy),
        tier: policy.tier,
        priority: policy.priority ?? null,
        direction,
        rule: rule.index,
        action: rule.action,
        peer:
          peer.kind === 'domainNames'
            ? `FQDN ${peer.names.join(',')}`
            : `nodes ${formatSelector(peer.nodeSelector)}`,
        note: peer.kind === 'domainNames' ? FQDN_NOTE : NODES_NOTE,
      });
    }
  }
  return out;
}
