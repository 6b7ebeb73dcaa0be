import {
  type ChainExplanation,
  formatObjectRef,
  type DirectionExplanation,
  type Explanation,
  type TierExplanation,
} from '@fenceline/netpol';

/**
 * Renders an explanation for people: the verdict, then each side (egress at the source, ingress
 * at the destination) with the policies that isolate it, the rules that match the pair and what
 * they admit, and the default for everything else.
 *
 * @example formatExplanationText(explain(inventory, 'shop/web', 'shop/db', { protocol: 'TCP', port: 5432 }))
 */
export function formatExplanationText(explanation: Explanation): string {
  const { query } = explanation;
  const target = query ? ` on ${query.protocol} ${query.port}` : '';
  const allowed = query ? explanation.verdict === true : !explanation.allowed.isEmpty;
  const lines = [
    `${explanation.src} => ${explanation.dst}${target}: ${allowed ? 'ALLOWED' : 'DENIED'}`,
    `allowed connections: ${explanation.allowed.toString()}`,
    '',
    ...directionLines(explanation.egress, explanation.src, query),
    '',
    ...directionLines(explanation.ingress, explanation.dst, query),
  ];
  if (explanation.notes.length > 0)
    lines.push('', 'notes:', ...explanation.notes.map((n) => `  - ${n}`));
  return `${lines.join('\n')}\n`;
}

function directionLines(
  side: DirectionExplanation,
  peer: string,
  query: Explanation['query'],
): string[] {
  const end = side.direction === 'egress' ? 'source' : 'destination';
  const heading = `${side.direction} at the ${end} (${side.subject ?? `${peer}, outside the cluster`}):`;
  if (side.subject === undefined)
    return [heading, '  no policy applies to an external address: default allow'];
  if (side.chain)
    return [
      heading,
      ...chainLines(side.chain, query),
      `  ${side.direction} allows: ${side.allowed.toString()}`,
    ];
  const tiers = side.admin.policies.length + side.baseline.policies.length > 0;
  if (!tiers) return [heading, ...networkPolicyLines(side, query, false)];
  return [
    heading,
    `  path: ${side.path}`,
    ...tierLines(side.admin, query),
    '  NetworkPolicy tier:',
    ...networkPolicyLines(side, query, true).map((l) => `  ${l}`),
    ...(side.isolated
      ? ['  Baseline tier: not reached (the NetworkPolicy tier is final for an isolated pod)']
      : tierLines(side.baseline, query)),
    `  ${side.direction} allows: ${side.allowed.toString()}`,
  ];
}

/** One cluster tier: its policies in order and each matching rule with what it decided. */
function tierLines(tier: TierExplanation, query: Explanation['query']): string[] {
  if (tier.policies.length === 0) return [`  ${tier.tier} tier: no cluster policy selects the pod`];
  const order = tier.policies.map(
    (p) => `${p.label}${p.priority === undefined ? '' : ` (priority ${p.priority})`}`,
  );
  const lines = [`  ${tier.tier} tier: ${order.join(', ')}`];
  if (tier.rules.length === 0) lines.push('    no rule matches this peer');
  for (const rule of tier.rules) {
    const name = rule.ruleName ? ` (${rule.ruleName})` : '';
    const decided = rule.decided.isEmpty ? 'nothing left to decide' : rule.decided.toString();
    const mark = query && rule.decidesQuery ? ` ← decides ${query.protocol} ${query.port}` : '';
    lines.push(
      `    ${rule.label} rule #${rule.ruleIndex}${name}: ${rule.action} ${rule.connections.toString()} (decides ${decided})${mark}`,
    );
  }
  for (const f of tier.fqdn) {
    lines.push(
      `    ${f.label} rule #${f.ruleIndex}: ${f.action} FQDN ${f.names.join(',')} (not resolved offline: decides nothing here)`,
    );
  }
  return lines;
}

/** The NetworkPolicy tier; within the cluster tiers it is final only for an isolated pod. */
function networkPolicyLines(
  side: DirectionExplanation,
  query: Explanation['query'],
  tiered: boolean,
): string[] {
  if (!side.isolated && tiered) {
    return [
      `  not isolated: no policy selects the pod for ${side.direction}; on to the Baseline tier`,
    ];
  }
  if (!side.isolated) {
    return [
      side.hostNetworkExempt
        ? '  not isolated: hostNetwork pod, never isolated under --host-network unrestricted'
        : `  not isolated: no policy selects the pod for ${side.direction}`,
      '  default: allow (all connections)',
    ];
  }
  const lines = [
    '  isolated by:',
    ...side.isolatingPolicies.map((ref) => `    ${formatObjectRef(ref)}`),
  ];
  if (side.matchingRules.length === 0) lines.push(`  matching rules: none admits this peer`);
  else lines.push('  matching rules:');
  for (const rule of side.matchingRules) {
    const miss =
      query && rule.admitsQuery === false ? ` (not ${query.protocol} ${query.port})` : '';
    lines.push(
      `    ${formatObjectRef(rule.policy)} ${rule.direction} rule #${rule.ruleIndex} admits ${rule.connections.toString()}${miss}`,
    );
  }
  if (tiered) {
    lines.push(
      '  default: deny (final for what reaches this tier: the Baseline tier is not consulted)',
    );
    return lines;
  }
  lines.push(
    '  default: deny (whatever no matching rule admits)',
    `  ${side.direction} allows: ${side.allowed.toString()}`,
  );
  return lines;
}

/** A CNI's ordered chain (Calico): each tier that applies, its matching rules and its default. */
function chainLines(chain: ChainExplanation, query: Explanation['query']): string[] {
  const lines = [`  path: ${chain.path}`];
  if (chain.walk.tiers.length === 0)
    lines.push('  no policy applies to the pod: its profile allows');
  for (const tier of chain.walk.tiers) {
    lines.push(`  tier ${tier.tier} (default ${tier.defaultAction}):`);
    if (tier.matches.length === 0) lines.push('    no rule matches this peer');
    for (const m of tier.matches) {
      const decided = m.decided.isEmpty ? 'nothing left to decide' : m.decided.toString();
      const mark =
        query && !m.decided.isEmpty && m.decided.has(query.protocol, query.port)
          ? ` ← decides ${query.protocol} ${query.port}`
          : '';
      lines.push(
        `    ${m.rule.label} (order ${m.rule.order ?? 'none'}) rule #${m.rule.ruleIndex}: ${m.rule.action} ${m.connections.toString()} (decides ${decided})${mark}`,
      );
    }
    if (!tier.unmatched.isEmpty)
      lines.push(`    no rule decides ${tier.unmatched.toString()}: default ${tier.defaultAction}`);
  }
  return lines;
}
