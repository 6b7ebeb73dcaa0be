import type { IssueSink } from '../../errors/issue-sink';
import { readArray, readObject, readString, readStringMap } from '../../raw/read-field';
import type { Labels, SelectorOperator } from '../../selector/label-selector';
import { matchesRequirement } from '../../selector/label-selector';
import { labelKeyError, labelValueError } from '../../selector/label-syntax';
import type { CiliumRequirement, CiliumSelector } from './cilium-objects';

/** Labels Cilium derives for every Kubernetes pod endpoint (source `k8s`). */
export const CILIUM_LABELS = Object.freeze({
  namespace: 'io.kubernetes.pod.namespace',
  namespaceLabels: 'io.cilium.k8s.namespace.labels.',
  serviceAccount: 'io.cilium.k8s.policy.serviceaccount',
  cluster: 'io.cilium.k8s.policy.cluster',
});

const OPERATORS: readonly SelectorOperator[] = ['In', 'NotIn', 'Exists', 'DoesNotExist'];

const podLevel = (r: CiliumRequirement): boolean => r.source === 'any' || r.source === 'k8s';

/** Splits `source:key` (`$host` is `reserved:host`); no source means `any`. */
function splitSource(text: string): { source: string; key: string } {
  if (text.startsWith('$')) return { source: 'reserved', key: text.slice(1) };
  const colon = text.indexOf(':');
  return colon < 0
    ? { source: 'any', key: text }
    : { source: text.slice(0, colon), key: text.slice(colon + 1) };
}

/** Why a selector key is invalid: the part after the source must be a label key. */
function keyError(source: string, key: string): string | undefined {
  if (source !== 'any' && source !== 'k8s') return key === '' ? 'must not be empty' : undefined;
  const rest = key.startsWith(CILIUM_LABELS.namespaceLabels)
    ? key.slice(CILIUM_LABELS.namespaceLabels.length)
    : key;
  return labelKeyError(rest);
}

/**
 * Reads an endpoint selector (a Kubernetes LabelSelector whose keys may carry a label source,
 * `k8s:io.kubernetes.pod.namespace`). Returns undefined only when unset.
 * See https://docs.cilium.io/en/latest/security/policy/intro/#endpoint-selector
 *
 * @example readCiliumSelector(sink, { matchLabels: { 'k8s:app': 'web' } }, 'spec.endpointSelector')
 */
export function readCiliumSelector(
  sink: IssueSink,
  raw: unknown,
  path: string,
): CiliumSelector | undefined {
  const obj = readObject(sink, raw, path);
  if (!obj) return undefined;
  const requirements: CiliumRequirement[] = [];
  const add = (text: string, operator: SelectorOperator, values: string[], at: string): void => {
    const { source, key } = splitSource(text);
    const error = keyError(source, key);
    if (error) sink.add('INVALID_LABEL_KEY', at, `key ${JSON.stringify(text)}: ${error}`);
    values.forEach((v) => {
      const bad = labelValueError(v);
      if (bad) sink.add('INVALID_LABEL_VALUE', at, `value ${JSON.stringify(v)}: ${bad}`);
    });
    requirements.push({ source, key, operator, values });
  };
  const labels = readStringMap(sink, obj['matchLabels'], `${path}.matchLabels`);
  for (const [k, v] of Object.entries(labels)) add(k, 'In', [v], `${path}.matchLabels`);
  const expressions = readArray(sink, obj['matchExpressions'], `${path}.matchExpressions`) ?? [];
  expressions.forEach((item, i) => {
    const at = `${path}.matchExpressions[${i}]`;
    const expr = readObject(sink, item, at) ?? {};
    const key = readString(sink, expr['key'], `${at}.key`);
    const op = readString(sink, expr['operator'], `${at}.operator`);
    const values = (readArray(sink, expr['values'], `${at}.values`) ?? []).map(
      (v, j) => readString(sink, v, `${at}.values[${j}]`) ?? '',
    );
    const operator = OPERATORS.find((o) => o === op);
    if (key === undefined) sink.add('MISSING_FIELD', `${at}.key`, 'key is required');
    if (!operator) {
      sink.add(
        op === undefined ? 'MISSING_FIELD' : 'UNKNOWN_OPERATOR',
        `${at}.operator`,
        `operator ${JSON.stringify(op ?? '')} is not In, NotIn, Exists or DoesNotExist`,
      );
    } else if ((operator === 'In' || operator === 'NotIn') !== values.length > 0) {
      sink.add(
        'INVALID_SELECTOR_VALUES',
        `${at}.values`,
        operator === 'In' || operator === 'NotIn'
          ? `must be specified when operator is ${operator}`
          : `may not be specified when operator is ${operator}`,
      );
    }
    if (key !== undefined && operator) add(key, operator, values, `${at}.key`);
  });
  return { requirements };
}

/**
 * Whether a selector matches an endpoint's labels. Every label of a pod endpoint has source
 * `k8s`, so a requirement with another source (`reserved:host`) sees its key absent.
 *
 * @example matchesCiliumSelector(selector, ciliumPodLabels(inventory, pod))
 */
export function matchesCiliumSelector(selector: CiliumSelector, labels: Labels): boolean {
  for (const r of selector.requirements) {
    if (!matchesRequirement(r, podLevel(r) ? labels : NO_LABELS)) return false;
  }
  return true;
}

const NO_LABELS: Labels = Object.freeze({});

/**
 * A `fromEndpoints`/`toEndpoints` selector as Cilium scopes it: one that names the namespace
 * (`io.kubernetes.pod.namespace`) or reserved labels is kept; otherwise a namespaced policy
 * limits it to its own namespace unless it selects by namespace labels
 * (`io.cilium.k8s.namespace.labels.*`, supported in CiliumNetworkPolicy since cilium/cilium#30650
 * although the Namespaces page still calls it ignored, cilium/cilium#44532), and a clusterwide
 * one to pods of any namespace ("we are only allowing traffic for cilium managed k8s endpoints").
 * See https://docs.cilium.io/en/latest/security/policy/kubernetes/#namespaces
 */
export function scopePeerSelector(
  selector: CiliumSelector,
  policyNamespace: string | undefined,
): CiliumSelector {
  const rs = selector.requirements;
  if (rs.some((r) => r.source === 'reserved')) return selector;
  if (rs.some((r) => podLevel(r) && r.key === CILIUM_LABELS.namespace)) return selector;
  if (policyNamespace === undefined)
    return {
      requirements: [
        ...rs,
        { source: 'k8s', key: CILIUM_LABELS.namespace, operator: 'Exists', values: [] },
      ],
    };
  if (rs.some((r) => podLevel(r) && r.key.startsWith(CILIUM_LABELS.namespaceLabels)))
    return selector;
  return { requirements: [...rs, inNamespace(policyNamespace)] };
}

/**
 * A CiliumNetworkPolicy's `endpointSelector`: "The endpointSelector always applies to pods in the
 * namespace associated with the CiliumNetworkPolicy resource itself" (a namespace given in its
 * `matchLabels` under `k8s:` is replaced). A clusterwide policy's is kept as written.
 * See https://docs.cilium.io/en/latest/security/policy/kubernetes/#namespaces
 */
export function scopeSubjectSelector(
  selector: CiliumSelector,
  policyNamespace: string | undefined,
): CiliumSelector {
  if (policyNamespace === undefined) return selector;
  const kept = selector.requirements.filter(
    (r) => !(r.source === 'k8s' && r.key === CILIUM_LABELS.namespace && r.operator === 'In'),
  );
  return { requirements: [...kept, inNamespace(policyNamespace)] };
}

function inNamespace(namespace: string): CiliumRequirement {
  return { source: 'k8s', key: CILIUM_LABELS.namespace, operator: 'In', values: [namespace] };
}

/** The pod label keys a selector reads (the labels Cilium derives excluded). */
export function ciliumSelectorPodKeys(selector: CiliumSelector): string[] {
  return selector.requirements
    .filter(
      (r) =>
        podLevel(r) && !r.key.startsWith('io.kubernetes.') && !r.key.startsWith('io.cilium.k8s.'),
    )
    .map((r) => r.key);
}
