import type { Direction } from '@fenceline/netpol';
import type { Guardrail } from '../baseline/baseline-content';
import { driftFinding, type DriftFinding } from '../findings/drift-finding';
import type { ScanContext } from './scan-context';

type DefaultDeny = Extract<Guardrail, { type: 'require-default-deny' }>;

/**
 * `require-default-deny`: every in-scope workload must be default deny in the direction(s)
 * through the tiers: an Admin-tier catch-all Deny (earlier, narrower rules are its exceptions),
 * or some NetworkPolicy of its namespace selecting each of its pods and listing the direction in
 * `policyTypes` (unless an Admin catch-all Accept opens it first), or a Baseline-tier catch-all
 * Deny. One finding (high) per workload with a pod that is not.
 * See https://kubernetes.io/docs/concepts/services-networking/network-policies/#the-two-sorts-of-pod-isolation
 */
export function checkDefaultDeny(
  ctx: ScanContext,
  guardrail: DefaultDeny,
  name: string,
): DriftFinding[] {
  const directions: Direction[] =
    guardrail.direction === 'both' ? ['ingress', 'egress'] : [guardrail.direction];
  const findings: DriftFinding[] = [];
  for (const [workload, pods] of ctx.index.workloads()) {
    const scoped = pods.filter((p) => ctx.inScope.has(p.namespace));
    if (scoped.length === 0) continue;
    const notIsolated: Record<string, string[]> = {};
    for (const direction of directions) {
      const open = scoped.filter((p) => !ctx.isolated(p, direction));
      if (open.length > 0) notIsolated[direction] = open.map((p) => p.name);
    }
    if (Object.keys(notIsolated).length === 0) continue;
    findings.push(
      driftFinding(
        'guardrail-violated',
        'high',
        `guardrail ${name}: ${workload}`,
        { guardrail: name, type: guardrail.type, workload, notIsolated },
        name,
      ),
    );
  }
  return findings;
}
