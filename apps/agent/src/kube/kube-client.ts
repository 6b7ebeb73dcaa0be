import { HttpMethod, KubeConfig, RequestContext, Watch } from '@kubernetes/client-node';
import { fetch } from 'undici';
import type { AgentSource } from '../config/agent-config';

/** An error answer of the Kubernetes API, with its HTTP status (410 means "relist"). */
export class KubeApiError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly reason?: string,
  ) {
    super(message);
    this.name = 'KubeApiError';
  }
}

/** Watches ask the server for at most 10 minutes (timeoutSeconds); silence beyond 11 means a dead link. */
export const WATCH_INACTIVITY_MS = 11 * 60_000;

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';

export interface WatchHandle {
  abort(): void;
}

/**
 * The agent's only door to the cluster: GET and watch, nothing else (the ClusterRole grants
 * get/list/watch only). Credentials, TLS and exec/OIDC plugins come from
 * `@kubernetes/client-node`'s KubeConfig: the in-cluster service account, or a kubeconfig.
 */
export class KubeClient {
  private readonly watcher: Watch;
  /** One connection pool for every GET: client-node makes a new one per request otherwise. */
  private dispatcher: ReturnType<RequestContext['getDispatcher']>;

  constructor(
    private readonly config: KubeConfig,
    private readonly requestTimeoutMs: number,
  ) {
    this.watcher = new Watch(config);
    // An inactivity timeout: longer than the longest watch the agent asks for plus bookmark gaps.
    (this.watcher as unknown as { requestTimeoutMs: number }).requestTimeoutMs =
      WATCH_INACTIVITY_MS;
  }

  /** In-cluster when running in a pod and no kubeconfig is named, else the kubeconfig (KUBECONFIG, ~/.kube/config). */
  static fromSource(
    source: Extract<AgentSource, { kind: 'cluster' }>,
    requestTimeoutMs: number,
  ): KubeClient {
    const config = new KubeConfig();
    if (source.kubeconfig) config.loadFromFile(source.kubeconfig);
    else config.loadFromDefault();
    if (source.context) config.setCurrentContext(source.context);
    if (!config.getCurrentCluster())
      throw new Error(
        'no Kubernetes cluster configured: run in a pod with a service account, or give --kubeconfig',
      );
    return new KubeClient(config, requestTimeoutMs);
  }

  get server(): string {
    return this.config.getCurrentCluster()?.server ?? '?';
  }

  /** GET a JSON document; non-2xx answers throw a KubeApiError carrying the server's Status message. */
  async getJson(
    path: string,
    query: Readonly<Record<string, string | undefined>> = {},
    signal?: AbortSignal,
  ): Promise<unknown> {
    const url = new URL(this.server.replace(/\/$/, '') + path);
    for (const [key, value] of Object.entries(query))
      if (value !== undefined) url.searchParams.set(key, value);
    const context = new RequestContext(url.toString(), HttpMethod.GET);
    context.setHeaderParam('Accept', 'application/json');
    // Credentials are applied at every request (a projected service account token rotates).
    await this.config.applySecurityAuthentication(context);
    this.dispatcher ??= context.getDispatcher();
    const timeout = AbortSignal.timeout(this.requestTimeoutMs);
    const response = await fetch(url, {
      method: 'GET',
      headers: context.getHeaders(),
      dispatcher: this.dispatcher,
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
    const text = await response.text();
    if (!response.ok) {
      const status = parseStatus(text);
      throw new KubeApiError(
        response.status,
        `GET ${url.pathname}: ${response.status} ${status?.message ?? response.statusText}`,
        status?.reason,
      );
    }
    return JSON.parse(text) as unknown;
  }

  /**
   * Opens a watch (chunked JSON events). `onEvent` gets every event, `onDone` once when the stream
   * ends for any reason (server timeout, network error, HTTP error such as 410).
   */
  async watch(
    path: string,
    query: Readonly<Record<string, string>>,
    onEvent: (type: WatchEventType, object: Record<string, unknown>) => void,
    onDone: (error: unknown) => void,
  ): Promise<WatchHandle> {
    const controller = await this.watcher.watch(
      path,
      query,
      (type: string, object: unknown) => {
        if (typeof object === 'object' && object !== null)
          onEvent(type as WatchEventType, object as Record<string, unknown>);
      },
      (error: unknown) => {
        const statusCode = (error as { statusCode?: unknown } | null)?.statusCode;
        onDone(
          typeof statusCode === 'number'
            ? new KubeApiError(
                statusCode,
                `watch ${path}: ${statusCode} ${(error as Error).message}`,
              )
            : error,
        );
      },
    );
    return { abort: () => controller.abort() };
  }
}

function parseStatus(text: string): { message?: string; reason?: string } | undefined {
  try {
    const body = JSON.parse(text) as { kind?: unknown; message?: unknown; reason?: unknown };
    if (body.kind !== 'Status') return undefined;
    return {
      ...(typeof body.message === 'string' ? { message: body.message } : {}),
      ...(typeof body.reason === 'string' ? { reason: body.reason } : {}),
    };
  } catch {
    return undefined;
  }
}
