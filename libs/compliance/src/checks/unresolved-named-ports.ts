import { peerMatches, policySelectsPod, type Pod } from '@fenceline/netpol';
import type { Evidence } from '../framework/types';
import { policyName, type CheckContext } from './check-context';
import { fromSubjects, notApplicable, type CheckOutcome } from './check-outcome';
import { unresolvedClusterNamedPorts } from './cluster-rule-checks';
import { allRules } from './policy-rules';

/**
 * ZT-9: every named port resolves. A named port matches a container port of the destination
 * pod with the same name and protocol, and never an ipBlock address. Destinations: for an
 * ingress rule, the pods the policy selects; for an egress rule, the pods its peers match
 * (every pod without `to`). A named port resolving on none of them admits nothing.
 * Cluster-policy named ports are checked alike ({@link unresolvedClusterNamedPorts}; there a
 * name matches whatever the protocol). Subjects are the named ports of rules.
 * See https://kubernetes.io/docs/reference/kubernetes-api/policy-resources/network-policy-v1/#NetworkPolicyPort
 */
export function unresolvedNamedPorts(ctx: CheckContext): CheckOutcome {
  const { inventory } = ctx;
  let total = 0;
  const failures: Evidence[] = [];
  for (const { policy, direction, rule } of allRules(inventory.policies)) {
    const named = rule.ports.filter((p) => typeof p.port === 'string');
    if (named.length === 0) continue;
    const destinations: Pod[] =
      direction === 'ingress'
        ? inventory.pods.filter((pod) => policySelectsPod(policy, pod))
        : rule.peers === undefined
          ? [...inventory.pods]
          : inventory.pods.filter((pod) =>
              (rule.peers ?? []).some(
                (peer) =>
                  peer.kind === 'selector' &&
                  peerMatches(inventory, policy, peer, { kind: 'pod', pod }, ctx.compiled.options),
              ),
            );
    for (const port of named) {
      total++;
      const resolves = destinations.some((pod) =>
        pod.ports.some((cp) => cp.name === port.port && cp.protocol === port.protocol),
      );
      if (resolves) continue;
      failures.push({
        namespace: policy.namespace,
        policy: policyName(policy),
        direction,
        rule: rule.index,
        port: `${String(port.port)}/${port.protocol}`,
        destinationPods: destinations.length,
      });
    }
  }
  const cluster = unresolvedClusterNamedPorts(ctx);
  failures.push(...cluster.failures);
  if (total + cluster.total === 0) return notApplicable('no rule names a port by name');
  const details = [
    { namedPorts: total, ...(cluster.total > 0 ? { clusterNamedPorts: cluster.total } : {}) },
  ];
  return fromSubjects(total + cluster.total, failures, details);
}
