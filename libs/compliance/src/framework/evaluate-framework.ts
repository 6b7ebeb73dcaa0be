import { CheckContext } from '../checks/check-context';
import { CHECKS } from '../checks/checks';
import type { CheckOutcome } from '../checks/check-outcome';
import { compileContext } from '../context/compile-context';
import { ComplianceInputError } from '../context/compliance-input-error';
import type { ComplianceContext } from '../context/compliance-context';
import { findFramework } from '../frameworks/frameworks';
import { frameworkScore, statusCounts } from './scoring';
import {
  validateWaivers,
  waiverCovers,
  waiverInForce,
  type Waiver,
  type WaiverSet,
} from '../waivers/waiver';
import type {
  ControlDefinition,
  ControlResult,
  Evidence,
  Framework,
  FrameworkReport,
} from './types';

/**
 * Evaluates every control of a framework over one cluster. Failing subjects come first in each
 * control's evidence, marked `status: 'fail'` (or `'waived'` with `waivedBy`), then the other
 * evidence. A failing control whose every failing subject is covered by a waiver in force is
 * `waived`; partly covered it stays `fail`. Throws {@link ComplianceInputError} on an invalid
 * context or waiver; a failing control is a result.
 *
 * @example evaluateFramework('zero-trust', { inventory }).controls.map((c) => `${c.id} ${c.status}`)
 */
export function evaluateFramework(
  framework: Framework | Framework['id'],
  context: ComplianceContext,
  waivers?: WaiverSet,
): FrameworkReport {
  const fw = typeof framework === 'string' ? findFramework(framework) : framework;
  if (!fw)
    throw new ComplianceInputError([
      { path: 'framework', message: `unknown framework ${JSON.stringify(framework)}` },
    ]);
  if (waivers) validateWaivers(waivers);
  const ctx = new CheckContext(compileContext(context));
  const now = waivers ? new Date(waivers.now) : undefined;
  const inForce = waivers && now ? waivers.waivers.filter((w) => waiverInForce(w, now)) : [];
  const used = new Set<string>();
  const controls = fw.controls.map((control) => {
    const outcome = CHECKS[control.check](ctx);
    const applicable = inForce.filter((w) => w.controlId === control.id);
    const result = applyWaivers(
      control,
      outcome,
      applicable,
      waivers?.cluster,
      (w) => ctx.workloads.get(w) ?? [],
    );
    for (const id of result.waivedBy ?? []) used.add(id);
    return result;
  });
  return {
    framework: fw.id,
    version: fw.version,
    title: fw.title,
    controls,
    score: frameworkScore(controls),
    summary: statusCounts(controls),
    usedWaivers: [...used].sort(),
  };
}

function applyWaivers(
  control: ControlDefinition,
  outcome: CheckOutcome,
  waivers: readonly Waiver[],
  cluster: string | undefined,
  podsOf: Parameters<typeof waiverCovers>[3],
): ControlResult {
  const base = {
    id: control.id,
    title: control.title,
    severity: control.severity,
    score: outcome.score,
  };
  if (outcome.status !== 'fail')
    return { ...base, status: outcome.status, evidence: [...outcome.details] };
  const used = new Set<string>();
  let open = 0;
  const failures: Evidence[] = outcome.failures.map((subject) => {
    const covering = waivers
      .filter((w) => waiverCovers(w, subject, cluster, podsOf))
      .map((w) => w.id);
    if (covering.length === 0) {
      open++;
      return { status: 'fail', ...subject };
    }
    for (const id of covering) used.add(id);
    return { status: 'waived', ...subject, waivedBy: covering };
  });
  const evidence = [...failures, ...outcome.details];
  const waivedBy = [...used].sort();
  return {
    ...base,
    status: open === 0 ? 'waived' : 'fail',
    evidence,
    ...(waivedBy.length > 0 ? { waivedBy } : {}),
  };
}
