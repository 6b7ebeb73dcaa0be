import type { Labels } from '../../../selector/label-selector';
import type { CalicoSelector } from './calico-selector';

/** What `all()` and `global()` mean where a selector is evaluated. */
type Scope = 'labels' | 'namespaced' | 'non-namespaced';

const NO_LABELS: Labels = Object.freeze({});

/**
 * Whether `labels` satisfy the selector, as Calico evaluates a selector on a resource's labels:
 * `k != 'v'` and `k not in {...}` match when `k` is absent, `has(k)` matches a present `k`
 * whatever its value (`''` included), and both `all()` and `global()` are true.
 * See https://docs.tigera.io/calico/latest/reference/resources/networkpolicy#selectors
 *
 * @example matchesCalicoSelector(parseCalicoSelector("tier != 'db'"), {}) // true
 */
export function matchesCalicoSelector(selector: CalicoSelector, labels: Labels): boolean {
  return evaluate(selector, labels, 'labels');
}

/**
 * Whether a rule's `namespaceSelector` selects an endpoint or network set, given the labels of
 * its namespace, or `undefined` for a non-namespaced one (GlobalNetworkSet, HostEndpoint).
 * Calico rewrites the selector onto the endpoint: `all()` becomes "is namespaced", `global()`
 * "is not namespaced" ("Match all non-namespaced resources. Useful in a namespaceSelector to
 * select global resources such as global network sets."), and the label tests read the
 * namespace's labels, which a non-namespaced resource has none of, so there `k != 'v'` holds.
 * Pass the namespace's labels with Calico's automatic `projectcalico.org/name` included. An
 * empty `namespaceSelector` is not this function's business: the caller applies the policy's
 * default scope (same namespace, or everything for a GlobalNetworkPolicy).
 * See https://docs.tigera.io/calico/latest/reference/resources/networkpolicy#selectors
 *
 * @example matchesCalicoNamespaceSelector(parseCalicoSelector('global()'), undefined) // true
 */
export function matchesCalicoNamespaceSelector(
  selector: CalicoSelector,
  namespaceLabels: Labels | undefined,
): boolean {
  return namespaceLabels === undefined
    ? evaluate(selector, NO_LABELS, 'non-namespaced')
    : evaluate(selector, namespaceLabels, 'namespaced');
}

function evaluate(selector: CalicoSelector, labels: Labels, scope: Scope): boolean {
  switch (selector.kind) {
    case 'all':
      return scope !== 'non-namespaced';
    case 'global':
      return scope !== 'namespaced';
    case 'not':
      return !evaluate(selector.operand, labels, scope);
    case 'and':
      return selector.operands.every((s) => evaluate(s, labels, scope));
    case 'or':
      return selector.operands.some((s) => evaluate(s, labels, scope));
    default:
      return matchesLabel(selector, valueOf(labels, selector.key));
  }
}

function matchesLabel(
  selector: Exclude<CalicoSelector, { kind: 'all' | 'global' | 'not' | 'and' | 'or' }>,
  value: string | undefined,
): boolean {
  switch (selector.kind) {
    case 'has':
      return value !== undefined;
    case 'eq':
      return value === selector.value;
    case 'ne':
      return value !== selector.value;
    case 'contains':
      return value !== undefined && value.includes(selector.value);
    case 'startsWith':
      return value !== undefined && value.startsWith(selector.value);
    case 'endsWith':
      return value !== undefined && value.endsWith(selector.value);
    case 'in':
      return value !== undefined && selector.values.includes(value);
    case 'notIn':
      return value === undefined || !selector.values.includes(value);
  }
}

function valueOf(labels: Labels, key: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(labels, key) ? labels[key] : undefined;
}
