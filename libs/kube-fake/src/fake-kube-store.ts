import { randomUUID } from 'node:crypto';
import {
  apiVersionOf,
  type FakeResource,
  isTypedResource,
  kubeStatus,
  type KubeStatus,
} from './fake-kube-resources';
import { eventLine, isRecord, type KubeObject, nonEmpty } from './fake-kube-wire';

/** A stored object, serialized once for GETs and watch events. */
export interface StoredObject {
  /** The etcd key below the resource prefix (`ns/name` or `name`); lists are in its byte order. */
  key: string;
  namespace: string | undefined;
  object: KubeObject;
  /** Serialized with kind/apiVersion, as single GETs and watch events carry them. */
  json: string;
  /** Serialized as a list item; built lazily because only lists need it. */
  itemJson?: string;
}

/** The objects of one resource type. */
export interface Collection {
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

/** One page of a list: its metadata and its items as JSON, or the Status to answer instead. */
export type ListPage =
  { ok: true; metadata: KubeObject; items: string[] } | { ok: false; status: KubeStatus };

/** Called for every write, with the watch event line it produces. */
export type StoreListener = (
  collection: Collection,
  namespace: string | undefined,
  line: string,
) => void;

const HISTORY_LIMIT = 10_000;
// Trimming in batches keeps apply() O(1) amortised instead of shifting 10k entries every time.
const HISTORY_SLACK = 1_000;
// Abandoned paginated lists must not pin memory forever; the oldest are dropped, as compaction would.
const SNAPSHOT_LIMIT = 100;

/**
 * The fake API server's etcd: objects per resource type under one global revision, the event
 * history watches replay from, and the list snapshots continue tokens point at.
 */
export class FakeKubeStore {
  readonly resources: FakeResource[] = [];
  private readonly collections = new Map<FakeResource, Collection>();
  private rv = 0;
  private history: HistoryEvent[] = [];
  private floor = 0;
  private readonly snapshots = new Map<number, ListSnapshot>();
  private nextSnapshotId = 1;

  constructor(private readonly listener: StoreListener) {}

  /** The current global resourceVersion, shared by all kinds like etcd's revision. */
  get revision(): number {
    return this.rv;
  }

  /** Every event with a resourceVersion above this one can still be replayed. */
  get historyFloor(): number {
    return this.floor;
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

  /** See {@link FakeKubeApi.apply}. */
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

  /** See {@link FakeKubeApi.remove}. */
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

  /** Copies of the stored objects of one kind (or of every kind), in list order. */
  copies(apiVersion?: string, kind?: string): KubeObject[] {
    const collections =
      apiVersion === undefined
        ? [...this.collections.values()]
        : [this.collectionFor(apiVersion, kind)];
    return collections.flatMap((c) =>
      this.sortedObjects(c, undefined).map((o) => JSON.parse(o.json) as KubeObject),
    );
  }

  /** Forgets event history and continue tokens, like an etcd compaction at the current revision. */
  compact(): void {
    this.history = [];
    this.floor = this.rv;
    this.snapshots.clear();
  }

  /** The collection of a served resource. */
  collection(resource: FakeResource): Collection {
    return this.collections.get(resource)!;
  }

  /** One object, or undefined. */
  find(
    collection: Collection,
    namespace: string | undefined,
    name: string,
  ): StoredObject | undefined {
    return collection.objects.get(storageKey(namespace, name));
  }

  /** The objects of a collection (of one namespace when given) in etcd key order. */
  sortedObjects(collection: Collection, namespace: string | undefined): StoredObject[] {
    collection.sorted ??= [...collection.objects.values()].sort((a, b) =>
      a.key < b.key ? -1 : a.key > b.key ? 1 : 0,
    );
    // Shared without copying: writes replace `sorted` instead of mutating it, so snapshots holding
    // the old array keep seeing the old state.
    const all = collection.sorted;
    return namespace === undefined ? all : all.filter((o) => o.namespace === namespace);
  }

  /** The event lines after `rv` for which `wanted` holds, oldest first. */
  eventsAfter(
    rv: number,
    wanted: (collection: Collection, namespace: string | undefined) => boolean,
  ): string[] {
    let [low, high] = [0, this.history.length];
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.history[mid]!.rv <= rv) low = mid + 1;
      else high = mid;
    }
    return this.history
      .slice(low)
      .flatMap((e) => (wanted(e.collection, e.namespace) ? [e.line] : []));
  }

  /**
   * A page of at most `limit` items (0: all) from the start or from a continue token, every page
   * as of the revision of the first, as the real server's etcd snapshot reads are.
   */
  page(
    collection: Collection,
    namespace: string | undefined,
    limit: number,
    token?: string,
  ): ListPage {
    let snapshot: ListSnapshot;
    let snapshotId = 0;
    let offset = 0;
    if (token !== undefined) {
      const position = decodeContinue(token);
      if (!position) return failed(400, 'BadRequest', 'continue key is not valid');
      const found = this.snapshots.get(position.id);
      if (!found) {
        const message =
          'The provided continue parameter is too old to display a consistent list result. ' +
          'You can start a new list without the continue parameter.';
        return failed(410, 'Expired', message);
      }
      if (found.collection !== collection || found.namespace !== namespace) {
        return failed(400, 'BadRequest', 'continue key does not belong to this collection');
      }
      [snapshot, snapshotId, offset] = [found, position.id, position.offset];
    } else {
      const items = this.sortedObjects(collection, namespace);
      snapshot = { collection, namespace, rv: this.rv, items };
    }
    const end = limit > 0 ? Math.min(offset + limit, snapshot.items.length) : snapshot.items.length;
    const remaining = snapshot.items.length - end;
    const metadata: KubeObject = { resourceVersion: String(snapshot.rv) };
    if (remaining > 0) {
      if (snapshotId === 0) snapshotId = this.keepSnapshot(snapshot);
      metadata['continue'] = encodeContinue(snapshot.rv, snapshotId, end);
      metadata['remainingItemCount'] = remaining;
    }
    const typed = isTypedResource(collection.resource);
    const items = snapshot.items.slice(offset, end).map((o) => listItemJson(o, typed));
    return { ok: true, metadata, items };
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
      this.floor = this.history[dropped - 1]!.rv;
      this.history = this.history.slice(dropped);
    }
    this.listener(collection, namespace, line);
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
}

function failed(code: number, reason: string, message: string): ListPage {
  return { ok: false, status: kubeStatus(code, reason, message) };
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
