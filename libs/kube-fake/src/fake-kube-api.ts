import { randomUUID } from 'node:crypto';
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
  isTypedResource,
  kubeStatus,
  KubeStatus,
  NOT_FOUND_MESSAGE,
  ResourcePath,
  resolveResourcePath,
  VERSION_INFO,
} from './fake-kube-resources';

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

type KubeObject = Record<string, unknown>;

interface StoredObject {
  /** The etcd key below the resource prefix (`ns/name` or `name`); lists are in its byte order. */
  key: string;
  namespace: string | undefined;
  object: KubeObject;
  /** Serialized with kind/apiVersion, as single GETs and watch events carry them. */
  json: string;
  /** Serialized as a list item; built lazily because only lists need it. */
  itemJson?: string;
}

interface Collection {
  resource: FakeResource;
  objects: Map<string, StoredObject>;
  sorted?: StoredObject[];
}

interface HistoryEvent {
  rv: number;
  collection: Collection;
  namespace: string | undefined;
  line: string;
}

/** The items of a paginated list as of its first page, so later pages stay consistent. */
interface ListSnapshot {
  collection: Collection;
  namespace: string | undefined;
  rv: number;
  items: StoredObject[];
}

interface OpenWatch {
  collection: Collection;
  namespace: string | undefined;
  res: ServerResponse;
  timers: NodeJS.Timeout[];
}

const HISTORY_LIMIT = 10_000;
// Trimming in batches keeps apply() O(1) amortised instead of shifting 10k entries every time.
const HISTORY_SLACK = 1_000;
// Abandoned paginated lists must not pin memory forever; the oldest are dropped, as compaction would.
const SNAPSHOT_LIMIT = 100;
const WRITE_BATCH_BYTES = 1 << 20;
const DUMMY_TOKEN = 'fake-kube-api-token';
const CONTEXT = 'fake-kube-api';

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
  private readonly resources: FakeResource[];
  private readonly collections = new Map<FakeResource, Collection>();
  private readonly bookmarkIntervalMs: number;
  private rv = 0;
  private history: HistoryEvent[] = [];
  /** Every event with a resourceVersion above this one is still in `history`. */
  private historyFloor = 0;
  private readonly snapshots = new Map<number, ListSnapshot>();
  private nextSnapshotId = 1;
  private readonly watches = new Set<OpenWatch>();
  private unavailable = false;
  private stopping: Promise<void> | undefined;

  private constructor(
    private readonly server: Server,
    readonly url: string,
    private readonly token: string | undefined,
    options: FakeKubeApiOptions,
  ) {
    this.bookmarkIntervalMs = options.bookmarkIntervalMs ?? 1000;
    this.resources = [];
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
    return String(this.rv);
  }

  get openWatches(): number {
    return this.watches.size;
  }

  /**
   * Kubeconfig YAML for this server. `insecure-skip-tls-verify` is set because client-node
   * refuses plain http without it.
   */
  kubeconfig(): string {
    return [
      'apiVersion: v1',
      'kind: Config',
      'clusters:',
      `- name: ${CONTEXT}`,
      '  cluster:',
      `    server: ${this.url}`,
      '    insecure-skip-tls-verify: true',
      'users:',
      `- name: ${CONTEXT}`,
      '  user:',
      // A JSON string is a valid YAML double-quoted scalar, whatever the token holds.
      `    token: ${JSON.stringify(this.token ?? DUMMY_TOKEN)}`,
      'contexts:',
      `- name: ${CONTEXT}`,
      '  context:',
      `    cluster: ${CONTEXT}`,
      `    user: ${CONTEXT}`,
      `current-context: ${CONTEXT}`,
      '',
    ].join('\n');
  }

  /** Writes {@link kubeconfig} to `dir/kubeconfig` and returns that path. */
  writeKubeconfig(dir: string): string {
    const path = join(dir, 'kubeconfig');
    writeFileSync(path, this.kubeconfig(), { mode: 0o600 });
    return path;
  }

  /** Serves a new type (e.g. a CRD being installed); re-adding an identical one is a no-op. */
  addResource(resource: FakeResource): void {
    const clash = this.resources.find(
      (r) =>
        r.group === resource.group &&
        r.version === resource.version &&
        (r.resource === resource.resource || r.kind === resource.kind),
    );
    if (clash) {
      if (JSON.stringify(clash) === JSON.stringify(resource)) return;
      throw new Error(`FakeKubeApi: ${apiVersionOf(resource)} already serves ${clash.resource}`);
    }
    const copy = {
      group: resource.group,
      version: resource.version,
      resource: resource.resource,
      kind: resource.kind,
      namespaced: resource.namespaced,
      ...(resource.crd !== undefined ? { crd: resource.crd } : {}),
    };
    this.resources.push(copy);
    this.collections.set(copy, { resource: copy, objects: new Map() });
  }

  /**
   * Creates or replaces an object and emits ADDED or MODIFIED. uid and creationTimestamp are
   * taken from the object on create when present (deterministic fixtures), kept on replace.
   */
  apply(object: KubeObject): KubeObject {
    const collection = this.collectionFor(object['apiVersion'], object['kind']);
    const { resource } = collection;
    const copy = JSON.parse(JSON.stringify(object)) as KubeObject;
    const { kind, apiVersion, metadata: rawMetadata, ...rest } = copy;
    const metadata = isRecord(rawMetadata) ? rawMetadata : {};
    const name = metadata['name'];
    if (typeof name !== 'string' || name === '') {
      throw new Error(`FakeKubeApi: ${String(kind)} needs metadata.name`);
    }
    const { namespace: givenNamespace, ...otherMetadata } = metadata;
    const namespace = resource.namespaced ? (nonEmpty(givenNamespace) ?? 'default') : undefined;
    const key = storageKey(namespace, name);
    const existing = collection.objects.get(key);
    const previous = existing ? (existing.object['metadata'] as KubeObject) : otherMetadata;
    this.rv += 1;
    const stored: KubeObject = {
      kind,
      apiVersion,
      metadata: {
        ...otherMetadata,
        name,
        ...(namespace === undefined ? {} : { namespace }),
        uid: nonEmpty(previous['uid']) ?? randomUUID(),
        resourceVersion: String(this.rv),
        creationTimestamp: nonEmpty(previous['creationTimestamp']) ?? kubeTimestamp(new Date()),
      },
      ...rest,
    };
    const entry: StoredObject = { key, namespace, object: stored, json: JSON.stringify(stored) };
    collection.objects.set(key, entry);
    collection.sorted = undefined;
    this.record(collection, namespace, existing ? 'MODIFIED' : 'ADDED', entry.json);
    return JSON.parse(entry.json) as KubeObject;
  }

  /** Deletes an object and emits DELETED carrying a new resourceVersion; false when absent. */
  remove(apiVersion: string, kind: string, namespace: string | undefined, name: string): boolean {
    const collection = this.collectionFor(apiVersion, kind);
    const ns = collection.resource.namespaced ? (nonEmpty(namespace) ?? 'default') : undefined;
    const key = storageKey(ns, name);
    const entry = collection.objects.get(key);
    if (!entry) return false;
    collection.objects.delete(key);
    collection.sorted = undefined;
    this.rv += 1;
    const metadata = entry.object['metadata'] as KubeObject;
    const deleted = {
      ...entry.object,
      metadata: { ...metadata, resourceVersion: String(this.rv) },
    };
    this.record(collection, ns, 'DELETED', JSON.stringify(deleted));
    return true;
  }

  /** Copies of the stored objects of one kind, in list order. */
  objects(apiVersion: string, kind: string): KubeObject[] {
    const collection = this.collectionFor(apiVersion, kind);
    return this.sortedObjects(collection, undefined).map((o) => JSON.parse(o.json) as KubeObject);
  }

  /** Copies of every stored object of every kind. */
  allObjects(): KubeObject[] {
    return [...this.collections.values()].flatMap((c) =>
      this.sortedObjects(c, undefined).map((o) => JSON.parse(o.json) as KubeObject),
    );
  }

  /** Forgets event history and continue tokens, like an etcd compaction at the current revision. */
  compact(): void {
    this.history = [];
    this.historyFloor = this.rv;
    this.snapshots.clear();
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
    const [root, ...rest] = path.split('/').filter(Boolean).map(decodeURIComponent);
    if (root === 'api') {
      if (rest.length === 0)
        return sendJson(res, 200, JSON.stringify(apiVersions(new URL(this.url).host)));
      const [version, ...more] = rest;
      return this.serveGroupVersion(res, '', version ?? '', more, query);
    }
    if (root === 'apis') {
      const [group, version, ...more] = rest;
      if (group === undefined)
        return sendJson(res, 200, JSON.stringify(apiGroupList(this.resources)));
      if (version === undefined) return sendDocument(res, apiGroup(this.resources, group));
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
    if (rest.length === 0)
      return sendDocument(res, apiResourceList(this.resources, group, version));
    const target = resolveResourcePath(this.resources, group, version, rest);
    if (!target) return sendStatus(res, kubeStatus(404, 'NotFound', NOT_FOUND_MESSAGE));
    const watch = query['watch'] === 'true' || query['watch'] === '1';
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
    const collection = this.collections.get(target.resource)!;
    const entry = collection.objects.get(storageKey(target.namespace, name));
    if (entry) return sendJson(res, 200, entry.json);
    const { resource } = target.resource;
    const message = `${resource} "${name}" not found`;
    sendStatus(res, kubeStatus(404, 'NotFound', message, { name, kind: resource }));
  }

  private list(res: ServerResponse, target: ResourcePath, query: Record<string, string>): void {
    const collection = this.collections.get(target.resource)!;
    const limit = nonEmpty(query['limit']) === undefined ? 0 : Number(query['limit']);
    if (!Number.isInteger(limit) || limit < 0) {
      return sendStatus(res, kubeStatus(400, 'BadRequest', `invalid limit: ${query['limit']}`));
    }
    let snapshot: ListSnapshot;
    let snapshotId: number;
    let offset = 0;
    const token = nonEmpty(query['continue']);
    if (token !== undefined) {
      const position = decodeContinue(token);
      if (!position) {
        return sendStatus(res, kubeStatus(400, 'BadRequest', `continue key is not valid`));
      }
      const found = this.snapshots.get(position.id);
      if (!found) {
        const message =
          'The provided continue parameter is too old to display a consistent list result. ' +
          'You can start a new list without the continue parameter.';
        return sendStatus(res, kubeStatus(410, 'Expired', message));
      }
      if (found.collection !== collection || found.namespace !== target.namespace) {
        const message = 'continue key does not belong to this collection';
        return sendStatus(res, kubeStatus(400, 'BadRequest', message));
      }
      [snapshot, snapshotId, offset] = [found, position.id, position.offset];
    } else {
      const items = this.sortedObjects(collection, target.namespace);
      snapshot = { collection, namespace: target.namespace, rv: this.rv, items };
      snapshotId = 0;
    }
    const end = limit > 0 ? Math.min(offset + limit, snapshot.items.length) : snapshot.items.length;
    const remaining = snapshot.items.length - end;
    const metadata: KubeObject = { resourceVersion: String(snapshot.rv) };
    if (remaining > 0) {
      if (snapshotId === 0) snapshotId = this.keepSnapshot(snapshot);
      metadata['continue'] = encodeContinue(snapshot.rv, snapshotId, end);
      metadata['remainingItemCount'] = remaining;
    }
    const { resource } = collection;
    const typed = isTypedResource(resource);
    const items = snapshot.items.slice(offset, end).map((o) => listItemJson(o, typed));
    const head = {
      kind: `${resource.kind}List`,
      apiVersion: apiVersionOf(resource),
      metadata,
    };
    sendJson(res, 200, `${JSON.stringify(head).slice(0, -1)},"items":[${items.join(',')}]}`);
  }

  private watch(res: ServerResponse, target: ResourcePath, query: Record<string, string>): void {
    const collection = this.collections.get(target.resource)!;
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
    if (from !== undefined && from < this.historyFloor) {
      // The real server has already committed to 200 by now, so expiry travels as an event.
      const message = `too old resource version: ${from} (${this.historyFloor})`;
      res.end(eventLine('ERROR', JSON.stringify(kubeStatus(410, 'Expired', message))));
      return;
    }
    const watch: OpenWatch = { collection, namespace: target.namespace, res, timers: [] };
    this.watches.add(watch);
    res.on('close', () => this.forgetWatch(watch));
    const lines: string[] = [];
    if (from === undefined || initialEvents) {
      for (const o of this.sortedObjects(collection, target.namespace)) {
        lines.push(eventLine('ADDED', o.json));
      }
    } else {
      for (let i = this.firstEventAfter(from); i < this.history.length; i++) {
        const event = this.history[i]!;
        if (matches(watch, event.collection, event.namespace)) lines.push(event.line);
      }
    }
    if (initialEvents && bookmarks) {
      lines.push(bookmarkLine(collection.resource, this.rv, true));
    }
    writeBatched(res, lines);
    if (bookmarks) {
      const bookmark = () => write(res, bookmarkLine(collection.resource, this.rv, false));
      watch.timers.push(setInterval(bookmark, this.bookmarkIntervalMs).unref());
    }
    if (timeoutSeconds > 0) {
      watch.timers.push(setTimeout(() => this.endWatch(watch), timeoutSeconds * 1000).unref());
    }
  }

  private record(
    collection: Collection,
    namespace: string | undefined,
    type: 'ADDED' | 'MODIFIED' | 'DELETED',
    json: string,
  ): void {
    const line = eventLine(type, json);
    this.history.push({ rv: this.rv, collection, namespace, line });
    if (this.history.length > HISTORY_LIMIT + HISTORY_SLACK) {
      const dropped = this.history.length - HISTORY_LIMIT;
      this.historyFloor = this.history[dropped - 1]!.rv;
      this.history = this.history.slice(dropped);
    }
    for (const watch of this.watches) {
      if (matches(watch, collection, namespace)) write(watch.res, line);
    }
  }

  private firstEventAfter(rv: number): number {
    let [low, high] = [0, this.history.length];
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.history[mid]!.rv <= rv) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  private sortedObjects(collection: Collection, namespace: string | undefined): StoredObject[] {
    collection.sorted ??= [...collection.objects.values()].sort((a, b) =>
      a.key < b.key ? -1 : a.key > b.key ? 1 : 0,
    );
    // Shared without copying: writes replace `sorted` instead of mutating it, so snapshots holding
    // the old array keep seeing the old state.
    const all = collection.sorted;
    return namespace === undefined ? all : all.filter((o) => o.namespace === namespace);
  }

  private keepSnapshot(snapshot: ListSnapshot): number {
    const id = this.nextSnapshotId++;
    this.snapshots.set(id, snapshot);
    for (const oldest of this.snapshots.keys()) {
      if (this.snapshots.size <= SNAPSHOT_LIMIT) break;
      this.snapshots.delete(oldest);
    }
    return id;
  }

  private collectionFor(apiVersion: unknown, kind: unknown): Collection {
    const resource = this.resources.find((r) => apiVersionOf(r) === apiVersion && r.kind === kind);
    if (!resource) {
      throw new Error(
        `FakeKubeApi: no resource registered for ${String(apiVersion)} ${String(kind)}`,
      );
    }
    return this.collections.get(resource)!;
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

function listItemJson(entry: StoredObject, typed: boolean): string {
  if (!typed) return entry.json;
  if (entry.itemJson === undefined) {
    const item = { ...entry.object };
    delete item['kind'];
    delete item['apiVersion'];
    entry.itemJson = JSON.stringify(item);
  }
  return entry.itemJson;
}

function eventLine(type: string, objectJson: string): string {
  return `{"type":"${type}","object":${objectJson}}\n`;
}

function bookmarkLine(resource: FakeResource, rv: number, initialEventsEnd: boolean): string {
  const metadata = {
    resourceVersion: String(rv),
    ...(initialEventsEnd ? { annotations: { 'k8s.io/initial-events-end': 'true' } } : {}),
  };
  const object = { kind: resource.kind, apiVersion: apiVersionOf(resource), metadata };
  return eventLine('BOOKMARK', JSON.stringify(object));
}

function write(res: ServerResponse, chunk: string): void {
  if (!res.writableEnded && !res.destroyed) res.write(chunk);
}

function writeBatched(res: ServerResponse, lines: readonly string[]): void {
  let batch: string[] = [];
  let size = 0;
  for (const line of lines) {
    batch.push(line);
    size += line.length;
    if (size >= WRITE_BATCH_BYTES) {
      write(res, batch.join(''));
      [batch, size] = [[], 0];
    }
  }
  if (batch.length > 0) write(res, batch.join(''));
}

function sendJson(res: ServerResponse, code: number, body: string): void {
  res.writeHead(code, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(body),
  });
  res.end(body);
}

function sendStatus(res: ServerResponse, status: KubeStatus): void {
  sendJson(res, status.code, JSON.stringify(status));
}

function sendDocument(res: ServerResponse, document: KubeObject | undefined): void {
  if (document) return sendJson(res, 200, JSON.stringify(document));
  sendStatus(res, kubeStatus(404, 'NotFound', NOT_FOUND_MESSAGE));
}

// Same shape as the real token (base64 of {v, rv, start}) so logs look familiar; opaque to clients.
function encodeContinue(rv: number, id: number, offset: number): string {
  return Buffer.from(JSON.stringify({ v: 'meta.k8s.io/v1', rv, id, start: offset })).toString(
    'base64url',
  );
}

function decodeContinue(token: string): { id: number; offset: number } | undefined {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (!isRecord(parsed)) return undefined;
    const { id, start } = parsed;
    return Number.isInteger(id) && Number.isInteger(start) && (start as number) >= 0
      ? { id: id as number, offset: start as number }
      : undefined;
  } catch {
    return undefined;
  }
}

function storageKey(namespace: string | undefined, name: string): string {
  return namespace === undefined ? name : `${namespace}/${name}`;
}

/** RFC 3339 with second precision, as metav1.Time serializes. */
function kubeTimestamp(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function isRecord(value: unknown): value is KubeObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
