import { IpSet } from '../../cidr/ip-set';
import { IssueSink } from '../../errors/issue-sink';
import type { ObjectRef } from '../../errors/object-ref';
import type { PolicyVocabulary } from '../../policy/network-policy';
import type { ParseResult } from '../../policy/parse-network-policy';
import { PROTOCOLS } from '../../ports/protocol';
import {
  describe,
  isUnset,
  readArray,
  readBoolean,
  readObject,
  readString,
  readStringMap,
  type RawObject,
} from '../../raw/read-field';
import type {
  CalicoEntity,
  CalicoNetworkSet,
  CalicoPolicy,
  CalicoRule,
  CalicoTier,
} from './calico-objects';
import { readNets } from './parse-calico-entity';
import { parseCalicoRules } from './parse-calico-rule';
import { ALL_SELECTOR, readCalicoSelector, selectorKeysOf } from './read-calico-selector';

/** The tier of a policy that names none. */
export const DEFAULT_TIER = 'default';

/** Reads an `order` (a float); undefined when unset. */
function readOrder(sink: IssueSink, raw: unknown, path: string): number | undefined {
  if (isUnset(raw)) return undefined;
  if (typeof raw === 'number' && Number.isFinite(raw)) return raw;
  sink.add('INVALID_ORDER', path, `order must be a number, got ${describe(raw)}`);
  return undefined;
}

/**
 * Reads a Calico `NetworkPolicy` or `GlobalNetworkPolicy`: `types` defaults from the rules
 * present ("Ingress" when none), `selector` defaults to `all()`.
 * See https://docs.tigera.io/calico/latest/reference/resources/networkpolicy#spec
 * and https://docs.tigera.io/calico/latest/reference/resources/globalnetworkpolicy#spec
 *
 * @example parseCalicoPolicy(obj, ref, 'GlobalNetworkPolicy').value?.tier // 'default'
 */
export function parseCalicoPolicy(
  obj: RawObject,
  ref: ObjectRef,
  kind: 'NetworkPolicy' | 'GlobalNetworkPolicy',
): ParseResult<CalicoPolicy> {
  const sink = new IssueSink(ref);
  const spec = readObject(sink, obj['spec'], 'spec') ?? {};
  const tier = readString(sink, spec['tier'], 'spec.tier') ?? DEFAULT_TIER;
  const order = readOrder(sink, spec['order'], 'spec.order');
  const selector = readCalicoSelector(sink, spec['selector'], 'spec.selector') ?? ALL_SELECTOR;
  const namespaceSelector =
    kind === 'GlobalNetworkPolicy' && spec['namespaceSelector'] !== ''
      ? readCalicoSelector(sink, spec['namespaceSelector'], 'spec.namespaceSelector')
      : undefined;
  if (kind === 'NetworkPolicy' && !isUnset(spec['namespaceSelector']))
    sink.add(
      'INVALID_TYPE',
      'spec.namespaceSelector',
      'a namespaced NetworkPolicy has no namespaceSelector',
    );
  const serviceAccountSelector = readCalicoSelector(
    sink,
    spec['serviceAccountSelector'],
    'spec.serviceAccountSelector',
  );
  const ingress = parseCalicoRules(sink, spec['ingress'], 'spec.ingress');
  const egress = parseCalicoRules(sink, spec['egress'], 'spec.egress');
  const types = readTypes(sink, spec, ingress.length > 0, egress.length > 0);
  let hostOnly = false;
  for (const flag of ['doNotTrack', 'preDNAT', 'applyOnForward'] as const) {
    if (kind === 'GlobalNetworkPolicy' && readBoolean(sink, spec[flag], `spec.${flag}`))
      hostOnly = true;
  }
  if (sink.count > 0) return { value: undefined, issues: sink.issues };
  return {
    value: {
      ref,
      kind,
      namespace: kind === 'NetworkPolicy' ? (ref.namespace ?? 'default') : undefined,
      name: ref.name,
      tier,
      order,
      selector,
      namespaceSelector,
      serviceAccountSelector,
      types,
      ingress,
      egress,
      hostOnly,
      spec,
      vocabulary: vocabularyOf(
        [selector, namespaceSelector, serviceAccountSelector],
        [...ingress, ...egress],
      ),
    },
    issues: [],
  };
}

function readTypes(
  sink: IssueSink,
  spec: RawObject,
  hasIngress: boolean,
  hasEgress: boolean,
): { ingress: boolean; egress: boolean } {
  const list = readArray(sink, spec['types'], 'spec.types');
  if (!list) return { ingress: hasIngress || !hasEgress, egress: hasEgress };
  const types = { ingress: false, egress: false };
  list.forEach((t, i) => {
    if (t === 'Ingress') types.ingress = true;
    else if (t === 'Egress') types.egress = true;
    else
      sink.add(
        'INVALID_POLICY_TYPE',
        `spec.types[${i}]`,
        `unknown type ${describe(t)} (Ingress, Egress)`,
      );
  });
  return types;
}

/** The label keys, port boundaries and named ports the policy reads, for the fast model. */
function vocabularyOf(
  selectors: readonly (CalicoEntity['selector'] | undefined)[],
  rules: readonly CalicoRule[],
): PolicyVocabulary {
  const keys = new Set<string>();
  const portRanges: { protocol: (typeof PROTOCOLS)[number]; from: number; to: number }[] = [];
  const namedPorts: { name: string; protocol: (typeof PROTOCOLS)[number] }[] = [];
  const addSelector = (s: CalicoEntity['selector'] | undefined): void => {
    if (s) for (const k of selectorKeysOf(s)) keys.add(k);
  };
  selectors.forEach(addSelector);
  for (const rule of rules) {
    for (const e of [rule.source, rule.destination]) {
      addSelector(e.selector);
      addSelector(e.notSelector);
      addSelector(e.serviceAccounts?.selector);
      for (const p of [...e.ports, ...e.notPorts]) {
        for (const protocol of rule.protocols) {
          if (p.kind === 'range')
            portRanges.push({ protocol, from: Math.max(1, p.from), to: p.to });
          else namedPorts.push({ name: p.name, protocol });
        }
      }
    }
  }
  return { podKeys: [...keys], portRanges, namedPorts, cidrs: [] };
}

/**
 * Reads a `Tier`: `order` (none: last), `defaultAction` Deny (default) or Pass.
 * See https://docs.tigera.io/calico/latest/reference/resources/tier#spec
 */
export function parseCalicoTier(obj: RawObject, ref: ObjectRef): ParseResult<CalicoTier> {
  const sink = new IssueSink(ref);
  const spec = readObject(sink, obj['spec'], 'spec') ?? {};
  const order = readOrder(sink, spec['order'], 'spec.order');
  const action = readString(sink, spec['defaultAction'], 'spec.defaultAction') ?? 'Deny';
  if (action !== 'Deny' && action !== 'Pass')
    sink.add(
      'INVALID_ACTION',
      'spec.defaultAction',
      `defaultAction must be Deny or Pass, got ${JSON.stringify(action)}`,
    );
  if (sink.count > 0) return { value: undefined, issues: sink.issues };
  return {
    value: { ref, name: ref.name, order, defaultAction: action === 'Pass' ? 'Pass' : 'Deny' },
    issues: [],
  };
}

/**
 * Reads a `NetworkSet` or `GlobalNetworkSet`: its labels and `spec.nets`.
 * See https://docs.tigera.io/calico/latest/reference/resources/networkset
 */
export function parseCalicoNetworkSet(
  obj: RawObject,
  ref: ObjectRef,
  kind: 'NetworkSet' | 'GlobalNetworkSet',
): ParseResult<CalicoNetworkSet> {
  const sink = new IssueSink(ref);
  const metadata = readObject(sink, obj['metadata'], 'metadata') ?? {};
  const labels = readStringMap(sink, metadata['labels'], 'metadata.labels');
  const spec = readObject(sink, obj['spec'], 'spec') ?? {};
  const nets = readNets(sink, spec['nets'], 'spec.nets');
  if (sink.count > 0) return { value: undefined, issues: sink.issues };
  const texts = (readArray(sink, spec['nets'], 'spec.nets') ?? []).map(String);
  return {
    value: {
      ref,
      namespace: kind === 'NetworkSet' ? (ref.namespace ?? 'default') : undefined,
      labels,
      nets: nets ?? IpSet.EMPTY,
      text: texts.join(','),
    },
    issues: [],
  };
}
