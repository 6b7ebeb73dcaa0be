import { IssueSink } from '../errors/issue-sink';
import type { ObjectRef } from '../errors/object-ref';
import type { ValidationIssue } from '../errors/validation-issue';
import { isUnset, readArray, readObject, readString, type RawObject } from '../raw/read-field';
import { MATCH_ALL, parseLabelSelector } from '../selector/label-selector';
import type { LabelSelector } from '../selector/label-selector';
import type { Cidr } from '../cidr/cidr';
import type {
  Direction,
  NetworkPolicy,
  PolicyPeer,
  PolicyPort,
  PolicyRule,
  PolicyVocabulary,
} from './network-policy';
import { parsePeer } from './parse-peer';
import { parsePolicyPort } from './parse-port';

export interface ParseResult<T> {
  readonly value: T | undefined;
  readonly issues: readonly ValidationIssue[];
}

/**
 * Validates a raw NetworkPolicy the way the API server does and normalises it; every problem is
 * reported with its field path, and `value` is undefined when there is any.
 * See https://kubernetes.io/docs/reference/kubernetes-api/policy-resources/network-policy-v1/
 *
 * @example parseNetworkPolicy(obj, ref).value?.isolates.ingress // true
 */
export function parseNetworkPolicy(obj: RawObject, ref: ObjectRef): ParseResult<NetworkPolicy> {
  const sink = new IssueSink(ref);
  const namespace = ref.namespace ?? 'default';
  const spec = readObject(sink, obj['spec'], 'spec');
  if (!spec) {
    sink.add('MISSING_FIELD', 'spec', 'spec is required');
    return { value: undefined, issues: sink.issues };
  }
  const podSelector =
    parseLabelSelector(sink, spec['podSelector'], 'spec.podSelector') ?? MATCH_ALL;
  if (isUnset(spec['podSelector'])) {
    sink.add(
      'MISSING_FIELD',
      'spec.podSelector',
      'podSelector is required (use {} to select every pod)',
    );
  }
  const ingressRules = parseRules(sink, spec['ingress'], 'ingress');
  const egressRules = parseRules(sink, spec['egress'], 'egress');
  const isolates = parsePolicyTypes(sink, spec, egressRules.length > 0);
  if (sink.count > 0) return { value: undefined, issues: sink.issues };
  return {
    value: {
      ref,
      namespace,
      name: ref.name,
      podSelector,
      isolates,
      ingress: isolates.ingress ? ingressRules : [],
      egress: isolates.egress ? egressRules : [],
      spec,
      vocabulary: policyVocabulary(
        podSelector,
        isolates.ingress ? ingressRules : [],
        isolates.egress ? egressRules : [],
      ),
    },
    issues: [],
  };
}

/**
 * `policyTypes` omitted or empty (the API server defaults when `len(policyTypes) == 0`): Ingress
 * always, Egress when the policy has at least one egress rule.
 */
function parsePolicyTypes(
  sink: IssueSink,
  spec: RawObject,
  hasEgressRules: boolean,
): NetworkPolicy['isolates'] {
  const raw = readArray(sink, spec['policyTypes'], 'spec.policyTypes');
  if (raw === undefined || raw.length === 0) return { ingress: true, egress: hasEgressRules };
  const isolates = { ingress: false, egress: false };
  raw.forEach((value, i) => {
    const text = readString(sink, value, `spec.policyTypes[${i}]`);
    if (text === 'Ingress') isolates.ingress = true;
    else if (text === 'Egress') isolates.egress = true;
    else if (text !== undefined) {
      sink.add(
        'INVALID_POLICY_TYPE',
        `spec.policyTypes[${i}]`,
        `unsupported value ${JSON.stringify(text)} (Ingress, Egress)`,
      );
    }
  });
  return isolates;
}

function parseRules(sink: IssueSink, raw: unknown, direction: Direction): PolicyRule[] {
  const path = `spec.${direction}`;
  const peerField = direction === 'ingress' ? 'from' : 'to';
  const rules: PolicyRule[] = [];
  (readArray(sink, raw, path) ?? []).forEach((rawRule, index) => {
    const rulePath = `${path}[${index}]`;
    // A null/empty rule object is valid: it allows every peer on every port.
    const rule = readObject(sink, rawRule, rulePath) ?? {};
    const rawPeers = readArray(sink, rule[peerField], `${rulePath}.${peerField}`);
    const peers: PolicyPeer[] = [];
    rawPeers?.forEach((rawPeer, i) => {
      const peer = parsePeer(sink, rawPeer, `${rulePath}.${peerField}[${i}]`, i);
      if (peer) peers.push(peer);
    });
    const ports: PolicyPort[] = [];
    (readArray(sink, rule['ports'], `${rulePath}.ports`) ?? []).forEach((rawPort, i) => {
      const port = parsePolicyPort(sink, rawPort, `${rulePath}.ports[${i}]`);
      if (port) ports.push(port);
    });
    const portsKey = ports.map((p) => `${p.protocol}/${p.port}/${p.endPort}`).join(',');
    rules.push({
      index,
      peers: rawPeers && rawPeers.length > 0 ? peers : undefined,
      ports,
      portsKey,
    });
  });
  return rules;
}

function policyVocabulary(
  podSelector: LabelSelector,
  ingress: readonly PolicyRule[],
  egress: readonly PolicyRule[],
): PolicyVocabulary {
  const podKeys = new Set(podSelector.requirements.map((r) => r.key));
  const portRanges: { protocol: PolicyPort['protocol']; from: number; to: number }[] = [];
  const namedPorts: { name: string; protocol: PolicyPort['protocol'] }[] = [];
  const cidrs: Cidr[] = [];
  for (const rule of [...ingress, ...egress]) {
    for (const peer of rule.peers ?? []) {
      if (peer.kind === 'ipBlock') cidrs.push(peer.cidr, ...peer.except);
      else for (const r of peer.podSelector?.requirements ?? []) podKeys.add(r.key);
    }
    for (const port of rule.ports) {
      if (typeof port.port === 'number')
        portRanges.push({
          protocol: port.protocol,
          from: port.port,
          to: port.endPort ?? port.port,
        });
      else if (typeof port.port === 'string')
        namedPorts.push({ name: port.port, protocol: port.protocol });
    }
  }
  return { podKeys: [...podKeys], portRanges, namedPorts, cidrs };
}
