import fc from 'fast-check';

/** The label every namespace carries (its name), so that selectors can pick namespaces by name. */
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

/**
 * The words random objects are made of. Small lists make selectors actually match things.
 *
 * @example `{ keys: ['app'], values: ['web', 'db'], namespaces: ['ns-a', 'ns-b'] }`
 */
export interface LabelVocabulary {
  readonly keys: readonly string[];
  readonly values: readonly string[];
  /** Namespace names: also values of {@link NAMESPACE_NAME_LABEL} in `In`/`NotIn` requirements. */
  readonly namespaces: readonly string[];
}

/**
 * Labels (or `matchLabels`) of up to `maxKeys` keys of the vocabulary.
 *
 * @example `labelsArbitrary(vocabulary, 2)` gives `{}`, `{ app: 'web' }`, `{ app: 'db', env: 'x' }`, ...
 */
export const labelsArbitrary = (
  vocabulary: LabelVocabulary,
  maxKeys: number,
): fc.Arbitrary<Record<string, string>> =>
  fc.dictionary(fc.constantFrom(...vocabulary.keys), fc.constantFrom(...vocabulary.values), {
    maxKeys,
  });

/**
 * One `matchExpressions` item, valid by construction: `In`/`NotIn` with one or two values, or
 * `Exists`/`DoesNotExist` with none, as the LabelSelectorRequirement API demands
 * (https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/label-selector/).
 *
 * @example `{ key: 'kubernetes.io/metadata.name', operator: 'NotIn', values: ['ns-a'] }`
 */
export const requirementArbitrary = (vocabulary: LabelVocabulary) =>
  fc.oneof(
    fc.record({
      key: fc.constantFrom(...vocabulary.keys, NAMESPACE_NAME_LABEL),
      operator: fc.constantFrom('In', 'NotIn'),
      values: fc.uniqueArray(fc.constantFrom(...vocabulary.values, ...vocabulary.namespaces), {
        minLength: 1,
        maxLength: 2,
      }),
    }),
    fc.record({
      key: fc.constantFrom(...vocabulary.keys),
      operator: fc.constantFrom('Exists', 'DoesNotExist'),
    }),
  );

/** How large a random selector may be. */
export interface SelectorSize {
  /** Keys of `matchLabels` at most. */
  readonly maxLabels: number;
  /** Items of `matchExpressions` at most. */
  readonly maxExpressions: number;
}

/**
 * A LabelSelector with every operator; either field may be absent, so `{}` (everything) occurs.
 *
 * @example `selectorArbitrary(vocabulary, { maxLabels: 1, maxExpressions: 1 })`
 */
export const selectorArbitrary = (vocabulary: LabelVocabulary, size: SelectorSize) =>
  fc.record(
    {
      matchLabels: labelsArbitrary(vocabulary, size.maxLabels),
      matchExpressions: fc.array(requirementArbitrary(vocabulary), {
        maxLength: size.maxExpressions,
      }),
    },
    { requiredKeys: [] },
  );
