import {
  buildModelPair,
  DEFAULT_OPTIONS,
  diffModels,
  type EvaluationOptions,
  type Inventory,
} from '@fenceline/netpol';
import type { BaselineContent } from '../baseline/baseline-content';
import { compileBaseline } from '../baseline/compile-baseline';
import { connectivityWidening, type ReferenceRow } from '../connectivity/connectivity-widening';
import { PeerIndex, type RowScope } from '../connectivity/peer-index';
import { sortFindings, type DriftFinding } from '../findings/drift-finding';
import { evaluateGuardrails } from '../guardrails/evaluate-guardrails';
import { ScanContext } from '../guardrails/scan-context';
import { desiredClusterPolicies } from '../scope/cluster-scope';
import { baselineInventory, expectedPolicies, namespacesInScope } from '../scope/scope';
import { clusterObjectDrift } from './cluster-object-drift';
import { effectDrift } from './effect-drift';
import { objectDrift } from './object-drift';

/** Options of {@link computeDrift}. */
export interface DriftOptions {
  /** Accepted connectivity rows (`fenceline connlist --output json`): enables `connectivity-widened`. */
  readonly reference?: readonly ReferenceRow[];
  /** Choices the API reference leaves open (ipBlocks matching pods, hostNetwork pods). */
  readonly evaluation?: EvaluationOptions;
}

/**
 * Everything in which the cluster departs from the baseline, sorted (severity, kind, subject):
 * - object drift of in-scope namespaces and of cluster-scoped policies (`policy-missing`,
 *   `policy-modified`, `policy-unknown`);
 * - policy-effect drift (`path-widened`, `path-narrowed`): the cluster's connectivity against the
 *   same cluster with the baseline's policies in place of its own in every in-scope namespace and
 *   the baseline's cluster policies in place of the in-scope ones, through every tier;
 * - with a reference, `connectivity-widened`: connections allowed now that the reference did not;
 * - `guardrail-violated` for each guardrail the cluster fails.
 * Throws {@link InvalidBaselineError} when the content is not valid.
 * See https://kubernetes.io/docs/concepts/services-networking/network-policies/
 *
 * @example computeDrift(content, buildInventory(objects)).filter((f) => f.severity === 'critical')
 */
export function computeDrift(
  content: BaselineContent,
  actual: Inventory,
  options: DriftOptions = {},
): DriftFinding[] {
  const evaluation = options.evaluation ?? DEFAULT_OPTIONS;
  const baseline = compileBaseline(content);
  const inScope = namespacesInScope(baseline, actual);
  const expected = expectedPolicies(baseline, inScope);
  const desired = baselineInventory(
    actual,
    inScope,
    expected,
    desiredClusterPolicies(baseline, actual, inScope),
  );
  const [desiredModel, actualModel] = buildModelPair(desired, actual, evaluation);
  const scope: RowScope = { baseline, inScope, index: new PeerIndex(actual) };
  const findings = [
    ...objectDrift(expected, actual, inScope),
    ...clusterObjectDrift(baseline, actual, inScope),
    ...effectDrift(scope, diffModels(desiredModel, actualModel)),
    ...(options.reference
      ? connectivityWidening(scope, actualModel.connlist(), options.reference)
      : []),
    ...evaluateGuardrails(new ScanContext(actual, actualModel, inScope, evaluation), baseline),
  ];
  return sortFindings(findings);
}
