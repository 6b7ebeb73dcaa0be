import type { Inventory } from '../inventory/inventory';
import type { Direction, NetworkPolicy, PolicyRule } from '../policy/network-policy';
import { ConnectionSet } from '../ports/connection-set';
import { isolatingPolicies } from './evaluate';
import { portConnections } from './port-connections';
import { rulePeersMatch } from './peer-match';
import { tieredDirection } from './tiered-direction';
import { policyChainOf } from '../chain/chain-of';
import { chainDirection } from '../chain/chain-direction';
import { DEFAULT_OPTIONS, type Endpoint, type EvaluationOptions } from './traffic';

/**
 * Every (protocol, port) on which `src` may open a connection to `dst`: what the source's egress
 * allows through every tier (Admin, NetworkPolicy, Baseline, default), intersected with what the
 * destination's ingress allows. Agrees with {@link isAllowed} on every single port (tested).
 *
 * @example allowedConnections(inv, a, b).toString() // 'TCP 80,UDP 53'
 */
export function allowedConnections(
  inventory: Inventory,
  src: Endpoint,
  dst: Endpoint,
  options: EvaluationOptions = DEFAULT_OPTIONS,
): ConnectionSet {
  const chain = policyChainOf(inventory, options);
  const direction = (d: 'egress' | 'ingress'): ConnectionSet =>
    chain
      ? chainDirection(chain, d, src, dst).allowed
      : tieredDirection(inventory, d, src, dst, options).allowed;
  const egress = direction('egress');
  if (egress.isEmpty) return egress;
  return egress.intersect(direction('ingress'));
}

/** A rule of an isolating policy whose peers match the pair, and what it admits between them. */
export interface MatchingRule {
  readonly policy: NetworkPolicy;
  readonly rule: PolicyRule;
  readonly connections: ConnectionSet;
}

/**
 * One direction of a pair: `isolating` lists the policies isolating the subject pod (empty when
 * it is not isolated, or is an external end); `rules` the rules of those policies whose peers
 * match the other end, each with the connections it admits towards `dst`.
 */
export function directionRules(
  inventory: Inventory,
  direction: Direction,
  src: Endpoint,
  dst: Endpoint,
  options: EvaluationOptions,
): { isolating: NetworkPolicy[]; rules: MatchingRule[] } {
  const subject = direction === 'egress' ? src : dst;
  const peer = direction === 'egress' ? dst : src;
  if (subject.kind !== 'pod') return { isolating: [], rules: [] };
  const isolating = isolatingPolicies(inventory, subject.pod, direction, options);
  const rules: MatchingRule[] = [];
  for (const policy of isolating) {
    for (const rule of policy[direction]) {
      if (!rulePeersMatch(inventory, policy, rule, peer, options)) continue;
      const connections =
        rule.ports.length === 0
          ? ConnectionSet.ALL
          : rule.ports.reduce(
              (acc, port) => acc.union(portConnections(port, dst)),
              ConnectionSet.NONE,
            );
      rules.push({ policy, rule, connections });
    }
  }
  return { isolating, rules };
}

/** What one direction allows: everything when not isolated, else the union of its matching rules. */
export function directionAllows(matched: {
  isolating: readonly NetworkPolicy[];
  rules: readonly MatchingRule[];
}): ConnectionSet {
  if (matched.isolating.length === 0) return ConnectionSet.ALL;
  return matched.rules.reduce((acc, r) => acc.union(r.connections), ConnectionSet.NONE);
}
