import fc from 'fast-check';

/**
 * The choices of `EvaluationOptions` in `@fenceline/netpol`, spelled out here because this
 * library imports nothing of ours (netpol's own tests use it). A consumer that types the result
 * as `fc.Arbitrary<EvaluationOptions>` fails to compile when netpol adds an option.
 */
export interface EvaluationChoices {
  readonly ipBlockMatchesPods: boolean;
  readonly hostNetwork: 'as-pods' | 'unrestricted';
}

/**
 * Every combination of the evaluation options the API reference leaves to the implementation.
 *
 * @example `fc.property(clusterArbitrary, evaluationOptionsArbitrary, (objects, options) => ...)`
 */
export const evaluationOptionsArbitrary: fc.Arbitrary<EvaluationChoices> = fc.record({
  ipBlockMatchesPods: fc.boolean(),
  hostNetwork: fc.constantFrom('as-pods' as const, 'unrestricted' as const),
});
