import { writeFileSync } from 'node:fs';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import {
  apiGroup,
  apiGroupList,
  apiResourceList,
  apiVersionOf,
  apiVersions,
  BUILTIN_RESOURCES,
  FakeResource,
  kubeStatus,
  NOT_FOUND_MESSAGE,
  ResourcePath,
  resolveResourcePath,
  VERSION_INFO,
} from './fake-kube-resources';
import { type Collection, FakeKubeStore } from './fake-kube-store';
import {
  bookmarkLine,
  eventLine,
  type KubeObject,
  kubeconfigYaml,
  nonEmpty,
  sendDocument,
  sendJson,
  sendStatus,
  write,
  writeBatched,
} from './fake-kube-wire';

export { BUILTIN_RESOURCES, type FakeResource } from './fake-kube-resources';

export interface FakeKubeApiOptions {
  /** When set, every request needs `Authorization: Bearer <token>`, else 401. */
  token?: string;
  /** Period of BOOKMARK events on watches that asked `allowWatchBookmarks=true`; default 1000. */
  bookmarkIntervalMs?: number;
  /** Served resource types; default {@link BUILTIN_RESOURCES}. */
  resources?: FakeResource[];
}

/** One entry of {@link FakeKubeApi.requests}. */
export interface FakeKubeRequest {
  method: string;
  path: string;
  query: Record<string, string>;
}

interface OpenWatch {
  collection: Collection;
  namespace: string | undefined;
  res: ServerResponse;
  timers: NodeJS.Timeout[];
}

/**
 * An in-process kube-apiserver speaking the real discovery, list (with pagination) and watch
 * (with replay, bookmarks and 410 Expired) protocol, for integration tests and benchmarks.
 *
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/
 * @example
 * const api = await FakeKubeApi.start({ token: 't' });
 * api.apply({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' } });
 * const kc = new KubeConfig(); kc.loadFromString(api.kubeconfig());
 * await api.stop();
 */
export class FakeKubeApi {
  readonly requests: FakeKubeRequest[] = [];
  private readonly store = new FakeKubeStore((collection, namespace, line) => {
    for (const watch of this.watches) {
      if (matches(watch, collection, namespace)) write(watch.res, line);
    }
  });
  private readonly bookmarkIntervalMs: number;
  private readonly watches = new Set<OpenWatch>();
  private unavailable = false;
  private readonly forbidden = new Set<string>();
  private stopping: Promise<void> | undefined;

  private constructor(
    private readonly server: Server,
    readonly url: string,
    private readonly token: string | undefined,
    options: FakeKubeApiOptions,
  ) {
    this.bookmarkIntervalMs = options.bookmarkIntervalMs ?? 1000;
    for (const resource of options.resources ?? BUILTIN_RESOURCES) this.addResource(resource);
  }

  /** Listens on 127.0.0.1 on a random port. */
  static async start(options: FakeKubeApiOptions = {}): Promise<FakeKubeApi> {
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    const { port } = server.address() as AddressInfo;
    const api = new FakeKubeApi(server, `http://127.0.0.1:${port}`, options.token, options);
    server.on('request', (req: IncomingMessage, res: ServerResponse) => api.handle(req, res));
    return api;
  }

  /** The current global resourceVersion, shared by all kinds like etcd's revision. */
  get resourceVersion(): string {
    return String(this.store.revision);
  }

  get openWatches(): number {
    return this.watches.size;
  }

  /**
   * Kubeconfig YAML for this server. `insecure-skip-tls-verify` is set because client-node
   * refuses plain http without it.
   */
  kubeconfig(): string {
    return kubeconfigYaml(this.url, this.token);
  }

  /** Writes {@link kubeconfig} to `dir/kubeconfig` and returns that path. */
  writeKubeconfig(dir: string): string {
    const path = join(dir, 'kubeconfig');
    writeFileSync(path, this.kubeconfig(), { mode: 0o600 });
    return path;
  }

  /** Serves a new type (e.g. a CRD being installed); re-adding an identical one is a no-op. */
  addResource(resource: FakeResource): void {
    this.store.addResource(resource);
  }

  /**
   * Creates or replaces an object and emits ADDED or MODIFIED. uid and creationTimestamp are
   * taken from the object on create when present (deterministic fixtures), kept on replace.
   */
  apply(object: KubeObject): KubeObject {
    return this.store.apply(object);
  }

  /** Deletes an object and emits DELETED carrying a new resourceVersion; false when absent. */
  remove(apiVersion: string, kind: string, namespace: string | undefined, name: string): boolean {
    return this.store.remove(apiVersion, kind, namespace, name);
  }

  /** Copies of the stored objects of one kind, in list order. */
  objects(apiVersion: string, kind: string): KubeObject[] {
    return this.store.copies(apiVersion, kind);
  }

  /** Copies of every stored object of every kind. */
  allObjects(): KubeObject[] {
    return this.store.copies();
  }

  /** Forgets event history and continue tokens, like an etcd compaction at the current revision. */
  compact(): void {
    this.store.compact();
  }

  /** Ends every open watch stream from the server side, as an apiserver restart or timeout does. */
  closeWatches(): void {
    for (const watch of [...this.watches]) this.endWatch(watch);
  }

  /** While true every request gets 503 and open watches are closed. */
  setUnavailable(unavailable: boolean): void {
    this.unavailable = unavailable;
    if (unavailable) this.closeWatches();
  }

  /**
   * Answers every request for the resource (plural name, e.g. `nodes`) with 403 Forbidden, as
   * the API server does when the ServiceAccount's RBAC does not grant it. Discovery still lists
   * the resource: discovery is not filtered by RBAC.
   */
  forbid(resource: string): void {
    this.forbidden.add(resource);
  }

  /** Closes the listener and every connection, open watch streams included. */
  stop(): Promise<void> {
    this.stopping ??= new Promise<void>((resolve) => {
      this.closeWatches();
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
    return this.stopping;
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', this.url);
    const query = Object.fromEntries(url.searchParams);
    this.requests.push({ method: req.method ?? 'GET', path: url.pathname, query });
    try {
      this.route(req, res, url.pathname, query);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      sendStatus(res, kubeStatus(500, 'InternalError', message));
    }
  }

  private route(
    req: IncomingMessage,
    res: ServerResponse,
    path: string,
    query: Record<string, string>,
  ): void {
    if (this.unavailable) {
      const message = 'the server is currently unable to handle the request';
      return sendStatus(res, kubeStatus(503, 'ServiceUnavailable', message));
    }
    if (this.token !== undefined && req.headers.authorization !== `Bearer ${this.token}`) {
      return sendStatus(res, kubeStatus(401, 'Unauthorized', 'Unauthorized'));
    }
    if (req.method !== 'GET') {
      const message = 'the server does not allow this method on the requested resource';
      return sendStatus(res, kubeStatus(405, 'MethodNotAllowed', message));
    }
    if (path === '/version') return sendJson(res, 200, JSON.stringify(VERSION_INFO));
    if (path === '/healthz' || path === '/livez' || path === '/readyz') {
      res.writeHead(200, { 'Content-Type': 'text/plain' }).end('ok');
      return;
    }
    const resources = this.store.resources;
    const [root, ...rest] = path.split('/').filter(Boolean).map(decodeURIComponent);
    if (root === 'api') {
      if (rest.length === 0)
        return sendJson(res, 200, JSON.stringify(apiVersions(new URL(this.url).host)));
      const [version, ...more] = rest;
      return this.serveGroupVersion(res, '', version ?? '', more, query);
    }
    if (root === 'apis') {
      const [group, version, ...more] = rest;
      if (group === undefined) return sendJson(res, 200, JSON.stringify(apiGroupList(resources)));
      if (version === undefined) return sendDocument(res, apiGroup(resources, group));
      return this.serveGroupVersion(res, group, version, more, query);
    }
    sendStatus(res, kubeStatus(404, 'NotFound', NOT_FOUND_MESSAGE));
  }

  private serveGroupVersion(
    res: ServerResponse,
    group: string,
    version: string,
    rest: string[],
    query: Record<string, string>,
  ): void {
    const resources = this.store.resources;
    if (rest.length === 0) return sendDocument(res, apiResourceList(resources, group, version));
    const target = resolveResourcePath(resources, group, version, rest);
    if (!target) return sendStatus(res, kubeStatus(404, 'NotFound', NOT_FOUND_MESSAGE));
    const watch = query['watch'] === 'true' || query['watch'] === '1';
    const { resource: name } = target.resource;
    if (this.forbidden.has(name)) {
      const verb = target.name !== undefined ? 'get' : watch ? 'watch' : 'list';
      const message = `${name} is forbidden: User "system:serviceaccount:fenceline:fenceline-agent" cannot ${verb} resource "${name}" in API group "${group}" at the cluster scope`;
      return sendStatus(res, kubeStatus(403, 'Forbidden', message, { kind: name }));
    }
    if (nonEmpty(query['labelSelector']) ?? nonEmpty(query['fieldSelector'])) {
      // Silently ignoring a selector would make a test pass against the wrong data.
      const message = 'FakeKubeApi does not implement labelSelector or fieldSelector';
      return sendStatus(res, kubeStatus(400, 'BadRequest', message));
    }
    if (target.name !== undefined) {
      if (watch) {
        const message = 'FakeKubeApi does not implement watches of a single object path';
        return sendStatus(res, kubeStatus(400, 'BadRequest', message));
      }
      return this.get(res, target, target.name);
    }
    return watch ? this.watch(res, target, query) : this.list(res, target, query);
  }

  private get(res: ServerResponse, target: ResourcePath, name: string): void {
    const entry = this.store.find(this.store.collection(target.resource), target.namespace, name);
    if (entry) return sendJson(res, 200, entry.json);
    const { resource } = target.resource;
    const message = `${resource} "${name}" not found`;
    sendStatus(res, kubeStatus(404, 'NotFound', message, { name, kind: resource }));
  }

  private list(res: ServerResponse, target: ResourcePath, query: Record<string, string>): void {
    const collection = this.store.collection(target.resource);
    const limit = nonEmpty(query['limit']) === undefined ? 0 : Number(query['limit']);
    if (!Number.isInteger(limit) || limit < 0) {
      return sendStatus(res, kubeStatus(400, 'BadRequest', `invalid limit: ${query['limit']}`));
    }
    const token = nonEmpty(query['continue']);
    const page = this.store.page(collection, target.namespace, limit, token);
    if (!page.ok) return sendStatus(res, page.status);
    const { resource } = collection;
    const head = {
      kind: `${resource.kind}List`,
      apiVersion: apiVersionOf(resource),
      metadata: page.metadata,
    };
    sendJson(res, 200, `${JSON.stringify(head).slice(0, -1)},"items":[${page.items.join(',')}]}`);
  }

  private watch(res: ServerResponse, target: ResourcePath, query: Record<string, string>): void {
    const collection = this.store.collection(target.resource);
    const rvParam = query['resourceVersion'] ?? '';
    const timeoutParam = nonEmpty(query['timeoutSeconds']);
    const timeoutSeconds = timeoutParam === undefined ? 0 : Number(timeoutParam);
    if ((rvParam !== '' && !/^\d+$/.test(rvParam)) || !(timeoutSeconds >= 0)) {
      const message = `invalid resourceVersion "${rvParam}" or timeoutSeconds "${timeoutParam}"`;
      return sendStatus(res, kubeStatus(400, 'BadRequest', message));
    }
    // Absent and "0" both mean "start from the current state": synthetic ADDED events first.
    const from = rvParam === '' || rvParam === '0' ? undefined : Number(rvParam);
    const initialEvents = query['sendInitialEvents'] === 'true';
    const bookmarks = query['allowWatchBookmarks'] === 'true';
    res.writeHead(200, {
      'Content-Type': 'application/json',
      'Cache-Control': 'no-cache, private',
    });
    res.flushHeaders();
    const floor = this.store.historyFloor;
    if (from !== undefined && from < floor) {
      // The real server has already committed to 200 by now, so expiry travels as an event.
      const message = `too old resource version: ${from} (${floor})`;
      res.end(eventLine('ERROR', JSON.stringify(kubeStatus(410, 'Expired', message))));
      return;
    }
    const watch: OpenWatch = { collection, namespace: target.namespace, res, timers: [] };
    this.watches.add(watch);
    res.on('close', () => this.forgetWatch(watch));
    const lines =
      from === undefined || initialEvents
        ? this.store
            .sortedObjects(collection, target.namespace)
            .map((o) => eventLine('ADDED', o.json))
        : this.store.eventsAfter(from, (c, namespace) => matches(watch, c, namespace));
    if (initialEvents && bookmarks) {
      lines.push(bookmarkLine(collection.resource, this.store.revision, true));
    }
    writeBatched(res, lines);
    if (bookmarks) {
      const bookmark = () =>
        write(res, bookmarkLine(collection.resource, this.store.revision, false));
      watch.timers.push(setInterval(bookmark, this.bookmarkIntervalMs).unref());
    }
    if (timeoutSeconds > 0) {
      watch.timers.push(setTimeout(() => this.endWatch(watch), timeoutSeconds * 1000).unref());
    }
  }

  private endWatch(watch: OpenWatch): void {
    this.forgetWatch(watch);
    watch.res.end();
  }

  private forgetWatch(watch: OpenWatch): void {
    for (const timer of watch.timers) clearTimeout(timer);
    watch.timers = [];
    this.watches.delete(watch);
  }
}

function matches(watch: OpenWatch, collection: Collection, namespace: string | undefined): boolean {
  return (
    watch.collection === collection &&
    (watch.namespace === undefined || watch.namespace === namespace)
  );
}
