import type { Server } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { formatObjectRef } from '@fenceline/netpol';
import { ClusterAgent } from './cluster-agent';
import type { AgentConfig } from './config/agent-config';
import { AgentMetrics } from './health/agent-metrics';
import { startHealthServer, type HealthStatus } from './health/health-server';
import { KubeClient } from './kube/kube-client';
import { describeError } from './kube/reflector';
import type { Logger } from './log/logger';
import { PushClient } from './push/push-client';
import { Pusher, type Settlement } from './push/pusher';
import { Spool } from './push/spool';
import { prepareSnapshot, shortHash, type PreparedSnapshot } from './snapshot/prepared-snapshot';
import { buildDirSnapshot } from './snapshot/dir-snapshot';
import { AGENT_VERSION } from './version';

/** Exit codes of `fenceline-agent` (documented in the README). */
export const EXIT = {
  ok: 0,
  pushFailed: 1,
  config: 2,
  unauthorized: 3,
  rejected: 4,
  internal: 70,
} as const;

export interface RunningAgent {
  /** Resolves with the exit code: at once for `--once`, after `stop()` otherwise. */
  readonly done: Promise<number>;
  /** SIGTERM: finish the push in flight (up to `graceMs`), then exit. */
  stop(graceMs?: number): Promise<void>;
  readonly healthPort?: number;
  readonly metrics: AgentMetrics;
}

export interface RunOptions {
  readonly log: Logger;
  readonly stdout?: NodeJS.WritableStream;
  readonly metrics?: AgentMetrics;
}

/** Wires configuration to the pieces: source (cluster or folders), pusher, spool, health server. */
export async function runAgent(config: AgentConfig, options: RunOptions): Promise<RunningAgent> {
  const { log } = options;
  const metrics = options.metrics ?? new AgentMetrics();
  const stdout = options.stdout ?? process.stdout;
  const spool = config.spoolDir && !config.dryRun ? new Spool(config.spoolDir, log) : undefined;
  const pushClient = config.dryRun
    ? undefined
    : new PushClient(config.apiUrl as URL, config.token!, config.requestTimeoutMs);
  const pusher = pushClient
    ? new Pusher({
        client: pushClient,
        log,
        metrics,
        maxBackoffMs: config.maxBackoffMs,
        ...(spool ? { spool } : {}),
      })
    : undefined;

  log.info(
    {
      version: AGENT_VERSION,
      source: config.source,
      apiUrl: config.apiUrl?.origin,
      once: config.once,
      dryRun: config.dryRun,
      debounceMs: config.debounceMs,
      resyncMs: config.resyncMs,
      spoolDir: config.spoolDir,
    },
    `fenceline-agent ${AGENT_VERSION} starting (${config.source.kind === 'cluster' ? 'live cluster' : `folders ${config.source.paths.join(', ')}`}${config.once ? ', once' : ''}${config.dryRun ? ', dry run' : ''})`,
  );
  if (
    config.apiUrl?.protocol === 'http:' &&
    !['localhost', '127.0.0.1', '[::1]'].includes(config.apiUrl.hostname)
  ) {
    log.warn(
      `the API URL ${config.apiUrl.origin} is plain http: the agent token travels unencrypted`,
    );
  }

  const spooled = spool ? await spool.load() : undefined;
  if (spooled && pusher) {
    log.info(
      { contentHash: shortHash(spooled.contentHash), collectedAt: spooled.collectedAt },
      `found a spooled snapshot from ${spooled.collectedAt}; pushing it first`,
    );
    if (!config.once) pusher.submit(spooled);
  }

  const context = (): { collectedAt: Date; clusterName?: string } => ({
    collectedAt: new Date(),
    ...(config.clusterName !== undefined ? { clusterName: config.clusterName } : {}),
  });
  const dirSnapshot = (): { prepared: PreparedSnapshot; issueCount: number } => {
    const paths = config.source.kind === 'dir' ? config.source.paths : [];
    const { snapshot, issues } = buildDirSnapshot(paths, {
      ...context(),
      source: { type: 'manifests', agentVersion: AGENT_VERSION },
    });
    for (const issue of issues.slice(0, 50))
      log.warn(
        { code: issue.code },
        `${formatObjectRef(issue.object)}: ${issue.path}: ${issue.message} [${issue.code}]`,
      );
    if (issues.length > 0) log.warn(`${issues.length} invalid object(s) left out of the snapshot`);
    return { prepared: prepareSnapshot(snapshot), issueCount: issues.length };
  };
  const kube = (): KubeClient =>
    KubeClient.fromSource(
      config.source as Extract<AgentConfig['source'], { kind: 'cluster' }>,
      config.requestTimeoutMs,
    );

  if (config.once) {
    const done = (async (): Promise<number> => {
      try {
        let built: { prepared: PreparedSnapshot; issueCount: number };
        if (config.source.kind === 'dir') built = dirSnapshot();
        else {
          const agent = new ClusterAgent({
            ...agentOptions(config, log, metrics),
            client: kube(),
            deliver: () => undefined,
          });
          built = await agent.collectOnce();
        }
        if (config.dryRun || !pusher) {
          stdout.write(
            `${JSON.stringify(JSON.parse(gunzipSync(built.prepared.body).toString('utf8')) as unknown, null, 2)}\n`,
          );
          return built.issueCount > 0 ? EXIT.config : EXIT.ok;
        }
        const code = await pushOnce(pusher, built.prepared, config.onceTimeoutMs);
        if (code === EXIT.pushFailed)
          log.error(
            `gave up after ${config.onceTimeoutMs} ms: the snapshot was not pushed${spool ? ` (it stays in ${spool.path})` : ''}`,
          );
        return code === EXIT.ok && built.issueCount > 0 ? EXIT.config : code;
      } catch (error) {
        log.error({ err: describeError(error) }, `failed: ${describeError(error)}`);
        return EXIT.pushFailed;
      } finally {
        await pusher?.stop(0);
        await pushClient?.close();
      }
    })();
    return { done, metrics, stop: async () => undefined };
  }

  let finish!: (code: number) => void;
  const done = new Promise<number>((resolve) => (finish = resolve));
  const deliver = (prepared: PreparedSnapshot, forced: boolean): void => {
    const { counts } = prepared;
    log.info(
      {
        contentHash: shortHash(prepared.contentHash),
        forced,
        ...counts,
        rawBytes: prepared.rawBytes,
        gzipBytes: prepared.gzipBytes,
      },
      `built snapshot ${shortHash(prepared.contentHash)}${forced ? ' (periodic full push)' : ''}: ${counts.namespaces} namespaces, ${counts.pods} pods, ${counts.policies} policies`,
    );
    pusher?.submit(prepared);
  };

  let health: () => HealthStatus;
  let stopSource: () => Promise<void>;
  if (config.source.kind === 'dir') {
    let timer: NodeJS.Timeout | undefined;
    const tick = (): void => {
      try {
        deliver(dirSnapshot().prepared, true);
      } catch (error) {
        log.error(
          { err: describeError(error) },
          `reading the folders failed: ${describeError(error)}`,
        );
      }
      timer = setTimeout(tick, config.resyncMs);
    };
    tick();
    health = () => ({ live: true, ready: true, details: {} });
    stopSource = async () => clearTimeout(timer);
  } else {
    const agent = new ClusterAgent({
      ...agentOptions(config, log, metrics),
      client: kube(),
      deliver,
    });
    health = () => agent.health();
    stopSource = () => agent.stop();
    agent.start().catch((error: unknown) => {
      log.error({ err: describeError(error) }, `cannot start: ${describeError(error)}`);
      finish(EXIT.internal);
    });
  }

  const status = (): HealthStatus => {
    const s = health();
    const unauthorized = pusher?.state === 'unauthorized';
    return {
      live: s.live,
      ready: s.ready && !unauthorized,
      details: {
        ...s.details,
        push: pusher?.state ?? 'off',
        lastSuccessAt: pusher?.lastSuccessAt?.toISOString() ?? null,
      },
    };
  };
  let server: Server | undefined;
  if (config.healthPort > 0) {
    server = await startHealthServer(config.healthPort, config.healthHost, metrics, status);
    log.info(
      `health and metrics on http://${config.healthHost}:${config.healthPort} (/healthz, /readyz, /metrics)`,
    );
  }
  const address = server?.address();

  let stopping: Promise<void> | undefined;
  const stop = (graceMs = 20_000): Promise<void> => {
    stopping ??= (async () => {
      log.info('stopping: finishing the push in flight');
      await stopSource();
      await pusher?.stop(graceMs);
      await pushClient?.close();
      await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
      log.info('stopped');
      finish(EXIT.ok);
    })();
    return stopping;
  };
  return {
    done,
    stop,
    metrics,
    ...(typeof address === 'object' && address ? { healthPort: address.port } : {}),
  };
}

function agentOptions(config: AgentConfig, log: Logger, metrics: AgentMetrics) {
  return {
    log,
    metrics,
    debounceMs: config.debounceMs,
    resyncMs: config.resyncMs,
    pageSize: config.pageSize,
    maxBackoffMs: config.maxBackoffMs,
    ...(config.clusterName !== undefined ? { clusterName: config.clusterName } : {}),
  };
}

/** Pushes one snapshot, retrying until it settles or the deadline passes. */
async function pushOnce(
  pusher: Pusher,
  prepared: PreparedSnapshot,
  timeoutMs: number,
): Promise<number> {
  return new Promise<number>((resolve) => {
    const timer = setTimeout(() => finish(EXIT.pushFailed), timeoutMs);
    const off = pusher.onSettled((s: Settlement) => {
      if (s.contentHash !== prepared.contentHash) return;
      if (s.outcome === 'ok') finish(EXIT.ok);
      else if (s.outcome === 'unauthorized') finish(EXIT.unauthorized);
      else if (s.outcome === 'too_large' || s.outcome === 'rejected') finish(EXIT.rejected);
    });
    function finish(code: number): void {
      clearTimeout(timer);
      off();
      resolve(code);
    }
    pusher.submit(prepared);
  });
}
