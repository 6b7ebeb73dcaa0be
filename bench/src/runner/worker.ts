import { parseSnapshot, snapshotToObjects } from '@fenceline/contracts';
import {
  buildInventory,
  buildModel,
  buildModelPair,
  diffModels,
  referenceConnlist,
  type Inventory,
} from '@fenceline/netpol';
import { takeCensus } from '../census/cluster-census';
import { scaleSpec, WORKLOADS, type WorkloadId } from '../generator/cluster-spec';
import { generateCluster } from '../generator/generate-cluster';
import { mutate } from '../generator/mutate';
import { collectGarbage, median, roundMs, timeMedian, timeOnce } from './timing';
import type { WorkloadResult } from './workload-result';

/** Timed runs per workload: fewer for the big ones, whose single run is long. */
const RUNS: Readonly<Record<WorkloadId, number>> = {
  W1: 7,
  W2: 7,
  W3: 7,
  W4: 3,
  W5r: 3,
  W5a: 3,
  W6: 7,
  W7c: 3,
};
/**
 * Discarded runs first: the analysis worker is a long-running process, so the steady state after
 * JIT compilation is what it sees (on one core, V8's background compiler shares the core with the
 * runs, so small workloads need a few dozen runs to tier up; each costs milliseconds). The first,
 * cold run is reported apart as `coldModelMs`.
 * Model runs follow each other without a forced full collection in between, as jobs do in the
 * worker (V8 collects their garbage as it goes, inside the timed runs): on this V8 a forced
 * full GC before every run makes the next run 2-3× slower, which no worker does.
 */
const WARMUP: Readonly<Record<WorkloadId, number>> = {
  W1: 20,
  W2: 10,
  W3: 10,
  W4: 1,
  W5r: 1,
  W5a: 1,
  W6: 10,
  W7c: 2,
};
const DIFF_RUNS = 5;
/** The reference runs once when one run takes longer than this, three times otherwise. */
const SINGLE_REFERENCE_RUN_MS = 10_000;
const MUTATION = 0.01;

/**
 * Measures one workload in this (child) process, so that its peak RSS is its own: generates the
 * snapshot and its JSON (untimed), then times parsing (JSON.parse, parseSnapshot,
 * snapshotToObjects, buildInventory) and the model (buildModel + connlist), plus the reference
 * on W1 and the diff on W3. Progress goes to `log`.
 *
 * @example runWorker('W1', 0.1, (line) => process.stderr.write(line)).modelMs
 */
export function runWorker(
  id: WorkloadId,
  scale: number,
  log: (line: string) => void,
): WorkloadResult {
  const say = (text: string): void => log(`[${id}] ${text}\n`);
  const spec = scaleSpec(WORKLOADS[id], scale);
  // Only JSON text outlives this block: the snapshot objects must not inflate the peak RSS.
  const { json, mutatedJson, counts } = (() => {
    const snapshot = generateCluster(spec, spec.seed);
    return {
      json: JSON.stringify(snapshot),
      mutatedJson:
        id === 'W3' ? JSON.stringify(mutate(snapshot, MUTATION, spec.seed + 1)) : undefined,
      counts: {
        pods: snapshot.pods.length,
        policies: snapshot.policies.length,
        namespaces: snapshot.namespaces.length,
        clusterPolicies: snapshot.schemaVersion === 2 ? snapshot.clusterPolicies.length : 0,
      },
    };
  })();
  say(
    `generated ${counts.pods} pods, ${counts.policies} policies, ${counts.clusterPolicies} cluster policies, ` +
      `${counts.namespaces} namespaces (${(json.length / 1e6).toFixed(1)} MB of JSON)`,
  );
  const runs = RUNS[id];
  const parsed = timeMedian(runs, () => parseInventory(json));
  const inventory = parsed.value;
  say(`parse: ${roundMs(parsed.ms)} ms (median of ${runs})`);

  const buildAndList = (): { classes: number; rows: number } => {
    const m = buildModel(inventory);
    return { classes: m.classCount, rows: m.connlist().length };
  };
  // One cold run alone after a full collection: its peak RSS is the model's footprint (with
  // generation and parsing before it), read before back-to-back runs can pile up garbage.
  const coldMs = timeOnce(buildAndList);
  const rssMb = Math.round(process.resourceUsage().maxRSS / 102.4) / 10;
  const model = { ...timeMedian(runs, buildAndList, WARMUP[id], false), firstMs: coldMs };
  say(
    `model: ${roundMs(model.ms)} ms (median of ${runs} after ${WARMUP[id]} warm-up), ` +
      `cold first run ${roundMs(model.firstMs)} ms, ${model.value.classes} classes, ${model.value.rows} rows`,
  );

  let reference: { referenceMs: number; speedup: number } | undefined;
  if (id === 'W1') {
    const ms = timeReference(inventory);
    reference = { referenceMs: roundMs(ms), speedup: Math.round((ms / model.ms) * 10) / 10 };
    say(`reference: ${roundMs(ms)} ms, ${reference.speedup}× slower than the model`);
  }

  let diff: { diffMs: number; diffRows: number } | undefined;
  if (mutatedJson !== undefined) {
    const after = parseInventory(mutatedJson);
    const [a, b] = buildModelPair(inventory, after);
    const timed = timeMedian(DIFF_RUNS, () => diffModels(a, b).length);
    diff = { diffMs: roundMs(timed.ms), diffRows: timed.value };
    say(`diff: ${diff.diffMs} ms (median of ${DIFF_RUNS}), ${timed.value} rows`);
  }

  // The census is not part of the benchmark: it runs after every measurement.
  collectGarbage();
  const census = takeCensus(inventory);
  say(
    `census: ${census.classes} classes (${census.podsPerClass.toFixed(1)} pods/class), ` +
      `${census.workloads} workloads, ${census.workloadPairs} allowed workload pairs, ` +
      `${census.externalRows} external rows`,
  );
  return {
    id,
    ...counts,
    classes: model.value.classes,
    parseMs: roundMs(parsed.ms),
    modelMs: roundMs(model.ms),
    modelCpuMs: roundMs(model.cpuMs),
    coldModelMs: roundMs(model.firstMs),
    rssMb,
    ...reference,
    ...diff,
    rows: model.value.rows,
    census: {
      classes: census.classes,
      podsPerClass: Math.round(census.podsPerClass * 10) / 10,
      workloads: census.workloads,
      allowedPairs: census.workloadPairs,
      externalRows: census.externalRows,
      ...(counts.clusterPolicies > 0 ? { networkPolicyOnly: true } : {}),
    },
  };
}

/** What a service does with a pushed snapshot before analysing it. */
function parseInventory(json: string): Inventory {
  const parsed = parseSnapshot(JSON.parse(json) as unknown);
  if (!parsed.ok) {
    const issues = parsed.issues.slice(0, 3).map((i) => `${i.path}: ${i.message}`);
    throw new Error(`the generated snapshot is not valid: ${issues.join('; ')}`);
  }
  const inventory = buildInventory(snapshotToObjects(parsed.snapshot));
  if (inventory.issues.length > 0) {
    const first = inventory.issues[0];
    throw new Error(
      `the generated snapshot has ${inventory.issues.length} issues, first: ${first?.path}: ${first?.message}`,
    );
  }
  return inventory;
}

function timeReference(inventory: Inventory): number {
  const times = [timeOnce(() => referenceConnlist(inventory))];
  if ((times[0] as number) <= SINGLE_REFERENCE_RUN_MS)
    times.push(
      timeOnce(() => referenceConnlist(inventory)),
      timeOnce(() => referenceConnlist(inventory)),
    );
  return median(times);
}
