import type { CheckContext } from '../check-context';
import { notApplicable, type CheckOutcome } from '../check-outcome';

/**
 * PCI DSS v4.0.1 1.2.2: "All changes to network connections and to configurations of NSCs are
 * approved and managed in accordance with the change control process". From the platform's
 * promotion records: fails when any change was not approved.
 */
export function pciChangeControl(ctx: CheckContext): CheckOutcome {
  const records = ctx.compiled.source.changeControl;
  if (!records) return notApplicable('no change records given');
  if (records.unapprovedChanges === undefined) {
    return notApplicable('no count of unapproved changes given', { ...records });
  }
  const evidence = {
    unapprovedChanges: records.unapprovedChanges,
    lastApprovedChangeAt: records.lastApprovedChangeAt ?? null,
  };
  return records.unapprovedChanges === 0
    ? { status: 'pass', score: 1, failures: [], details: [evidence] }
    : {
        status: 'fail',
        score: 0,
        failures: [
          {
            ...evidence,
            reason: `${records.unapprovedChanges} change(s) applied without approval`,
          },
        ],
        details: [],
      };
}

/**
 * PCI DSS v4.0.1 1.2.7: "Configurations of NSCs are reviewed at least once every six months to
 * confirm they are relevant and effective." Passes when the last review is at most six calendar
 * months before `now` (and not after it).
 */
export function pciReviewInterval(ctx: CheckContext): CheckOutcome {
  const last = ctx.compiled.source.lastReviewAt;
  if (last === undefined) return notApplicable('no review date given');
  const reviewed = new Date(last);
  const due = new Date(reviewed);
  due.setUTCMonth(due.getUTCMonth() + 6);
  const now = ctx.compiled.now;
  const evidence = { lastReviewAt: last, now: now.toISOString(), dueBy: due.toISOString() };
  if (reviewed.getTime() > now.getTime()) {
    return {
      status: 'fail',
      score: 0,
      failures: [{ ...evidence, reason: 'the review date is after the evaluation time' }],
      details: [],
    };
  }
  return now.getTime() <= due.getTime()
    ? { status: 'pass', score: 1, failures: [], details: [evidence] }
    : {
        status: 'fail',
        score: 0,
        failures: [{ ...evidence, reason: 'last review is more than six months old' }],
        details: [],
      };
}
