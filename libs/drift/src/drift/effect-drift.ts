import type { DiffRow } from '@fenceline/netpol';
import { groupRows, sensitiveDestinations, type RowScope } from '../connectivity/peer-index';
import { driftFinding, type DriftFinding } from '../findings/drift-finding';

/**
 * Policy-effect drift from the connectivity diff of the baseline inventory (`before`) and the
 * cluster (`after`): per namespace pair touching the scope, one `path-widened` finding (high;
 * critical when a widened row enters a sensitive workload) for rows where the cluster allows
 * more than the baseline, and one `path-narrowed` (medium) where it allows less. A row whose
 * ports changed both ways is in both.
 *
 * @example effectDrift(scope, diffModels(...buildModelPair(baselineInventory, actual)))
 */
export function effectDrift(scope: RowScope, rows: readonly DiffRow[]): DriftFinding[] {
  const findings: DriftFinding[] = [];
  const isSensitive = sensitiveDestinations(scope);
  const widened = rows.filter((r) => !r.after.subtract(r.before).isEmpty);
  const narrowed = rows.filter((r) => !r.before.subtract(r.after).isEmpty);
  const evidence = (list: readonly DiffRow[]): Record<string, unknown> => ({
    rows: list.map((r) => ({
      src: r.src,
      dst: r.dst,
      cluster: r.after.toString(),
      baseline: r.before.toString(),
    })),
  });
  for (const [subject, list] of groupRows(scope, widened)) {
    const critical = list.some((r) => isSensitive(r.dst));
    findings.push(
      driftFinding('path-widened', critical ? 'critical' : 'high', subject, evidence(list)),
    );
  }
  for (const [subject, list] of groupRows(scope, narrowed)) {
    findings.push(driftFinding('path-narrowed', 'medium', subject, evidence(list)));
  }
  return findings;
}
