import type { AntreaGroup, AntreaSelection } from './antrea-objects';

/** ClusterGroups by name and Groups by `namespace/name`. */
export type GroupIndex = ReadonlyMap<string, AntreaGroup>;

export function groupKey(namespace: string | undefined, name: string): string {
  return `${namespace ?? ''}/${name}`;
}

export function indexGroups(groups: readonly AntreaGroup[]): GroupIndex {
  return new Map(groups.map((g) => [groupKey(g.namespace, g.name), g]));
}

/**
 * Whether a group's `childGroups` have children of their own: "only one level of nesting is
 * supported … such a group is not realized, it contributes no address to the policies that
 * select it as a peer, and a policy that uses it as its appliedTo applies to nothing".
 * See https://antrea.io/docs/main/docs/antrea-network-policy/#clustergroup-crd
 */
export function nestingExceeded(group: AntreaGroup, index: GroupIndex): boolean {
  return group.childGroups.some(
    (c) => (index.get(groupKey(group.namespace, c))?.childGroups.length ?? 0) > 0,
  );
}

/**
 * The member selections of a group: its own and its children's ("the union of all its
 * childGroups' members"); none when it is not realized. A child that does not exist adds none.
 *
 * @example groupMembers(index.get('/cg-nested'), index).map((m) => m.kind) // ['pods', 'ipBlock']
 */
export function groupMembers(group: AntreaGroup | undefined, index: GroupIndex): AntreaSelection[] {
  if (!group || nestingExceeded(group, index)) return [];
  const children = group.childGroups.flatMap((c) => {
    const child = index.get(groupKey(group.namespace, c));
    return child?.members ? [child.members] : [];
  });
  return group.members ? [group.members, ...children] : children;
}
