import { chainDirection, type ChainDirection } from '../chain/chain-direction';
import type { ChainVerdict } from '../chain/evaluate-chain';
import { applyingPolicies, type PolicyChain } from '../chain/policy-chain';
import type { Direction } from '../policy/network-policy';
import type { Protocol } from '../ports/protocol';
import { decideChain } from '../chain/evaluate-chain';
import type { Endpoint } from '../reference/traffic';

/** One direction explained through a CNI's ordered chain. */
export interface ChainExplanation {
  readonly walk: ChainDirection;
  /** With a port query: how that port went through the tiers. */
  readonly verdict: ChainVerdict | undefined;
  readonly path: string;
  /** What matching rules restrict beyond L3/L4 and is not evaluated (HTTP, FQDN, source ports). */
  readonly notEvaluated: readonly string[];
}

/**
 * Explains one direction through the chain: every tier that applies, each matching rule (tier,
 * policy, order, rule index, action) with what it decided, and the tier defaults.
 * See https://docs.tigera.io/calico/latest/reference/resources/tier#how-policy-is-evaluated
 */
export function explainChain(
  chain: PolicyChain,
  direction: Direction,
  src: Endpoint,
  dst: Endpoint,
  query: { protocol: Protocol; port: number } | undefined,
): ChainExplanation {
  const walk = chainDirection(chain, direction, src, dst);
  const verdict = query
    ? decideChain(chain, direction, { src, dst, protocol: query.protocol, port: query.port })
    : undefined;
  const notEvaluated = walk.tiers.flatMap((t) =>
    t.matches
      .filter((m) => m.rule.notEvaluated.length > 0 && !m.connections.isEmpty)
      .map(
        (m) =>
          `${m.rule.label} ${direction} rule ${m.rule.ruleIndex} also restricts ${m.rule.notEvaluated.join(', ')}: not evaluated offline (the L3/L4 verdict is shown; the connection is restricted at L7 / by name)`,
      ),
  );
  notEvaluated.push(...unmatchedNotes(chain, direction, src, dst));
  return { walk, verdict, path: verdict ? verdictPath(verdict) : summaryPath(walk), notEvaluated };
}

/**
 * Rules of the policies that apply to this end which did not match the pair but name what
 * cannot be resolved offline (an FQDN, a Service): the reader must know that the traffic they
 * would admit by name is decided by the rules after them here.
 */
function unmatchedNotes(
  chain: PolicyChain,
  direction: Direction,
  src: Endpoint,
  dst: Endpoint,
): string[] {
  const subject = direction === 'egress' ? src : dst;
  if (subject.kind !== 'pod') return [];
  const notes: string[] = [];
  for (const tier of chain.tiers) {
    for (const policy of applyingPolicies(chain, tier, subject.pod, direction)) {
      for (const rule of policy[direction]) {
        if (rule.notEvaluated.length === 0) continue;
        if (rule.matchesSource(src) && rule.matchesDestination(dst)) continue;
        notes.push(
          `${policy.label} ${direction} rule ${rule.index} (${rule.action}) names ${rule.notEvaluated.join(', ')}: not resolved offline, so it decides nothing here; traffic it would match by name is decided by the rules after it`,
        );
      }
    }
  }
  return notes;
}

function verdictPath(verdict: ChainVerdict): string {
  const steps = verdict.passedBy.map((p) =>
    'label' in p
      ? `tier ${p.tier}: Pass by ${p.label} (order ${p.order ?? 'none'}) rule ${p.ruleIndex}`
      : `tier ${p.tier}: no rule matched, default Pass`,
  );
  const d = verdict.decision;
  if (d.by === 'rule')
    steps.push(
      `tier ${d.rule.tier}: ${d.rule.action} by ${d.rule.label} (order ${d.rule.order ?? 'none'}) rule ${d.rule.ruleIndex}`,
    );
  else if (d.by === 'tier-default') steps.push(`tier ${d.tier}: no rule matched, default Deny`);
  else
    steps.push(verdict.tiers.length === 0 ? 'no policy applies: profile allow' : 'profile allow');
  return steps.join(' → ');
}

function summaryPath(walk: ChainDirection): string {
  if (walk.tiers.length === 0) return 'no policy applies: profile allow';
  return walk.tiers
    .map((t) => {
      const acted = t.matches.filter((m) => !m.decided.isEmpty);
      const rules = acted.map((m) => `${m.rule.action} ${m.decided.toString()} by ${m.rule.label}`);
      const rest = t.unmatched.isEmpty
        ? []
        : [`default ${t.defaultAction} ${t.unmatched.toString()}`];
      return `tier ${t.tier}: ${[...rules, ...rest].join('; ') || 'nothing reached it'}`;
    })
    .join(' → ');
}
