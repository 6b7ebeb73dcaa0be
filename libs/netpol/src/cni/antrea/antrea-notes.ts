import { formatObjectRef } from '../../errors/object-ref';
import { groupKey, groupMembers, indexGroups, nestingExceeded } from './antrea-groups';
import type { AntreaGroup, AntreaNote, AntreaPolicy, AntreaSelection } from './antrea-objects';

/**
 * What a reader must know about how Antrea objects are evaluated, found once every object is
 * read: `appliedTo` forms that select no pod (Nodes: "Antrea Node NetworkPolicy"; NodePort
 * Services; ExternalEntities), group references that resolve to nothing (Antrea accepts them
 * and the rule then selects nothing), IPBlock groups in `appliedTo` ("will be ignored, and the
 * policy will have no effect"), groups nested too deep, and Antrea NetworkPolicies applied to a
 * Group "with Pods in other Namespaces" (`Realizable=False`: returned, they are not evaluated).
 * See https://antrea.io/docs/main/docs/antrea-network-policy/#group
 */
export function antreaNotes(
  policies: readonly AntreaPolicy[],
  groups: readonly AntreaGroup[],
  notes: AntreaNote[],
): Set<AntreaPolicy> {
  const index = indexGroups(groups);
  const unrealized = new Set<AntreaPolicy>();
  const seen = new Set<string>();
  const note = (object: AntreaNote['object'], message: string): void => {
    const key = `${formatObjectRef(object)}: ${message}`;
    if (seen.has(key)) return;
    seen.add(key);
    notes.push({ object, message });
  };
  for (const group of groups) {
    if (nestingExceeded(group, index))
      note(
        group.ref,
        'its childGroups have childGroups of their own (ChildGroupsNestingExceeded): the group is not realized and selects nothing',
      );
  }
  for (const policy of policies) {
    const refKind = policy.kind === 'ClusterNetworkPolicy' ? 'ClusterGroup' : 'Group';
    const group = (s: AntreaSelection): AntreaGroup | undefined => {
      if (s.kind !== 'group') return undefined;
      const found = index.get(groupKey(s.namespace, s.name));
      if (!found)
        note(
          policy.ref,
          `${refKind} ${JSON.stringify(s.name)} does not exist: it selects nothing until it is created`,
        );
      return found;
    };
    const appliedTo = [
      ...policy.appliedTo,
      ...[...policy.ingress, ...policy.egress].flatMap((r) => r.appliedTo ?? []),
    ];
    for (const s of appliedTo) {
      if (s.kind === 'nodes')
        note(
          policy.ref,
          'an appliedTo nodeSelector makes it a Node NetworkPolicy (host traffic): not evaluated, it applies to no pod',
        );
      else if (s.kind === 'service')
        note(
          policy.ref,
          `applied to NodePort Service ${s.namespace}/${s.name} (external clients of the node port): not evaluated`,
        );
      else if (s.kind === 'externalEntities')
        note(
          policy.ref,
          'an appliedTo externalEntitySelector selects ExternalEntities, not pods: not evaluated',
        );
      const g = group(s);
      if (!g) continue;
      const members = groupMembers(g, index);
      if (g.members?.kind === 'ipBlock')
        note(
          policy.ref,
          `${refKind} ${g.name} holds ipBlocks: as an appliedTo it is ignored and applies to no pod`,
        );
      if (
        policy.kind === 'NetworkPolicy' &&
        members.some((m) => m.kind === 'pods' && m.namespaces.kind !== 'named')
      ) {
        note(
          policy.ref,
          `Group ${g.name} with Pods in other Namespaces can not be used as AppliedTo (Realizable=False): the policy is not evaluated`,
        );
        unrealized.add(policy);
      }
    }
    for (const rule of [...policy.ingress, ...policy.egress]) rule.peers.forEach(group);
  }
  return unrealized;
}
