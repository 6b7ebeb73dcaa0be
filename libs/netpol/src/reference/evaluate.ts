import type { ObjectRef } from '../errors/object-ref';
import type { Inventory, Pod } from '../inventory/inventory';
import type { Direction, NetworkPolicy } from '../policy/network-policy';
import { policySelectsPod, rulePeersMatch, rulePortsMatch } from './peer-match';
import { DEFAULT_OPTIONS, type Endpoint, type EvaluationOptions, type Traffic } from './traffic';

/** Identifies one rule: the policy, the direction and the rule's index in `spec.ingress`/`spec.egress`. */
export interface RuleRef {
  readonly policy: ObjectRef;
  readonly direction: Direction;
  readonly ruleIndex: number;
}

/**
 * The decision of one direction. `isolated` is false when no policy selecting the pod lists this
 * direction (everything is allowed then), or when this end is not a pod the policies govern.
 */
export interface DirectionVerdict {
  readonly direction: Direction;
  readonly isolated: boolean;
  /** Policies that select the pod and isolate it in this direction. */
  readonly isolatingPolicies: readonly ObjectRef[];
  /** Rules (of isolating policies) that allow the traffic. */
  readonly allowingRules: readonly RuleRef[];
  readonly allowed: boolean;
  /** Why, in one sentence. */
  readonly reason: string;
}

/** Whether the traffic is allowed, and why: egress at the source AND ingress at the destination. */
export interface Verdict {
  readonly traffic: Traffic;
  readonly allowed: boolean;
  readonly egress: DirectionVerdict;
  readonly ingress: DirectionVerdict;
}

/**
 * The reference evaluator: decides one connection by walking every policy and rule. Slow and
 * obviously right; the fast model is checked against it.
 * See https://kubernetes.io/docs/concepts/services-networking/network-policies/
 *
 * @example isAllowed(inventory, { src, dst, protocol: 'TCP', port: 80 }).allowed
 */
export function isAllowed(
  inventory: Inventory,
  traffic: Traffic,
  options: EvaluationOptions = DEFAULT_OPTIONS,
): Verdict {
  const egress = decide(inventory, 'egress', traffic.src, traffic, options);
  const ingress = decide(inventory, 'ingress', traffic.dst, traffic, options);
  return { traffic, allowed: egress.allowed && ingress.allowed, egress, ingress };
}

/** Policies in the pod's namespace that select it and isolate it in `direction`. */
export function isolatingPolicies(
  inventory: Inventory,
  pod: Pod,
  direction: Direction,
  options: EvaluationOptions = DEFAULT_OPTIONS,
): NetworkPolicy[] {
  if (pod.hostNetwork && options.hostNetwork === 'unrestricted') return [];
  return inventory.policies.filter((p) => p.isolates[direction] && policySelectsPod(p, pod));
}

function decide(
  inventory: Inventory,
  direction: Direction,
  subject: Endpoint,
  traffic: Traffic,
  options: EvaluationOptions,
): DirectionVerdict {
  if (subject.kind !== 'pod') {
    return {
      direction,
      isolated: false,
      isolatingPolicies: [],
      allowingRules: [],
      allowed: true,
      reason: 'external endpoint: no policy applies',
    };
  }
  const policies = isolatingPolicies(inventory, subject.pod, direction, options);
  if (policies.length === 0) {
    const why =
      subject.pod.hostNetwork && options.hostNetwork === 'unrestricted'
        ? 'hostNetwork pod, treated as never isolated'
        : `no policy isolates the pod for ${direction}`;
    return {
      direction,
      isolated: false,
      isolatingPolicies: [],
      allowingRules: [],
      allowed: true,
      reason: `${why}: allowed by default`,
    };
  }
  const peer = direction === 'egress' ? traffic.dst : traffic.src;
  const allowingRules: RuleRef[] = [];
  for (const policy of policies) {
    for (const rule of policy[direction]) {
      if (
        rulePeersMatch(inventory, policy, rule, peer, options) &&
        rulePortsMatch(rule, traffic.protocol, traffic.port, traffic.dst)
      ) {
        allowingRules.push({ policy: policy.ref, direction, ruleIndex: rule.index });
      }
    }
  }
  const allowed = allowingRules.length > 0;
  return {
    direction,
    isolated: true,
    isolatingPolicies: policies.map((p) => p.ref),
    allowingRules,
    allowed,
    reason: allowed
      ? `allowed by ${allowingRules.length} rule(s)`
      : `isolated by ${policies.length} polic${policies.length === 1 ? 'y' : 'ies'} and no ${direction} rule matches: denied by default`,
  };
}
