import { IssueSink } from '../../errors/issue-sink';
import type { ObjectRef } from '../../errors/object-ref';
import type { ParseResult } from '../../policy/parse-network-policy';
import { isUnset, readArray, readObject, readString } from '../../raw/read-field';
import { parseLabelSelector } from '../../selector/label-selector';
import type { AntreaGroup, AntreaSelection } from './antrea-objects';
import { parseIpBlocks } from './parse-antrea-ip-blocks';
import { parsePods, readNamespacedName } from './parse-antrea-selection';

const FIELDS = {
  ClusterGroup: [
    'podSelector',
    'namespaceSelector',
    'nodeSelector',
    'externalEntitySelector',
    'ipBlocks',
    'serviceReference',
    'childGroups',
  ],
  Group: [
    'podSelector',
    'namespaceSelector',
    'externalEntitySelector',
    'ipBlocks',
    'serviceReference',
    'childGroups',
  ],
} as const;

/**
 * Reads a `ClusterGroup` or `Group`. "At most one of `podSelector`, `nodeSelector`,
 * `serviceReference`, `ipBlock`, `ipBlocks` or `childGroups` can be set" (a `namespaceSelector`
 * may join a `podSelector` or stand alone); a Group's bare `podSelector` selects in its own
 * namespace and its `childGroups` "will be looked up in the policy's own Namespace"; a
 * `serviceReference` groups "Pods that serve as the backend for the specified Service".
 * v1beta1 has `ipBlocks` only (the older `ipBlock` is not in its schema).
 * See https://antrea.io/docs/main/docs/antrea-network-policy/#clustergroup-crd
 *
 * @example parseAntreaGroup(obj, ref, 'ClusterGroup').value?.members?.kind // 'pods'
 */
export function parseAntreaGroup(
  obj: Readonly<Record<string, unknown>>,
  ref: ObjectRef,
  kind: 'ClusterGroup' | 'Group',
): ParseResult<AntreaGroup> {
  const sink = new IssueSink(ref);
  const spec = readObject(sink, obj['spec'], 'spec') ?? {};
  const namespace = kind === 'Group' ? (ref.namespace ?? 'default') : undefined;
  const set = Object.keys(spec).filter((k) => !isUnset(spec[k]));
  for (const key of set) {
    if (!(FIELDS[kind] as readonly string[]).includes(key))
      sink.add(
        'INVALID_TYPE',
        `spec.${key}`,
        `unknown field ${JSON.stringify(key)} in a ${kind} (${FIELDS[kind].join(', ')})`,
      );
  }
  const forms = set.filter((k) => k !== 'namespaceSelector');
  const withNamespace = forms.filter((k) => k !== 'podSelector' && k !== 'externalEntitySelector');
  if (forms.length > 1 || (set.includes('namespaceSelector') && withNamespace.length > 0))
    sink.add(
      'INVALID_FIELD_COMBINATION',
      'spec',
      `At most one of ${FIELDS[kind].filter((f) => f !== 'namespaceSelector').join(', ')} can be set for a ${kind}`,
    );
  const childGroups = (readArray(sink, spec['childGroups'], 'spec.childGroups') ?? []).flatMap(
    (c, i) => {
      const name = readString(sink, c, `spec.childGroups[${i}]`);
      if (name === ref.name)
        sink.add(
          'INVALID_FIELD_COMBINATION',
          `spec.childGroups[${i}]`,
          `cannot set ${kind} ${ref.name} as its own childGroup`,
        );
      return name ? [name] : [];
    },
  );
  const members = sink.count > 0 ? undefined : membersOf(sink, spec, namespace);
  if (sink.count > 0) return { value: undefined, issues: sink.issues };
  return { value: { ref, kind, namespace, name: ref.name, members, childGroups }, issues: [] };
}

function membersOf(
  sink: IssueSink,
  spec: Readonly<Record<string, unknown>>,
  namespace: string | undefined,
): AntreaSelection | undefined {
  if (!isUnset(spec['ipBlocks']))
    return parseIpBlocks(
      sink,
      readArray(sink, spec['ipBlocks'], 'spec.ipBlocks') ?? [],
      'spec.ipBlocks',
      true,
    );
  if (!isUnset(spec['serviceReference'])) {
    const svc = readNamespacedName(
      sink,
      spec['serviceReference'],
      'spec.serviceReference',
      namespace,
    );
    return svc ? { kind: 'service', ...svc } : undefined;
  }
  if (!isUnset(spec['nodeSelector'])) {
    const nodeSelector = parseLabelSelector(sink, spec['nodeSelector'], 'spec.nodeSelector');
    return nodeSelector ? { kind: 'nodes', nodeSelector } : undefined;
  }
  if (!isUnset(spec['externalEntitySelector'])) return { kind: 'externalEntities' };
  if (isUnset(spec['podSelector']) && isUnset(spec['namespaceSelector'])) return undefined;
  return parsePods(sink, spec, 'spec', namespace);
}
