import type { IssueSink } from '../../errors/issue-sink';
import { isUnset, readArray, readObject, readString, type RawObject } from '../../raw/read-field';
import { parseLabelSelector } from '../../selector/label-selector';
import { labelKeyError } from '../../selector/label-syntax';
import type { AntreaNamespaceScope, AntreaSelection } from './antrea-objects';
import { parseIpBlocks } from './parse-antrea-ip-blocks';

/** Who holds the selection: a ClusterNetworkPolicy (cluster scope) or a namespaced object. */
export interface SelectionOwner {
  readonly kind: 'ClusterNetworkPolicy' | 'NetworkPolicy';
  /** The namespace of an Antrea NetworkPolicy; undefined for a ClusterNetworkPolicy. */
  readonly namespace: string | undefined;
}

type Where = 'appliedTo' | 'from' | 'to';

/** The fields each form accepts, per the v1beta1 CRD schemas. */
const FIELDS: Record<SelectionOwner['kind'], Record<Where, readonly string[]>> = {
  ClusterNetworkPolicy: {
    appliedTo: [
      'podSelector',
      'namespaceSelector',
      'group',
      'serviceAccount',
      'service',
      'nodeSelector',
      'externalEntitySelector',
    ],
    from: [
      'podSelector',
      'namespaceSelector',
      'namespaces',
      'ipBlock',
      'group',
      'serviceAccount',
      'nodeSelector',
      'externalEntitySelector',
      'scope',
    ],
    to: [
      'podSelector',
      'namespaceSelector',
      'namespaces',
      'ipBlock',
      'group',
      'serviceAccount',
      'nodeSelector',
      'externalEntitySelector',
      'scope',
      'fqdn',
    ],
  },
  NetworkPolicy: {
    appliedTo: ['podSelector', 'externalEntitySelector', 'group'],
    from: [
      'podSelector',
      'namespaceSelector',
      'ipBlock',
      'group',
      'nodeSelector',
      'externalEntitySelector',
      'scope',
    ],
    to: [
      'podSelector',
      'namespaceSelector',
      'ipBlock',
      'group',
      'nodeSelector',
      'externalEntitySelector',
      'scope',
      'fqdn',
    ],
  },
};

/** Fields that "cannot be used with any other fields" in one entry (the admission webhook). */
const ALONE = ['group', 'serviceAccount', 'nodeSelector', 'service'] as const;
const FQDN_CHARS = /^[-0-9a-zA-Z.*]+$/;

/**
 * Reads a list of `appliedTo` entries or rule peers (`from`/`to`). A namespaced policy's
 * `appliedTo` has no `namespaceSelector` ("setting a namespaceSelector in the appliedTo field is
 * forbidden"); `namespaces` is a ClusterNetworkPolicy peer only and "cannot be set along with a
 * namespaceSelector"; `group`, `serviceAccount`, `nodeSelector` and `service` stand alone. Where
 * Antrea resolves a peer by precedence (an `ipBlock` wins over selectors set beside it) so does
 * this reader.
 * See https://antrea.io/docs/main/docs/antrea-network-policy/#behavior-of-to-and-from-selectors
 */
export function parseSelections(
  sink: IssueSink,
  raw: unknown,
  path: string,
  owner: SelectionOwner,
  where: Where,
): AntreaSelection[] | undefined {
  const list = readArray(sink, raw, path);
  if (!list) return undefined;
  return list.flatMap((item, i) => {
    const s = parseSelection(sink, item, `${path}[${i}]`, owner, where);
    return s ? [s] : [];
  });
}

function parseSelection(
  sink: IssueSink,
  raw: unknown,
  path: string,
  owner: SelectionOwner,
  where: Where,
): AntreaSelection | undefined {
  const obj = readObject(sink, raw, path);
  if (!obj) return undefined;
  const allowed = FIELDS[owner.kind][where];
  const set = Object.keys(obj).filter((k) => !isUnset(obj[k]));
  const before = sink.count;
  for (const key of set) {
    if (allowed.includes(key)) continue;
    const why =
      key === 'namespaceSelector' && where === 'appliedTo'
        ? 'an Antrea NetworkPolicy applies only in its own namespace: appliedTo has no namespaceSelector'
        : `unknown field ${JSON.stringify(key)} in ${where === 'appliedTo' ? 'an appliedTo entry' : `a ${where} peer`} of ${owner.kind === 'ClusterNetworkPolicy' ? 'a ClusterNetworkPolicy' : 'an Antrea NetworkPolicy'}`;
    sink.add(where === 'appliedTo' ? 'INVALID_SUBJECT' : 'INVALID_PEER', `${path}.${key}`, why);
  }
  const fields = set.filter((k) => k !== 'scope');
  if (fields.length === 0) {
    sink.add('PEER_WITHOUT_SELECTOR', path, `must set one of ${allowed.join(', ')}`);
    return undefined;
  }
  for (const alone of ALONE) {
    if (set.includes(alone) && fields.length > 1)
      sink.add('INVALID_FIELD_COMBINATION', path, `${alone} cannot be set with other fields`);
  }
  if (set.includes('namespaces') && set.includes('namespaceSelector'))
    sink.add(
      'INVALID_FIELD_COMBINATION',
      path,
      'namespaces and namespaceSelector cannot be set at the same time',
    );
  if (sink.count > before) return undefined;
  return selectionOf(sink, obj, path, owner, before);
}

function selectionOf(
  sink: IssueSink,
  obj: RawObject,
  path: string,
  owner: SelectionOwner,
  before: number,
): AntreaSelection | undefined {
  if (!isUnset(obj['ipBlock'])) return parseIpBlocks(sink, [obj['ipBlock']], `${path}.ipBlock`);
  if (!isUnset(obj['group'])) {
    const name = readString(sink, obj['group'], `${path}.group`);
    return name === undefined ? undefined : { kind: 'group', name, namespace: owner.namespace };
  }
  if (!isUnset(obj['fqdn'])) {
    const name = readString(sink, obj['fqdn'], `${path}.fqdn`);
    if (name === undefined) return undefined;
    if (!FQDN_CHARS.test(name)) {
      sink.add(
        'INVALID_DOMAIN_NAME',
        `${path}.fqdn`,
        `invalid characters in fqdn ${JSON.stringify(name)}`,
      );
      return undefined;
    }
    return { kind: 'fqdn', name };
  }
  for (const kind of ['serviceAccount', 'service'] as const) {
    if (isUnset(obj[kind])) continue;
    const ref = readNamespacedName(sink, obj[kind], `${path}.${kind}`);
    return ref ? { kind, ...ref } : undefined;
  }
  if (!isUnset(obj['nodeSelector'])) {
    const nodeSelector = parseLabelSelector(sink, obj['nodeSelector'], `${path}.nodeSelector`);
    return nodeSelector && sink.count === before ? { kind: 'nodes', nodeSelector } : undefined;
  }
  if (!isUnset(obj['externalEntitySelector'])) {
    parseLabelSelector(sink, obj['externalEntitySelector'], `${path}.externalEntitySelector`);
    return sink.count === before ? { kind: 'externalEntities' } : undefined;
  }
  return parsePods(sink, obj, path, owner.namespace, before);
}

/**
 * A pod selection: `podSelector` "without any namespaceSelector selects Pods from all
 * Namespaces" in a ClusterNetworkPolicy, the object's own namespace in a namespaced one.
 */
export function parsePods(
  sink: IssueSink,
  obj: RawObject,
  path: string,
  ownNamespace: string | undefined,
  before = sink.count,
): AntreaSelection | undefined {
  const podSelector = parseLabelSelector(sink, obj['podSelector'], `${path}.podSelector`);
  const nsSelector = parseLabelSelector(
    sink,
    obj['namespaceSelector'],
    `${path}.namespaceSelector`,
  );
  let namespaces: AntreaNamespaceScope = nsSelector
    ? { kind: 'selector', selector: nsSelector }
    : ownNamespace === undefined
      ? { kind: 'all' }
      : { kind: 'named', name: ownNamespace };
  if (!isUnset(obj['namespaces'])) {
    const scope = readNamespaces(sink, obj['namespaces'], `${path}.namespaces`);
    if (scope) namespaces = scope;
  }
  const scope = readString(sink, obj['scope'], `${path}.scope`);
  if (scope !== undefined && scope !== 'Cluster' && scope !== 'ClusterSet')
    sink.add(
      'INVALID_PEER',
      `${path}.scope`,
      `scope must be Cluster or ClusterSet, got ${JSON.stringify(scope)}`,
    );
  if (sink.count > before) return undefined;
  return { kind: 'pods', namespaces, podSelector, clusterSet: scope === 'ClusterSet' };
}

function readNamespaces(
  sink: IssueSink,
  raw: unknown,
  path: string,
): AntreaNamespaceScope | undefined {
  const obj = readObject(sink, raw, path);
  if (!obj) return undefined;
  const match = readString(sink, obj['match'], `${path}.match`);
  const sameLabels = readArray(sink, obj['sameLabels'], `${path}.sameLabels`);
  if ((match === undefined) === (sameLabels === undefined)) {
    sink.add('INVALID_FIELD_COMBINATION', path, 'set exactly one of match and sameLabels');
    return undefined;
  }
  if (match !== undefined) {
    if (match === 'Self') return { kind: 'self' };
    sink.add('INVALID_PEER', `${path}.match`, `match must be Self, got ${JSON.stringify(match)}`);
    return undefined;
  }
  const keys: string[] = [];
  (sameLabels ?? []).forEach((k, i) => {
    const key = readString(sink, k, `${path}.sameLabels[${i}]`);
    const err = key === undefined ? undefined : labelKeyError(key);
    if (err)
      sink.add('INVALID_LABEL_KEY', `${path}.sameLabels[${i}]`, `${JSON.stringify(key)}: ${err}`);
    else if (key !== undefined) keys.push(key);
  });
  return { kind: 'sameLabels', keys };
}

/** `{ name, namespace }`, both required (serviceAccount, service, serviceReference, toServices). */
export function readNamespacedName(
  sink: IssueSink,
  raw: unknown,
  path: string,
  defaultNamespace?: string,
): { namespace: string; name: string } | undefined {
  const obj = readObject(sink, raw, path);
  if (!obj) return undefined;
  const name = readString(sink, obj['name'], `${path}.name`);
  const namespace = readString(sink, obj['namespace'], `${path}.namespace`) ?? defaultNamespace;
  if (!name) sink.add('MISSING_FIELD', `${path}.name`, 'name is required');
  if (!namespace) sink.add('MISSING_FIELD', `${path}.namespace`, 'namespace is required');
  return name && namespace ? { namespace, name } : undefined;
}
