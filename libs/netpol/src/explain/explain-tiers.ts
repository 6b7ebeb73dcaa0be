import {
  clusterPolicyLabel,
  type ClusterAction,
  type ClusterPolicy,
  type ClusterTier,
} from '../cluster/cluster-policy';
import type { ObjectRef } from '../errors/object-ref';
import { formatObjectRef } from '../errors/object-ref';
import type { Inventory } from '../inventory/inventory';
import type { Direction } from '../policy/network-policy';
import type { ConnectionSet } from '../ports/connection-set';
import type { Protocol } from '../ports/protocol';
import {
  clusterRulePeersMatch,
  clusterRulePortMatches,
  tierPolicies,
} from '../reference/cluster-match';
import type { DirectionVerdict, ClusterRuleRef } from '../reference/evaluate';
import type { TierOutcome, TieredDirection } from '../reference/tiered-direction';
import type { Endpoint } from '../reference/traffic';

/** A cluster-policy rule whose peers match the pair: its action, what it matches and decides. */
export interface ClusterRuleExplanation {
  readonly policy: ObjectRef;
  /** `cnp/name`, `anp/name` or `banp/default`. */
  readonly label: string;
  readonly tier: ClusterTier;
  readonly priority: number | undefined;
  readonly ruleIndex: number;
  readonly ruleName: string | undefined;
  readonly action: ClusterAction;
  readonly connections: ConnectionSet;
  /** What no earlier rule of the tier had decided, so this rule decides it. */
  readonly decided: ConnectionSet;
  /** With a port query: whether this rule decides that port. */
  readonly decidesQuery?: boolean;
}

/** An egress rule with `domainNames` peers: kept, shown, never resolved offline. */
export interface FqdnRuleExplanation {
  readonly label: string;
  readonly ruleIndex: number;
  readonly action: ClusterAction;
  readonly names: readonly string[];
}

/** One cluster tier of one direction, as explain shows it. */
export interface TierExplanation {
  readonly tier: ClusterTier;
  /** Policies of the tier that select the pod, in evaluation order. */
  readonly policies: readonly { readonly label: string; readonly priority: number | undefined }[];
  readonly rules: readonly ClusterRuleExplanation[];
  readonly accepted: ConnectionSet;
  readonly denied: ConnectionSet;
  readonly passed: ConnectionSet;
  readonly fqdn: readonly FqdnRuleExplanation[];
}

/** Turns a tier outcome of the reference into its explanation. */
export function tierExplanation(
  outcome: TierOutcome,
  direction: Direction,
  query: { protocol: Protocol; port: number } | undefined,
): TierExplanation {
  const fqdn: FqdnRuleExplanation[] = [];
  for (const policy of outcome.policies) {
    for (const rule of policy[direction]) {
      for (const peer of rule.peers) {
        if (peer.kind !== 'domainNames') continue;
        fqdn.push({
          label: clusterPolicyLabel(policy),
          ruleIndex: rule.index,
          action: rule.action,
          names: peer.names,
        });
      }
    }
  }
  return {
    tier: outcome.tier,
    policies: outcome.policies.map((p) => ({ label: clusterPolicyLabel(p), priority: p.priority })),
    rules: outcome.matches.map((m) => ({
      policy: m.policy.ref,
      label: clusterPolicyLabel(m.policy),
      tier: m.policy.tier,
      priority: m.policy.priority,
      ruleIndex: m.rule.index,
      ruleName: m.rule.name,
      action: m.action,
      connections: m.connections,
      decided: m.decided,
      ...(query ? { decidesQuery: m.decided.has(query.protocol, query.port) } : {}),
    })),
    accepted: outcome.accepted,
    denied: outcome.denied,
    passed: outcome.passed,
    fqdn,
  };
}

const ruleText = (ref: ClusterRuleRef): string =>
  `${clusterPolicyLabel({ kind: ref.policy.kind as ClusterPolicy['kind'], name: ref.policy.name })} rule ${ref.ruleIndex}${ref.ruleName ? ` (${ref.ruleName})` : ''}`;

/**
 * The decision path of one port through the tiers, e.g.
 * `Admin: Pass by cnp/tenant-walls rule 2 → NetworkPolicy: isolated, allowed by shop/web-ingress rule 0`.
 */
export function queryPath(verdict: DirectionVerdict, hasClusterPolicies: boolean): string {
  const steps: string[] = [];
  const decided = verdict.decidedBy;
  const passedAdmin = verdict.passedBy.find((p) => p.tier === 'Admin');
  const passedBaseline = verdict.passedBy.find((p) => p.tier === 'Baseline');
  if (hasClusterPolicies) {
    if (decided.tier === 'Admin') return `Admin: ${decided.action} by ${ruleText(decided)}`;
    steps.push(passedAdmin ? `Admin: Pass by ${ruleText(passedAdmin)}` : 'Admin: no rule matches');
  }
  if (decided.tier === 'NetworkPolicy') {
    const by = verdict.allowingRules.map(
      (r) => `${r.policy.namespace}/${r.policy.name} rule ${r.ruleIndex}`,
    );
    steps.push(
      verdict.allowed
        ? `NetworkPolicy: isolated, allowed by ${by.join(', ')}`
        : `NetworkPolicy: isolated by ${verdict.isolatingPolicies.map((p) => formatObjectRef(p)).join(', ')}, no rule allows it: denied`,
    );
    return steps.join(' → ');
  }
  steps.push('NetworkPolicy: not isolated');
  if (decided.tier === 'Baseline') {
    steps.push(`Baseline: ${decided.action} by ${ruleText(decided)}`);
    return steps.join(' → ');
  }
  if (hasClusterPolicies)
    steps.push(
      passedBaseline
        ? `Baseline: Pass by ${ruleText(passedBaseline)}`
        : 'Baseline: no rule matches',
    );
  steps.push('default: allow');
  return steps.join(' → ');
}

/** What each tier did for the whole pair (no port query), in evaluation order. */
export function summaryPath(tiered: TieredDirection, hasClusterPolicies: boolean): string {
  const steps: string[] = [];
  const tierText = (t: TierOutcome): string => {
    const parts = [
      !t.accepted.isEmpty ? `Accept ${t.accepted}` : '',
      !t.denied.isEmpty ? `Deny ${t.denied}` : '',
      !t.passed.isEmpty ? `Pass ${t.passed}` : '',
    ].filter((p) => p);
    return `${t.tier}: ${parts.length ? parts.join('; ') : 'no rule matches'}`;
  };
  if (hasClusterPolicies) steps.push(tierText(tiered.admin));
  const np = tiered.networkPolicy;
  if (np.isolating.length > 0) {
    steps.push(`NetworkPolicy: isolated, allows ${np.admits}`);
    return steps.join(' → ');
  }
  steps.push('NetworkPolicy: not isolated');
  if (hasClusterPolicies) steps.push(tierText(tiered.baseline));
  steps.push(`default: allow ${tiered.defaulted}`);
  return steps.join(' → ');
}

/**
 * Same-tier policies of the deciding policy's priority that would decide this port otherwise:
 * the API leaves such a verdict to the implementation (`SAME_PRIORITY_CONFLICT`).
 */
export function samePriorityConflicts(
  inventory: Inventory,
  verdict: DirectionVerdict,
  subject: Endpoint,
  peer: Endpoint,
  dst: Endpoint,
  query: { protocol: Protocol; port: number },
): string[] {
  const decided = verdict.decidedBy;
  if ((decided.tier !== 'Admin' && decided.tier !== 'Baseline') || subject.kind !== 'pod')
    return [];
  const out: string[] = [];
  for (const other of tierPolicies(inventory, decided.tier, subject.pod, verdict.direction)) {
    if (
      other.priority !== decided.priority ||
      (other.name === decided.policy.name && other.kind === decided.policy.kind)
    )
      continue;
    const rule = other[verdict.direction].find(
      (r) =>
        clusterRulePeersMatch(inventory, r, peer) &&
        clusterRulePortMatches(r, query.protocol, query.port, dst),
    );
    if (rule && rule.action !== decided.action) {
      out.push(
        `SAME_PRIORITY_CONFLICT: ${clusterPolicyLabel(other)} rule ${rule.index} would ${rule.action} this at the same priority ${decided.priority ?? ''}; the API leaves the order undefined (evaluated here: ${ruleText(decided)} first)`,
      );
    }
  }
  return out;
}
