import { IpSet } from '../../cidr/ip-set';
import { IssueSink } from '../../errors/issue-sink';
import type { ObjectRef } from '../../errors/object-ref';
import type { Direction } from '../../policy/network-policy';
import type { ParseResult } from '../../policy/parse-network-policy';
import {
  isUnset,
  readArray,
  readBoolean,
  readObject,
  readStringMap,
  type RawObject,
} from '../../raw/read-field';
import type {
  CiliumCidrGroup,
  CiliumPolicy,
  CiliumPolicyKind,
  CiliumPolicySpec,
} from './cilium-objects';
import { readCiliumSelector, scopeSubjectSelector } from './cilium-selector';
import { ciliumPolicyVocabulary } from './cilium-vocabulary';
import { readCiliumCidr } from './parse-cilium-peers';
import { readCiliumRules } from './parse-cilium-rule';

const SPEC_FIELDS = new Set([
  'endpointSelector',
  'nodeSelector',
  'ingress',
  'ingressDeny',
  'egress',
  'egressDeny',
  'enableDefaultDeny',
  'labels',
  'description',
  'log',
]);

/**
 * Reads one Cilium rule (`spec` or an entry of `specs`). Its direction is default deny when it
 * has rules there (allow or deny) unless `enableDefaultDeny` says otherwise: "If not specified,
 * the default is true for each traffic direction that has rules, and false otherwise. For
 * example, if a policy only has Ingress or IngressDeny rules, then the default for ingress is
 * true and egress is false." A `nodeSelector` makes it a host policy (clusterwide only), kept
 * but not evaluated.
 * See https://docs.cilium.io/en/latest/security/policy/intro/#endpoint-default-policy
 */
function readSpec(
  sink: IssueSink,
  raw: unknown,
  path: string,
  index: number | undefined,
  kind: CiliumPolicyKind,
  namespace: string | undefined,
): CiliumPolicySpec | undefined {
  const spec = readObject(sink, raw, path);
  if (!spec) {
    sink.add('MISSING_FIELD', path, 'a policy rule must be an object');
    return undefined;
  }
  for (const key of Object.keys(spec))
    if (!SPEC_FIELDS.has(key))
      sink.add('INVALID_TYPE', `${path}.${key}`, `unknown field ${JSON.stringify(key)}`);
  const endpoints = readCiliumSelector(sink, spec['endpointSelector'], `${path}.endpointSelector`);
  const nodes = readCiliumSelector(sink, spec['nodeSelector'], `${path}.nodeSelector`);
  if (endpoints && nodes)
    sink.add(
      'INVALID_FIELD_COMBINATION',
      `${path}.nodeSelector`,
      'endpointSelector and nodeSelector are mutually exclusive',
    );
  else if (!endpoints && !nodes)
    sink.add(
      'MISSING_FIELD',
      `${path}.endpointSelector`,
      'endpointSelector or nodeSelector is required',
    );
  if (nodes && kind === 'CiliumNetworkPolicy')
    sink.add(
      'INVALID_FIELD_COMBINATION',
      `${path}.nodeSelector`,
      'nodeSelector can only be used in CiliumClusterwideNetworkPolicies',
    );
  const scope = { namespace };
  const rules = (field: string, direction: Direction, deny: boolean) =>
    readCiliumRules(sink, spec[field], `${path}.${field}`, { direction, deny, scope });
  const ingress = rules('ingress', 'ingress', false);
  const ingressDeny = rules('ingressDeny', 'ingress', true);
  const egress = rules('egress', 'egress', false);
  const egressDeny = rules('egressDeny', 'egress', true);
  const flags = readObject(sink, spec['enableDefaultDeny'], `${path}.enableDefaultDeny`) ?? {};
  const flag = (d: Direction): boolean | undefined =>
    readBoolean(sink, flags[d], `${path}.enableDefaultDeny.${d}`);
  return {
    index,
    endpointSelector: endpoints && !nodes ? scopeSubjectSelector(endpoints, namespace) : undefined,
    defaultDeny: {
      ingress: ingress.length + ingressDeny.length > 0 && (flag('ingress') ?? true),
      egress: egress.length + egressDeny.length > 0 && (flag('egress') ?? true),
    },
    ingress,
    ingressDeny,
    egress,
    egressDeny,
  };
}

/**
 * Reads a `CiliumNetworkPolicy` or `CiliumClusterwideNetworkPolicy`: its `spec` and every entry
 * of `specs`, each a rule of its own.
 * See https://docs.cilium.io/en/latest/network/kubernetes/policy/
 *
 * @example parseCiliumPolicy(obj, ref, 'CiliumNetworkPolicy').value?.specs.length // 1
 */
export function parseCiliumPolicy(
  obj: RawObject,
  ref: ObjectRef,
  kind: CiliumPolicyKind,
): ParseResult<CiliumPolicy> {
  const sink = new IssueSink(ref);
  const namespace = kind === 'CiliumNetworkPolicy' ? (ref.namespace ?? 'default') : undefined;
  const specs: CiliumPolicySpec[] = [];
  if (!isUnset(obj['spec'])) {
    const spec = readSpec(sink, obj['spec'], 'spec', undefined, kind, namespace);
    if (spec) specs.push(spec);
  }
  (readArray(sink, obj['specs'], 'specs') ?? []).forEach((raw, i) => {
    const spec = readSpec(sink, raw, `specs[${i}]`, i, kind, namespace);
    if (spec) specs.push(spec);
  });
  if (isUnset(obj['spec']) && isUnset(obj['specs']))
    sink.add('MISSING_FIELD', 'spec', `a ${kind} needs spec or specs`);
  if (sink.count > 0) return { value: undefined, issues: sink.issues };
  return {
    value: {
      ref,
      kind,
      namespace,
      name: ref.name,
      specs,
      vocabulary: ciliumPolicyVocabulary(specs),
    },
    issues: [],
  };
}

/**
 * Reads a `CiliumCIDRGroup`: its labels and `spec.externalCIDRs`.
 * See https://docs.cilium.io/en/latest/network/kubernetes/ciliumcidrgroup/
 */
export function parseCiliumCidrGroup(obj: RawObject, ref: ObjectRef): ParseResult<CiliumCidrGroup> {
  const sink = new IssueSink(ref);
  const metadata = readObject(sink, obj['metadata'], 'metadata') ?? {};
  const labels = readStringMap(sink, metadata['labels'], 'metadata.labels');
  const spec = readObject(sink, obj['spec'], 'spec') ?? {};
  let cidrs = IpSet.EMPTY;
  (readArray(sink, spec['externalCIDRs'], 'spec.externalCIDRs') ?? []).forEach((raw, i) => {
    const cidr = readCiliumCidr(sink, raw, `spec.externalCIDRs[${i}]`);
    if (cidr) cidrs = cidrs.union(IpSet.fromRange(cidr));
  });
  if (sink.count > 0) return { value: undefined, issues: sink.issues };
  return { value: { ref, name: ref.name, labels, cidrs }, issues: [] };
}
