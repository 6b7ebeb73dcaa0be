import type { Direction, NetworkPolicy, PolicyRule } from '@fenceline/netpol';

/** One rule of one policy, with its direction. */
export interface RuleAt {
  readonly policy: NetworkPolicy;
  readonly direction: Direction;
  readonly rule: PolicyRule;
}

/**
 * Every rule that can apply: the rules of the directions each policy isolates (the parser drops
 * rules of a direction missing from `policyTypes`: they never apply).
 */
export function allRules(policies: readonly NetworkPolicy[]): RuleAt[] {
  return policies.flatMap((policy) => [
    ...policy.ingress.map((rule) => ({ policy, direction: 'ingress' as const, rule })),
    ...policy.egress.map((rule) => ({ policy, direction: 'egress' as const, rule })),
  ]);
}
