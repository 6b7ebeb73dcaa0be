import type { Logger } from '../log/logger';
import type { AgentMetrics } from '../health/agent-metrics';
import { Backoff, sleep } from '../push/backoff';
import { KubeApiError, type KubeClient, type WatchEventType } from './kube-client';
import type { ListGate } from './list-gate';
import { objectKey, type Fingerprinted, type ObjectStore } from './object-store';
import type { ServedResource } from './resources';

type Raw = Record<string, unknown>;

/** Turns a raw object (list item or watch event object) into what the store keeps of it. */
export type ObjectConverter<V> = (resource: ServedResource, object: Raw) => V;

export interface ReflectorOptions<V> {
  readonly convert: ObjectConverter<V>;
  readonly pageSize: number;
  readonly maxBackoffMs: number;
  readonly log: Logger;
  readonly metrics: AgentMetrics;
  /** Watches last a random 5–10 minutes (like client-go), so reconnects of many agents spread out. */
  readonly watchSeconds?: () => number;
  readonly random?: () => number;
  /** Called after each list page, where most garbage is made. */
  readonly afterPage?: () => void;
  /** Called after each watch event the store took (a rollout's burst of them adds up too). */
  readonly afterEvent?: () => void;
  /** Shared by the agent's reflectors so their lists (not their watches) run one at a time. */
  readonly listGate?: ListGate;
}

/** Outcome of one watch stream. */
type WatchEnd = 'closed' | 'expired' | 'gone';

/**
 * Keeps one resource of the store in step with the cluster, the way client-go's reflector does:
 * list (paginated; the pages are one consistent read), then watch from the list's
 * resourceVersion with bookmarks, resuming from the last seen resourceVersion whenever the
 * stream ends. A `410 Gone` (history compacted) — on the watch or on a list continuation — means
 * the resourceVersion is too old: relist. Other failures back off exponentially with jitter.
 *
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/#efficient-detection-of-changes
 */
export class Reflector<V extends Fingerprinted> {
  private resourceVersion: string | undefined;
  private readonly stopController = new AbortController();
  private readonly backoff: Backoff;
  private syncedResolve!: () => void;
  /** Resolves once the first full list is in the store. */
  readonly synced = new Promise<void>((resolve) => (this.syncedResolve = resolve));
  private running: Promise<void> | undefined;
  private activeWatch: { abort(): void } | undefined;

  constructor(
    private readonly client: KubeClient,
    readonly resource: ServedResource,
    private readonly store: ObjectStore<V>,
    private readonly options: ReflectorOptions<V>,
  ) {
    this.backoff = new Backoff(500, options.maxBackoffMs, options.random);
  }

  /** Lists once into the store (for `--once`). Throws what the API answered. */
  async listOnce(): Promise<void> {
    await this.list('initial');
  }

  /** Starts list-and-watch in the background until `stop()`. */
  start(): void {
    this.running ??= this.loop();
  }

  async stop(): Promise<void> {
    this.stopController.abort();
    this.activeWatch?.abort();
    await this.running;
  }

  private get stopped(): boolean {
    return this.stopController.signal.aborted;
  }

  private async loop(): Promise<void> {
    const { log, metrics } = this.options;
    let reason: 'initial' | 'expired' = 'initial';
    while (!this.stopped) {
      try {
        if (this.resourceVersion === undefined) {
          await this.list(reason);
          this.syncedResolve();
        }
        const end = await this.watchOnce();
        if (this.stopped) break;
        metrics.watchRestarts.inc({ resource: this.resource.id, reason: end });
        if (end === 'expired') {
          log.info(
            { resource: this.resource.id },
            `watch of ${this.resource.id}: resourceVersion expired (410 Gone), relisting`,
          );
          this.resourceVersion = undefined;
          reason = 'expired';
        } else if (end === 'gone') {
          log.warn(
            { resource: this.resource.id },
            `${this.resource.id} is no longer served (its CRD was removed?); forgetting its objects`,
          );
          this.store.drop(this.resource.id);
          return;
        } else {
          this.backoff.reset();
        }
      } catch (error) {
        if (this.stopped) break;
        if (error instanceof KubeApiError && error.statusCode === 410) {
          this.resourceVersion = undefined;
          reason = 'expired';
          metrics.watchRestarts.inc({ resource: this.resource.id, reason: 'expired' });
          continue;
        }
        // An optional resource the ServiceAccount may not read (an install without the `nodes`
        // grant): nothing to wait for, the snapshots go out without it; retries pick it up
        // once RBAC allows it.
        if (error instanceof KubeApiError && error.statusCode === 403 && !this.resource.required)
          this.syncedResolve();
        metrics.watchRestarts.inc({ resource: this.resource.id, reason: 'error' });
        const wait = this.backoff.next();
        log.warn(
          { resource: this.resource.id, err: describeError(error), retryInMs: wait },
          `${this.resource.id}: ${describeError(error)}${hint(error, this.resource)}; retrying in ${wait} ms`,
        );
        await sleep(wait, this.stopController.signal);
      }
    }
  }

  /** A full, paginated list, after the lists of other reflectors ahead of it in the gate. */
  private list(reason: 'initial' | 'expired' | 'resync'): Promise<void> {
    const gate = this.options.listGate;
    return gate ? gate.run(() => this.listPages(reason)) : this.listPages(reason);
  }

  /** An expired continue token restarts the list (as client-go does). */
  private async listPages(reason: 'initial' | 'expired' | 'resync'): Promise<void> {
    this.options.metrics.relists.inc({ resource: this.resource.id, reason });
    for (let restart = 0; ; restart++) {
      const items: [string, V][] = [];
      let token: string | undefined;
      let listVersion: string | undefined;
      try {
        do {
          const page = asList(
            await this.client.getJson(
              this.resource.path,
              { limit: restart < 3 ? String(this.options.pageSize) : undefined, continue: token },
              this.stopController.signal,
            ),
            this.resource,
          );
          for (const item of page.items)
            items.push([objectKey(item), this.options.convert(this.resource, item)]);
          listVersion = page.resourceVersion;
          token = page.continue;
          this.options.afterPage?.();
        } while (token);
      } catch (error) {
        if (token !== undefined && error instanceof KubeApiError && error.statusCode === 410)
          continue;
        throw error;
      }
      this.store.replace(this.resource.id, items);
      this.options.metrics.objects.set({ resource: this.resource.id }, items.length);
      this.resourceVersion = listVersion;
      return;
    }
  }

  private watchOnce(): Promise<WatchEnd> {
    const { metrics } = this.options;
    return new Promise<WatchEnd>((resolve, reject) => {
      let end: WatchEnd = 'closed';
      let failure: Error | undefined;
      const onEvent = (type: WatchEventType, object: Raw): void => {
        if (type === 'ERROR') {
          // The server reports an expired resourceVersion as an ERROR event carrying a Status.
          if (object['code'] === 410) end = 'expired';
          else
            failure = new KubeApiError(
              Number(object['code']) || 500,
              `watch ${this.resource.path}: ${String(object['message'] ?? 'error event')}`,
            );
          this.activeWatch?.abort();
          return;
        }
        const version = resourceVersionOf(object);
        if (type === 'ADDED' || type === 'MODIFIED')
          this.store.upsert(
            this.resource.id,
            objectKey(object),
            this.options.convert(this.resource, object),
          );
        else if (type === 'DELETED') this.store.remove(this.resource.id, objectKey(object));
        if (version !== undefined) this.resourceVersion = version;
        if (type !== 'BOOKMARK')
          metrics.objects.set({ resource: this.resource.id }, this.store.count(this.resource.id));
        // Counted once the store holds the event (a change it makes is already scheduled).
        metrics.watchEvents.inc({ resource: this.resource.id, type });
        if (type !== 'BOOKMARK') this.options.afterEvent?.();
      };
      const onDone = (error: unknown): void => {
        this.activeWatch = undefined;
        if (failure && !this.stopped) reject(failure);
        else if (error && !this.stopped && end === 'closed') {
          if (error instanceof KubeApiError && error.statusCode === 410) resolve('expired');
          else if (error instanceof KubeApiError && error.statusCode === 404) resolve('gone');
          else if (isAbort(error)) resolve(end);
          else reject(error);
        } else resolve(end);
      };
      const seconds =
        this.options.watchSeconds?.() ??
        Math.round(300 + (this.options.random ?? Math.random)() * 300);
      this.client
        .watch(
          this.resource.path,
          {
            resourceVersion: this.resourceVersion ?? '',
            allowWatchBookmarks: 'true',
            timeoutSeconds: String(seconds),
          },
          onEvent,
          onDone,
        )
        .then((handle) => {
          this.activeWatch = handle;
          if (this.stopped) handle.abort();
        }, reject);
    });
  }
}

function asList(
  body: unknown,
  resource: ServedResource,
): { items: Raw[]; resourceVersion?: string; continue?: string } {
  const list = (typeof body === 'object' && body !== null ? body : {}) as {
    items?: unknown;
    metadata?: { resourceVersion?: unknown; continue?: unknown };
  };
  if (!Array.isArray(list.items)) throw new Error(`GET ${resource.path}: the answer is not a list`);
  const rv = list.metadata?.resourceVersion;
  const next = list.metadata?.continue;
  return {
    items: list.items.filter((i): i is Raw => typeof i === 'object' && i !== null),
    ...(typeof rv === 'string' ? { resourceVersion: rv } : {}),
    ...(typeof next === 'string' && next !== '' ? { continue: next } : {}),
  };
}

function resourceVersionOf(object: Raw): string | undefined {
  const metadata = object['metadata'];
  const rv =
    typeof metadata === 'object' && metadata !== null
      ? (metadata as Raw)['resourceVersion']
      : undefined;
  return typeof rv === 'string' && rv !== '' ? rv : undefined;
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError');
}

export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    return cause instanceof Error ? `${error.message} (${cause.message})` : error.message;
  }
  return String(error);
}

function hint(error: unknown, resource: ServedResource): string {
  if (error instanceof KubeApiError && error.statusCode === 403) {
    return ` — the agent's ServiceAccount may not list ${resource.resource}${resource.group ? `.${resource.group}` : ''}: check its ClusterRole`;
  }
  if (error instanceof KubeApiError && error.statusCode === 401)
    return ' — the Kubernetes API rejected the agent credentials';
  return '';
}
