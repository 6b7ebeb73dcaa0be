import { inventoryCidrRanges } from '../connlist/external-atoms';
import { referenceConnlist } from '../connlist/connlist';
import { workloadName } from '../connlist/peer-names';
import type { Inventory } from '../inventory/inventory';
import { DEFAULT_OPTIONS, type EvaluationOptions } from '../reference/traffic';
import { diffConnlists, type DiffRow } from './connectivity-diff';

/**
 * The semantic connectivity diff of two configurations with the reference evaluator; external
 * ranges are cut at the CIDRs of both sides so rows align.
 *
 * @example referenceDiff(before, after).filter((r) => r.diffType === 'added')
 */
export function referenceDiff(
  before: Inventory,
  after: Inventory,
  options: EvaluationOptions = DEFAULT_OPTIONS,
): DiffRow[] {
  const cidrs = [...inventoryCidrRanges(before), ...inventoryCidrRanges(after)];
  return diffConnlists(
    referenceConnlist(before, { ...options, extraCidrs: cidrs }),
    referenceConnlist(after, { ...options, extraCidrs: cidrs }),
    workloadNames(before),
    workloadNames(after),
  );
}

export function workloadNames(inventory: Inventory): Set<string> {
  return new Set(inventory.pods.map((p) => workloadName(p.workload)));
}
