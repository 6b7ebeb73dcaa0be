import { guardrailName } from '../baseline/baseline-content';
import type { CompiledBaseline } from '../baseline/compile-baseline';
import type { DriftFinding } from '../findings/drift-finding';
import { checkDefaultDeny } from './default-deny';
import { checkDnsEgress } from './dns-egress';
import { checkAllow, checkDeny } from './peer-guardrails';
import type { ScanContext } from './scan-context';

/**
 * Every guardrail of the baseline, evaluated on the cluster's actual inventory: the workloads
 * checked by `require-*` guardrails are the in-scope ones; the ends of `deny` and `allow` are
 * what their peers select. `guardrail-violated` findings, fingerprinted by guardrail name.
 */
export function evaluateGuardrails(ctx: ScanContext, baseline: CompiledBaseline): DriftFinding[] {
  return baseline.guardrails.flatMap((guardrail, i) => {
    const name = guardrailName(guardrail);
    const path = `guardrails[${i}]`;
    switch (guardrail.type) {
      case 'require-default-deny':
        return checkDefaultDeny(ctx, guardrail, name);
      case 'require-dns-egress':
        return checkDnsEgress(ctx, guardrail, name);
      case 'deny':
        return checkDeny(ctx, guardrail, path);
      case 'allow':
        return checkAllow(ctx, guardrail, path);
    }
  });
}
