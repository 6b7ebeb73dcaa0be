import { formatObjectRef, type DirectionExplanation, type Explanation } from '@fenceline/netpol';

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
  if (!side.isolated) {
    return [
      heading,
      side.hostNetworkExempt
        ? '  not isolated: hostNetwork pod, never isolated under --host-network unrestricted'
        : `  not isolated: no policy selects the pod for ${side.direction}`,
      '  default: allow (all connections)',
    ];
  }
  const lines = [
    heading,
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
  lines.push(
    '  default: deny (whatever no matching rule admits)',
    `  ${side.direction} allows: ${side.allowed.toString()}`,
  );
  return lines;
}
