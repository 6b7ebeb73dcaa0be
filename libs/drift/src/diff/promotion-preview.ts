import {
  buildModelPair,
  DEFAULT_OPTIONS,
  diffModels,
  type EvaluationOptions,
  type Inventory,
} from '@fenceline/netpol';
import type { BaselineContent } from '../baseline/baseline-content';
import { compileBaseline } from '../baseline/compile-baseline';
import { sortFindings, type DriftFinding } from '../findings/drift-finding';
import { evaluateGuardrails } from '../guardrails/evaluate-guardrails';
import { ScanContext } from '../guardrails/scan-context';
import { appliedInventory } from './applied-inventory';
import { changeOf, type VersionDiff } from './version-diff';

/**
 * What promoting `candidate` over `current` would do to a cluster: the connectivity rows that
 * change (the inventory with `current` applied — as it is when there is none — against the
 * inventory with `candidate` applied), and the guardrail findings of `candidate` on the result
 * whose fingerprints are not among those of `current`'s guardrails before (all of them when
 * there is no current version).
 * Throws `InvalidBaselineError` when either content is not valid.
 *
 * @example previewPromotion(prodVersion, stagingVersion, prodInventory).newlyFailingGuardrails.length
 */
export function previewPromotion(
  current: BaselineContent | undefined,
  candidate: BaselineContent,
  inventory: Inventory,
  options: EvaluationOptions = DEFAULT_OPTIONS,
): { connectivity: VersionDiff['connectivity']; newlyFailingGuardrails: DriftFinding[] } {
  const next = compileBaseline(candidate);
  const previous = current === undefined ? undefined : compileBaseline(current);
  const before = previous ? appliedInventory(previous, inventory) : undefined;
  const after = appliedInventory(next, inventory);
  const [beforeModel, afterModel] = buildModelPair(
    before?.inventory ?? inventory,
    after.inventory,
    options,
  );
  const connectivity = diffModels(beforeModel, afterModel).map(changeOf);
  const failingBefore = new Set(
    previous && before
      ? evaluateGuardrails(
          new ScanContext(before.inventory, beforeModel, before.inScope, options),
          previous,
        ).map((f) => f.fingerprint)
      : [],
  );
  const failingAfter = evaluateGuardrails(
    new ScanContext(after.inventory, afterModel, after.inScope, options),
    next,
  );
  return {
    connectivity,
    newlyFailingGuardrails: sortFindings(
      failingAfter.filter((f) => !failingBefore.has(f.fingerprint)),
    ),
  };
}
