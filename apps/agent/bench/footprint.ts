import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeKubeApi } from '@fenceline/kube-fake';
import { AGENT_NODE_FLAGS } from '../src/node-flags';
import { RecordingIngest } from '../test/recording-ingest';
import { fleetObjects } from './fake-fleet-cluster';

/**
 * `npm run bench:agent`: the built agent's footprint on a fake cluster of 20,000 pods and 2,000
 * policies served over the real list/watch protocol. Measures peak RSS of the agent process
 * (the kernel's VmHWM, and the agent's own getrusage maxRSS in --once), its CPU time (user +
 * system, from /proc), and the pushed snapshot's size raw and gzip. Targets (issue 5): RSS ≤ 150 MB, gzip snapshot ≤ 2 MB.
 */
const args = process.argv.slice(2);
const flag = (name: string, fallback: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const json = args.includes('--json');
/** As shipped (image, bin/fenceline-agent), unless --plain-node measures node without its flags. */
const nodeFlags: readonly string[] = args.includes('--plain-node') ? [] : AGENT_NODE_FLAGS;
const shape = { pods: flag('--pods', 20_000), policies: flag('--policies', 2_000) };
const AGENT = join(__dirname, 'main.js');
const TARGETS = { rssBytes: 150 * 1024 * 1024, gzipBytes: 2 * 1024 * 1024 };
const MB = 1024 * 1024;

const log = (line: string) => {
  if (!json) process.stderr.write(`${line}\n`);
};

/** VmHWM (peak resident set) of a process, from /proc; undefined once it exited. */
function peakRss(pid: number): number | undefined {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** User + system CPU time of a process so far, from /proc (clock ticks of 10 ms); undefined once it exited. */
function cpuMs(pid: number): number | undefined {
  try {
    // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

interface AgentRun {
  readonly exitCode: number | null;
  readonly peakRssBytes: number;
  /** CPU time at the last poll before exit (within 10 ms of the total). */
  readonly cpuMs: number;
  readonly selfMaxRssBytes?: number;
  readonly ms: number;
}

function runAgent(argv: string[], until?: (stop: () => void) => Promise<void>): Promise<AgentRun> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(process.execPath, [...nodeFlags, AGENT, ...argv], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, FENCELINE_LOG_LEVEL: 'info' },
    });
    let peak = 0;
    let cpu = 0;
    let stderr = '';
    const poll = setInterval(() => {
      peak = Math.max(peak, peakRss(child.pid as number) ?? 0);
      cpu = Math.max(cpu, cpuMs(child.pid as number) ?? 0);
    }, 10);
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (exitCode) => {
      clearInterval(poll);
      const done = stderr
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as { maxRssBytes?: number })
        .find((l) => l.maxRssBytes !== undefined);
      if (exitCode !== 0) process.stderr.write(stderr.slice(-4000));
      resolve({
        exitCode,
        peakRssBytes: peak,
        cpuMs: cpu,
        ...(done?.maxRssBytes ? { selfMaxRssBytes: done.maxRssBytes } : {}),
        ms: Date.now() - started,
      });
    });
    if (until) void until(() => child.kill('SIGTERM'));
  });
}

async function main(): Promise<void> {
  const kube = await FakeKubeApi.start({ token: 'bench', bookmarkIntervalMs: 5_000 });
  const ingest = await RecordingIngest.start();
  const dir = mkdtempSync(join(tmpdir(), 'fenceline-bench-agent-'));
  const kubeconfig = kube.writeKubeconfig(dir);
  let podBytes = 0;
  let pods = 0;
  for (const object of fleetObjects(shape)) {
    const stored = kube.apply(object);
    if (object['kind'] === 'Pod') {
      podBytes += JSON.stringify(stored).length;
      pods++;
    }
  }
  log(`agent: node ${nodeFlags.join(' ') || '(no flags)'} ${AGENT}`);
  log(
    `fake cluster: ${pods} pods (${Math.round(podBytes / pods)} bytes of JSON each, ${(podBytes / MB).toFixed(1)} MB), ${shape.policies} policies`,
  );
  const common = [
    '--kubeconfig',
    kubeconfig,
    '--api-url',
    ingest.url,
    '--token',
    'agent',
    '--health-port',
    '0',
  ];

  // 1. --once: list everything, build, push, exit.
  const once = await runAgent([...common, '--once']);
  const pushed = ingest.pushes[0];
  if (once.exitCode !== 0 || !pushed)
    throw new Error(`the --once run failed (exit ${once.exitCode})`);
  const rawBytes = Buffer.byteLength(JSON.stringify(pushed.snapshot));
  log(
    `--once: ${once.ms} ms (CPU ${once.cpuMs} ms), peak RSS ${(once.peakRssBytes / MB).toFixed(1)} MB (getrusage ${((once.selfMaxRssBytes ?? 0) / MB).toFixed(1)} MB); snapshot ${(rawBytes / MB).toFixed(2)} MB raw, ${(pushed.gzipBytes / MB).toFixed(3)} MB gzip`,
  );

  // 2. Watching: initial sync and push, then 1,000 pod relabels in bursts, then SIGTERM.
  const relabels = Math.min(1_000, pods);
  let changeToPushMs = 0;
  let initialPushMs = 0;
  const watch = await runAgent([...common, '--debounce', '1s'], async (stop) => {
    const started = Date.now();
    await ingest.waitForPushes(2, 120_000);
    initialPushMs = Date.now() - started;
    const podsNow = kube.objects('v1', 'Pod');
    for (let i = 0; i < relabels; i++) {
      const pod = podsNow[(i * 19) % podsNow.length] as Record<string, unknown>;
      const metadata = pod['metadata'] as Record<string, unknown>;
      kube.apply({
        ...pod,
        metadata: { ...metadata, labels: { ...(metadata['labels'] as object), canary: String(i) } },
      });
      if (i % 100 === 99) await new Promise((r) => setTimeout(r, 50));
    }
    const changedAt = Date.now();
    const target = ingest.pushes.length + 1;
    await ingest.waitForPushes(target, 120_000);
    // Debounced pushes may land mid-burst; wait for the one holding the last relabel.
    while (
      !ingest.pushes.at(-1)?.snapshot.pods.some((p) => p.labels['canary'] === String(relabels - 1))
    )
      await ingest.waitForPushes(ingest.pushes.length + 1, 120_000);
    changeToPushMs = Date.now() - changedAt;
    await new Promise((r) => setTimeout(r, 500));
    stop();
  });
  log(
    `watch: initial push after ${initialPushMs} ms, ${relabels} relabels pushed ${changeToPushMs} ms after the last one, peak RSS ${(watch.peakRssBytes / MB).toFixed(1)} MB, CPU ${watch.cpuMs} ms, exit ${watch.exitCode}`,
  );

  await kube.stop();
  await ingest.stop();

  const result = {
    shape: { pods, policies: shape.policies, podJsonBytes: Math.round(podBytes / pods) },
    nodeFlags,
    once: {
      ms: once.ms,
      cpuMs: once.cpuMs,
      peakRssBytes: once.peakRssBytes,
      selfMaxRssBytes: once.selfMaxRssBytes ?? null,
    },
    watch: {
      initialPushMs,
      relabels,
      changeToPushMs,
      peakRssBytes: watch.peakRssBytes,
      cpuMs: watch.cpuMs,
      exitCode: watch.exitCode,
    },
    snapshot: { rawBytes, gzipBytes: pushed.gzipBytes },
    targets: {
      rss: {
        limitBytes: TARGETS.rssBytes,
        met: Math.max(once.peakRssBytes, watch.peakRssBytes) <= TARGETS.rssBytes,
      },
      gzip: { limitBytes: TARGETS.gzipBytes, met: pushed.gzipBytes <= TARGETS.gzipBytes },
    },
  };
  if (json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else {
    log(
      `targets: peak RSS ≤ 150 MB ${result.targets.rss.met ? 'met' : 'MISSED'}; gzip snapshot ≤ 2 MB ${result.targets.gzip.met ? 'met' : 'MISSED'}`,
    );
  }
  process.exitCode = result.targets.rss.met && result.targets.gzip.met ? 0 : 1;
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench:agent failed: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
