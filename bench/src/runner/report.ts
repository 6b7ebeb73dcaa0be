import { targetText, verdict } from './targets';
import { isFailure, type WorkloadOutcome } from './workload-result';

interface Machine {
  readonly cpus: number;
  readonly model: string;
  readonly node: string;
  readonly pinnedToOneCore: boolean;
  readonly date: string;
}

/**
 * The human-readable report: the measurements with target and verdict per workload, then what
 * each generated cluster looks like (classes, allowed pairs) and the W1/W3 extras.
 *
 * @example process.stdout.write(formatReport(outcomes, 1, machine))
 */
export function formatReport(
  outcomes: readonly WorkloadOutcome[],
  scale: number,
  machine: Machine,
): string {
  const head = [
    'id',
    'pods',
    'policies',
    'namespaces',
    'classes',
    'parseMs',
    'modelMs',
    'cpuMs',
    'cold',
    'rssMb',
    'referenceMs',
    'target',
    'verdict',
  ];
  const rows = outcomes.map((o) =>
    isFailure(o)
      ? [o.id, 'error', '', '', '', '', '', '', '', '', '', targetText(o.id), o.error]
      : [
          o.id,
          count(o.pods),
          count(o.policies),
          count(o.namespaces),
          count(o.classes),
          ms(o.parseMs),
          ms(o.modelMs),
          ms(o.modelCpuMs),
          ms(o.coldModelMs),
          o.rssMb.toFixed(0),
          o.referenceMs === undefined ? '' : `${ms(o.referenceMs)} (${o.speedup}×)`,
          targetText(o.id),
          verdict(o, scale),
        ],
  );
  const results = outcomes.flatMap((o) => (isFailure(o) ? [] : [o]));
  const detailHead = [
    'id',
    'rows',
    'allowed pairs',
    'external rows',
    'workloads',
    'classes*',
    'pods/class*',
    'diffMs',
    'diff rows',
  ];
  const details = results.map((o) => [
    o.id,
    count(o.rows),
    `${count(o.census.allowedPairs)}${o.census.networkPolicyOnly ? '†' : ''}`,
    `${count(o.census.externalRows)}${o.census.networkPolicyOnly ? '†' : ''}`,
    count(o.census.workloads),
    count(o.census.classes),
    o.census.podsPerClass.toFixed(1),
    o.diffMs === undefined ? '' : ms(o.diffMs),
    o.diffRows === undefined ? '' : count(o.diffRows),
  ]);
  const pinned = machine.pinnedToOneCore ? ', one core (taskset)' : '';
  return [
    `Fenceline benchmark — ${machine.date}, ${machine.model} (${machine.cpus} CPUs${pinned}), Node ${machine.node}`,
    scale === 1
      ? ''
      : `Scaled run (--scale ${scale}): counts are ${scale}× the workloads'; the targets do not apply.`,
    '',
    table(head, rows, [0, 10, 11]),
    '',
    table(detailHead, details, [0]),
    "* counted by the benchmark's own census (one representative per class), not by the model.",
    '† NetworkPolicy only (the census does not evaluate cluster policies); these rows are checked against the tiered reference in the bench tests.',
    'Verdicts use cpuMs: CPU time of the process pinned to one core (modelMs is wall time).',
    '',
  ]
    .filter((line, i) => i !== 1 || line !== '')
    .join('\n');
}

/** A plain-text table: numbers right-aligned, the `left` columns left-aligned. */
function table(
  head: readonly string[],
  rows: readonly (readonly string[])[],
  left: readonly number[],
): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => (left.includes(i) ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(head), line(head.map((_, i) => '-'.repeat(widths[i] ?? 0))), ...rows.map(line)].join(
    '\n',
  );
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}

function ms(n: number): string {
  return n < 100 ? n.toFixed(1) : n.toFixed(0);
}
