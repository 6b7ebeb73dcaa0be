import type { Cidr } from '../cidr/cidr';
import { IssueSink } from '../errors/issue-sink';
import type { ObjectRef } from '../errors/object-ref';
import type { Direction, PolicyPort, PolicyVocabulary } from '../policy/network-policy';
import type { ParseResult } from '../policy/parse-network-policy';
import {
  describe,
  isUnset,
  readArray,
  readObject,
  readString,
  type RawObject,
} from '../raw/read-field';
import type {
  ClusterAction,
  ClusterPeer,
  ClusterPodSelection,
  ClusterPolicy,
  ClusterPolicyKind,
  ClusterRule,
  ClusterTier,
} from './cluster-policy';
import {
  parseClusterPeer,
  parseNamespaces,
  parsePodSelection,
  type PeerLimits,
} from './parse-cluster-peer';
import {
  parseAdminPorts,
  parseProtocols,
  portsKeyOf,
  type ParsedPorts,
} from './parse-cluster-ports';

/** What differs between the three kinds' schemas. */
interface KindSchema {
  readonly tier: ClusterTier | undefined;
  readonly hasPriority: boolean;
  readonly actions: Readonly<Record<string, ClusterAction>>;
  readonly maxRules: number;
  readonly maxPeers: number;
  readonly portsField: 'protocols' | 'ports';
  readonly egressPeers: readonly string[];
}

const INGRESS_PEERS = ['namespaces', 'pods'] as const;
const V1ALPHA1_ACTIONS = { Allow: 'Accept', Deny: 'Deny', Pass: 'Pass' } as const;

const SCHEMAS: Record<ClusterPolicyKind, KindSchema> = {
  ClusterNetworkPolicy: {
    tier: undefined,
    hasPriority: true,
    actions: { Accept: 'Accept', Deny: 'Deny', Pass: 'Pass' },
    maxRules: 25,
    maxPeers: 25,
    portsField: 'protocols',
    egressPeers: ['namespaces', 'pods', 'nodes', 'networks', 'domainNames'],
  },
  AdminNetworkPolicy: {
    tier: 'Admin',
    hasPriority: true,
    actions: V1ALPHA1_ACTIONS,
    maxRules: 100,
    maxPeers: 100,
    portsField: 'ports',
    egressPeers: ['namespaces', 'pods', 'nodes', 'networks', 'domainNames'],
  },
  BaselineAdminNetworkPolicy: {
    tier: 'Baseline',
    hasPriority: false,
    actions: { Allow: 'Accept', Deny: 'Deny' },
    maxRules: 100,
    maxPeers: 100,
    portsField: 'ports',
    egressPeers: ['namespaces', 'pods', 'nodes', 'networks'],
  },
};

const LIMITS: PeerLimits = { networks: 25, domainNames: 25 };

/**
 * Validates a ClusterNetworkPolicy (v1alpha2) or an AdminNetworkPolicy/BaselineAdminNetworkPolicy
 * (v1alpha1) as their CRD schemas do, and maps all three onto one internal form. Every problem is
 * reported with its field path; `value` is undefined when there is any.
 * See https://network-policy-api.sigs.k8s.io/reference/spec/
 *
 * @example parseClusterPolicy(obj, { kind: 'ClusterNetworkPolicy', name: 'deny-all' }, 'ClusterNetworkPolicy').value?.tier // 'Admin'
 */
export function parseClusterPolicy(
  obj: RawObject,
  ref: ObjectRef,
  kind: ClusterPolicyKind,
): ParseResult<ClusterPolicy> {
  const sink = new IssueSink(ref);
  const schema = SCHEMAS[kind];
  const spec = readObject(sink, obj['spec'], 'spec');
  if (!spec) {
    sink.add('MISSING_FIELD', 'spec', 'spec is required');
    return { value: undefined, issues: sink.issues };
  }
  if (kind === 'BaselineAdminNetworkPolicy' && ref.name !== 'default') {
    sink.add(
      'INVALID_NAME',
      'metadata.name',
      'a BaselineAdminNetworkPolicy must be named "default" (it is a singleton)',
    );
  }
  const tier = schema.tier ?? parseTier(sink, spec['tier']);
  const priority = schema.hasPriority ? parsePriority(sink, spec['priority']) : undefined;
  const subject = parseSubject(sink, spec['subject']);
  const ingress = parseRules(sink, spec, 'ingress', schema);
  const egress = parseRules(sink, spec, 'egress', schema);
  if (sink.count > 0 || !tier || !subject) return { value: undefined, issues: sink.issues };
  return {
    value: {
      ref,
      kind,
      apiVersion: typeof obj['apiVersion'] === 'string' ? obj['apiVersion'] : '',
      name: ref.name,
      tier,
      priority,
      subject,
      ingress,
      egress,
      spec,
      vocabulary: clusterVocabulary(subject, [...ingress, ...egress]),
    },
    issues: [],
  };
}

function parseTier(sink: IssueSink, raw: unknown): ClusterTier | undefined {
  if (isUnset(raw)) {
    sink.add('MISSING_FIELD', 'spec.tier', 'tier is required (Admin or Baseline)');
    return undefined;
  }
  if (raw === 'Admin' || raw === 'Baseline') return raw;
  sink.add('INVALID_TIER', 'spec.tier', `unsupported value ${describe(raw)} (Admin, Baseline)`);
  return undefined;
}

function parsePriority(sink: IssueSink, raw: unknown): number | undefined {
  if (isUnset(raw)) {
    sink.add('MISSING_FIELD', 'spec.priority', 'priority is required (0 to 1000)');
    return undefined;
  }
  if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 0 || raw > 1000) {
    sink.add(
      'INVALID_PRIORITY',
      'spec.priority',
      `priority must be an integer from 0 to 1000, got ${describe(raw)}`,
    );
    return undefined;
  }
  return raw;
}

/** Exactly one of `namespaces` and `pods`. */
function parseSubject(sink: IssueSink, raw: unknown): ClusterPodSelection | undefined {
  const obj = readObject(sink, raw, 'spec.subject');
  if (!obj) {
    sink.add('MISSING_FIELD', 'spec.subject', 'subject is required (namespaces or pods)');
    return undefined;
  }
  const hasNs = !isUnset(obj['namespaces']);
  const hasPods = !isUnset(obj['pods']);
  if (hasNs === hasPods) {
    sink.add('INVALID_SUBJECT', 'spec.subject', 'a subject sets exactly one of namespaces, pods');
    return undefined;
  }
  return hasNs
    ? parseNamespaces(sink, obj['namespaces'], 'spec.subject.namespaces')
    : parsePodSelection(sink, obj['pods'], 'spec.subject.pods');
}

function parseRules(
  sink: IssueSink,
  spec: RawObject,
  direction: Direction,
  schema: KindSchema,
): ClusterRule[] {
  const path = `spec.${direction}`;
  const list = readArray(sink, spec[direction], path) ?? [];
  if (list.length > schema.maxRules) {
    sink.add('TOO_MANY_ITEMS', path, `at most ${schema.maxRules} ${direction} rules`);
  }
  const rules: ClusterRule[] = [];
  list.forEach((raw, index) => {
    const rule = parseRule(sink, raw, `${path}[${index}]`, index, direction, schema);
    if (rule) rules.push(rule);
  });
  return rules;
}

function parseRule(
  sink: IssueSink,
  raw: unknown,
  path: string,
  index: number,
  direction: Direction,
  schema: KindSchema,
): ClusterRule | undefined {
  const obj = readObject(sink, raw, path);
  if (!obj) {
    sink.add('MISSING_FIELD', path, 'a rule needs an action and peers');
    return undefined;
  }
  const before = sink.count;
  const name = readString(sink, obj['name'], `${path}.name`);
  if (name !== undefined && name.length > 100)
    sink.add('TOO_MANY_ITEMS', `${path}.name`, 'a rule name has at most 100 characters');
  const action = parseAction(sink, obj['action'], `${path}.action`, schema);
  const peerField = direction === 'ingress' ? 'from' : 'to';
  const allowed = direction === 'ingress' ? INGRESS_PEERS : schema.egressPeers;
  const rawPeers = readArray(sink, obj[peerField], `${path}.${peerField}`);
  if (!rawPeers || rawPeers.length === 0) {
    sink.add(
      'RULE_WITHOUT_PEERS',
      `${path}.${peerField}`,
      `${peerField} must list at least one peer`,
    );
  } else if (rawPeers.length > schema.maxPeers) {
    sink.add('TOO_MANY_ITEMS', `${path}.${peerField}`, `at most ${schema.maxPeers} peers`);
  }
  const peers: ClusterPeer[] = [];
  (rawPeers ?? []).forEach((rawPeer, i) => {
    const peer = parseClusterPeer(sink, rawPeer, `${path}.${peerField}[${i}]`, i, allowed, LIMITS);
    if (peer) peers.push(peer);
  });
  const portsPath = `${path}.${schema.portsField}`;
  const parsed: ParsedPorts =
    schema.portsField === 'protocols'
      ? parseProtocols(sink, obj['protocols'], portsPath, 25)
      : parseAdminPorts(sink, obj['ports'], portsPath, 100);
  if (parsed.named && peers.some((p) => p.kind !== 'pods')) {
    sink.add(
      'NAMED_PORT_WITHOUT_PODS',
      portsPath,
      'networks/nodes/domainNames peers cannot be used with named ports (they have none)',
    );
  }
  if (action && action !== 'Accept' && peers.some((p) => p.kind === 'domainNames')) {
    sink.add(
      'INVALID_ACTION',
      `${path}.action`,
      'domainNames peers are only supported in Accept (Allow) rules',
    );
  }
  if (sink.count > before || !action) return undefined;
  const ports: PolicyPort[] = parsed.ports;
  return { index, name, action, peers, ports, portsKey: portsKeyOf(ports) };
}

function parseAction(
  sink: IssueSink,
  raw: unknown,
  path: string,
  schema: KindSchema,
): ClusterAction | undefined {
  const names = Object.keys(schema.actions);
  if (isUnset(raw)) {
    sink.add('MISSING_FIELD', path, `action is required (${names.join(', ')})`);
    return undefined;
  }
  const action =
    typeof raw === 'string' && Object.hasOwn(schema.actions, raw) ? schema.actions[raw] : undefined;
  if (!action)
    sink.add('INVALID_ACTION', path, `unsupported action ${describe(raw)} (${names.join(', ')})`);
  return action;
}

function clusterVocabulary(
  subject: ClusterPodSelection,
  rules: readonly ClusterRule[],
): PolicyVocabulary {
  const podKeys = new Set<string>();
  const addPods = (s: ClusterPodSelection): void => {
    for (const r of s.podSelector?.requirements ?? []) podKeys.add(r.key);
  };
  addPods(subject);
  const portRanges: PolicyVocabulary['portRanges'][number][] = [];
  const namedPorts: PolicyVocabulary['namedPorts'][number][] = [];
  const cidrs: Cidr[] = [];
  for (const rule of rules) {
    for (const peer of rule.peers) {
      if (peer.kind === 'pods') addPods(peer);
      else if (peer.kind === 'networks') cidrs.push(...peer.cidrs);
    }
    for (const port of rule.ports) {
      if (typeof port.port === 'number') {
        portRanges.push({
          protocol: port.protocol,
          from: port.port,
          to: port.endPort ?? port.port,
        });
      } else if (typeof port.port === 'string')
        namedPorts.push({ name: port.port, protocol: port.protocol });
    }
  }
  return { podKeys: [...podKeys], portRanges, namedPorts, cidrs };
}
