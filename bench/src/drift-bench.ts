import { snapshotToObjects } from '@fenceline/contracts';
import { computeDrift, parseBaselineContent, type BaselineContent } from '@fenceline/drift';
import { buildInventory, buildModel } from '@fenceline/netpol';
import { WORKLOAD_IDS, WORKLOADS, type WorkloadId } from './generator/cluster-spec';
import { generateCluster } from './generator/generate-cluster';
import { mutate } from './generator/mutate';
import { median } from './runner/timing';

/**
 * `npm run bench:drift [-- --only W1,W3] [--json]`: drift evaluation time (libs/drift's
 * computeDrift, as the worker runs it after every analysis) on the deterministic clusters.
 * The baseline is the cluster's own policies plus two guardrails (require-default-deny both
 * ways, a deny rule from the internet to db pods); measured against the cluster itself and
 * against a copy with 1 % of pods and policies changed, with the connectivity reference.
 * No target is set by the issues; the numbers go to the README.
 */
const args = process.argv.slice(2);
const json = args.includes('--json');
const onlyIndex = args.indexOf('--only');
const only = onlyIndex >= 0 ? (args[onlyIndex + 1] ?? '').split(',') : ['W1', 'W2', 'W3'];
const runs = 5;

function baselineOf(
  policies: { namespace: string; name: string; spec: Record<string, unknown> }[],
): BaselineContent {
  const parsed = parseBaselineContent({
    policies: policies.map((p) => ({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: p.name, namespace: p.namespace },
      spec: p.spec,
    })),
    guardrails: [
      { type: 'require-default-deny', direction: 'both' },
      {
        type: 'deny',
        name: 'no-internet-to-db',
        from: { cidr: '0.0.0.0/0' },
        to: { podSelector: { matchLabels: { tier: 'db' } } },
      },
    ],
  });
  if (!parsed.ok)
    throw new Error(`baseline: ${parsed.issues[0]?.path} ${parsed.issues[0]?.message}`);
  return parsed.content;
}

const timed = <T>(fn: () => T): { value: T; ms: number } => {
  const started = process.hrtime.bigint();
  const value = fn();
  return { value, ms: Number(process.hrtime.bigint() - started) / 1e6 };
};

const results = [];
for (const id of only.filter((w): w is WorkloadId =>
  (WORKLOAD_IDS as readonly string[]).includes(w),
)) {
  const spec = WORKLOADS[id];
  const snapshot = generateCluster(spec, spec.seed);
  const inventory = buildInventory(snapshotToObjects(snapshot));
  const changed = buildInventory(snapshotToObjects(mutate(snapshot, 0.01, spec.seed + 1)));
  const content = baselineOf(snapshot.policies);
  const reference = buildModel(inventory)
    .connlist()
    .map((r) => ({ src: r.src, dst: r.dst, conn: r.conn.toString() }));
  const same: number[] = [];
  const drifted: number[] = [];
  let findings = { same: 0, changed: 0 };
  for (let i = 0; i < runs; i++) {
    const a = timed(() => computeDrift(content, inventory, { reference }));
    const b = timed(() => computeDrift(content, changed, { reference }));
    same.push(a.ms);
    drifted.push(b.ms);
    findings = { same: a.value.length, changed: b.value.length };
  }
  const row = {
    id,
    pods: spec.pods,
    policies: spec.policies,
    referenceRows: reference.length,
    sameMs: Math.round(median(same)),
    changedMs: Math.round(median(drifted)),
    findings,
    rssMb: Math.round(process.memoryUsage().rss / 1048576),
  };
  results.push(row);
  if (!json)
    process.stderr.write(
      `${id}: ${row.pods} pods, ${row.policies} policies: drift ${row.sameMs} ms (unchanged, ${findings.same} findings), ${row.changedMs} ms (1 % changed, ${findings.changed} findings); median of ${runs}\n`,
    );
}
if (json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
