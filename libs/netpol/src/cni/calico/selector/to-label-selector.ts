import {
  canonicalSelectorKey,
  type LabelRequirement,
  type LabelSelector,
} from '../../../selector/label-selector';
import type { CalicoSelector } from './calico-selector';

/**
 * The Kubernetes LabelSelector that selects exactly what this Calico selector selects, when one
 * exists: conjunctions (negations pushed inward) of `has`, `!has`, `==`, `!=`, `in` and
 * `not in`, with `all()` as `{}`. `undefined` for everything else: `||`, `contains`,
 * `starts with`, `ends with`, `global()` (a scope, not a label test), and selectors that match
 * nothing (`!all()`, `k in {}`), since a LabelSelector cannot say "nothing".
 * See https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/label-selector/
 *
 * @example calicoToLabelSelector(parseCalicoSelector("app == 'web' && !has(canary)"))
 * // { requirements: [{ key: 'app', operator: 'In', values: ['web'] },
 * //                  { key: 'canary', operator: 'DoesNotExist', values: [] }], key: ... }
 */
export function calicoToLabelSelector(selector: CalicoSelector): LabelSelector | undefined {
  const requirements = requirementsOf(selector, false);
  return requirements && { requirements, key: canonicalSelectorKey(requirements) };
}

/** The requirements whose AND is `selector` (or its negation), or `undefined` when none is. */
function requirementsOf(
  selector: CalicoSelector,
  negated: boolean,
): LabelRequirement[] | undefined {
  switch (selector.kind) {
    case 'all':
      return negated ? undefined : [];
    case 'has':
      return [{ key: selector.key, operator: negated ? 'DoesNotExist' : 'Exists', values: [] }];
    case 'eq':
    case 'ne':
      return [
        {
          key: selector.key,
          operator: (selector.kind === 'eq') !== negated ? 'In' : 'NotIn',
          values: [selector.value],
        },
      ];
    case 'in':
    case 'notIn': {
      const positive = (selector.kind === 'in') !== negated;
      // `k in {}` matches nothing and `k not in {}` everything; Kubernetes wants values for both.
      if (selector.values.length === 0) return positive ? undefined : [];
      return [{ key: selector.key, operator: positive ? 'In' : 'NotIn', values: selector.values }];
    }
    case 'not':
      return requirementsOf(selector.operand, !negated);
    case 'and':
    case 'or': {
      // Only an AND maps; a negated OR is the AND of the negations.
      if ((selector.kind === 'and') === negated) return undefined;
      const parts = selector.operands.map((s) => requirementsOf(s, negated));
      return parts.every((p): p is LabelRequirement[] => p !== undefined)
        ? parts.flat()
        : undefined;
    }
    default:
      return undefined;
  }
}
