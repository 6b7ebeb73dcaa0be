import type { ConnectionSet, IpSet } from '@fenceline/netpol';

/**
 * One cluster-policy rule reduced to what its position can change: its action, what it matches
 * (canonical text of peers and ports) and, where they are known for every cluster, the
 * connections and addresses it can match at all.
 */
export interface OrderedRule {
  /** The action, with `Pass` of the Baseline tier read as `Accept` (both end in allow). */
  readonly action: string;
  /** Canonical text of peers × ports: equal texts match the same connections on every cluster. */
  readonly match: string;
  /** Numeric ports only: every connection it can match. Undefined with a named port (any number). */
  readonly ports: ConnectionSet | undefined;
  /** Networks peers only: every address it can match. Undefined with a pod, node or domain peer. */
  readonly addresses: IpSet | undefined;
}

/**
 * The rules of one direction in a canonical order that keeps their meaning: a list of steps,
 * each the sorted texts of rules whose relative order does not matter (the Foata normal form
 * of the rule sequence under the commutation below). Two rule lists with equal steps decide
 * every connection alike, on every cluster.
 *
 * The first matching rule decides, so two adjacent rules may swap when no connection can reach
 * both with different outcomes: when their actions are equal, or when they can never match the
 * same connection (disjoint numeric ports; or networks peers only, with disjoint addresses). Pod
 * selectors may always overlap (labels change), a named port may be any number: such rules
 * with different actions keep their order. A rule matching exactly what an earlier rule matches
 * is never reached and is dropped.
 *
 * @example ruleSteps([deny22, accept80]) // [['Accept …on TCP 80', 'Deny …on TCP 22']]: independent
 */
export function ruleSteps(
  rules: readonly OrderedRule[],
  text: (rule: OrderedRule) => string,
): string[][] {
  const seen = new Set<string>();
  const live = rules.filter((r) => !seen.has(r.match) && seen.add(r.match));
  const levels: number[] = [];
  live.forEach((rule, j) => {
    let level = 0;
    for (let i = 0; i < j; i++) {
      const earlier = live[i] as OrderedRule;
      if (dependent(earlier, rule)) level = Math.max(level, (levels[i] as number) + 1);
    }
    levels.push(level);
  });
  const steps: Set<string>[] = [];
  live.forEach((rule, j) => {
    const level = levels[j] as number;
    (steps[level] ??= new Set()).add(text(rule));
  });
  return steps.map((s) => [...s].sort());
}

/** Whether the order of two rules can change a verdict (see {@link ruleSteps}). */
function dependent(a: OrderedRule, b: OrderedRule): boolean {
  if (a.action === b.action) return false;
  if (a.ports && b.ports && a.ports.intersect(b.ports).isEmpty) return false;
  if (a.addresses && b.addresses && a.addresses.intersect(b.addresses).isEmpty) return false;
  return true;
}
