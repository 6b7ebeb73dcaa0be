import { DNS_PORTS, IpSet, type Pod } from '@fenceline/netpol';
import { DEFAULT_DNS, type Guardrail, type RawSelector } from '../baseline/baseline-content';
import { compileSelector } from '../baseline/parse-selector';
import { driftFinding, type DriftFinding } from '../findings/drift-finding';
import { allowedBetween } from './allowed-pairs';
import { selectorPeerMatches } from './guardrail-peer';
import { missingBetween } from './required-pairs';
import type { ScanContext } from './scan-context';

type DnsEgress = Extract<Guardrail, { type: 'require-dns-egress' }>;

/**
 * `require-dns-egress`: every egress-isolated in-scope workload (DNS pods excepted) must reach
 * every DNS pod (any namespace) on UDP 53 and TCP 53 — egress at the workload and ingress at
 * the DNS pod — and reach nothing else on TCP or UDP port 53 (no other pod, no external
 * address: a way around the cluster's resolver). One finding (medium) per failing workload; one for the guardrail when
 * no pod of the inventory matches the DNS selectors, since reachability cannot then be checked.
 * See https://kubernetes.io/docs/concepts/services-networking/network-policies/#default-deny-all-egress-traffic
 */
export function checkDnsEgress(
  ctx: ScanContext,
  guardrail: DnsEgress,
  name: string,
): DriftFinding[] {
  const dns: { namespaceSelector?: RawSelector; podSelector?: RawSelector } =
    guardrail.dns ?? DEFAULT_DNS;
  const namespaces =
    dns.namespaceSelector && compileSelector(dns.namespaceSelector, 'dns.namespaceSelector');
  const podSelector = dns.podSelector && compileSelector(dns.podSelector, 'dns.podSelector');
  const isDns = (pod: Pod): boolean => selectorPeerMatches(ctx, namespaces, podSelector, pod);
  const dnsPods = ctx.inventory.pods.filter(isDns);
  // DNS pods themselves are exempt: forwarding to upstream resolvers on port 53 is their job.
  const isolated = new Set(ctx.scopedPods().filter((p) => !isDns(p) && ctx.isolated(p, 'egress')));
  if (isolated.size === 0) return [];
  const findings: DriftFinding[] = [];
  const perWorkload = new Map<string, { unreachableDns: unknown[]; otherPort53: unknown[] }>();
  const entry = (workload: string): { unreachableDns: unknown[]; otherPort53: unknown[] } => {
    let e = perWorkload.get(workload);
    if (!e) perWorkload.set(workload, (e = { unreachableDns: [], otherPort53: [] }));
    return e;
  };
  if (dnsPods.length === 0) {
    findings.push(
      driftFinding(
        'guardrail-violated',
        'medium',
        `guardrail ${name}`,
        {
          guardrail: name,
          type: guardrail.type,
          reason:
            'no pod in the inventory matches the DNS selectors, so DNS egress cannot be verified',
          dns,
        },
        name,
      ),
    );
  } else {
    const missing = missingBetween(
      ctx,
      { pods: [...isolated], addresses: IpSet.EMPTY },
      { pods: dnsPods, addresses: IpSet.EMPTY },
      DNS_PORTS,
    );
    for (const row of missing)
      entry(row.src).unreachableDns.push({
        dst: row.dst,
        missing: row.missing.toString(),
        allowed: row.allowed.toString(),
      });
  }
  const others = allowedBetween(
    ctx,
    { pod: (p) => isolated.has(p), external: () => IpSet.EMPTY },
    { pod: (p) => !isDns(p), external: (range) => IpSet.fromRange(range) },
    DNS_PORTS,
  );
  for (const row of others)
    entry(row.src).otherPort53.push({ dst: row.dst, conn: row.conn.toString() });
  for (const [workload, e] of perWorkload) {
    findings.push(
      driftFinding(
        'guardrail-violated',
        'medium',
        `guardrail ${name}: ${workload}`,
        { guardrail: name, type: guardrail.type, workload, ...e },
        name,
      ),
    );
  }
  return findings;
}
