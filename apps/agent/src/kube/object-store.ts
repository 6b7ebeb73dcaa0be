/** A stored value knows its fingerprint: equal fingerprints mean nothing the snapshot reads changed. */
export interface Fingerprinted {
  readonly fingerprint: string;
}

/**
 * The agent's view of the cluster: per resource, one value per object (keyed namespace/name).
 * `revision` moves only when a fingerprint changes, so a pod's status heartbeat (conditions,
 * restarts) never triggers a push.
 */
export class ObjectStore<V extends Fingerprinted> {
  private readonly byResource = new Map<string, Map<string, V>>();
  private revisionValue = 0;
  private readonly listeners = new Set<() => void>();

  get revision(): number {
    return this.revisionValue;
  }

  /** Calls `listener` after every change; returns the unsubscribe function. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  upsert(resourceId: string, key: string, value: V): void {
    const values = this.valuesOf(resourceId);
    const before = values.get(key);
    values.set(key, value);
    if (before === undefined || before.fingerprint !== value.fingerprint) this.changed();
  }

  remove(resourceId: string, key: string): void {
    if (this.byResource.get(resourceId)?.delete(key)) this.changed();
  }

  /** Replaces a resource's values after a (re)list; a change only if the content differs. */
  replace(resourceId: string, entries: readonly (readonly [string, V])[]): void {
    const before = this.byResource.get(resourceId);
    const next = new Map(entries);
    this.byResource.set(resourceId, next);
    if (
      !before ||
      before.size !== next.size ||
      [...next].some(([key, v]) => before.get(key)?.fingerprint !== v.fingerprint)
    )
      this.changed();
  }

  /** Forgets a resource that is no longer served (its CRD was removed). */
  drop(resourceId: string): void {
    const values = this.byResource.get(resourceId);
    this.byResource.delete(resourceId);
    if (values && values.size > 0) this.changed();
  }

  has(resourceId: string): boolean {
    return this.byResource.has(resourceId);
  }

  count(resourceId: string): number {
    return this.byResource.get(resourceId)?.size ?? 0;
  }

  /** Every stored value of the given resources, in a stable order (resource, then key). */
  values(resourceIds: Iterable<string>): V[] {
    const out: V[] = [];
    for (const id of resourceIds) {
      const values = this.byResource.get(id);
      if (!values) continue;
      for (const key of [...values.keys()].sort()) out.push(values.get(key) as V);
    }
    return out;
  }

  private valuesOf(resourceId: string): Map<string, V> {
    let values = this.byResource.get(resourceId);
    if (!values) this.byResource.set(resourceId, (values = new Map()));
    return values;
  }

  private changed(): void {
    this.revisionValue++;
    for (const listener of this.listeners) listener();
  }
}

/**
 * The store key of a raw object: `namespace/name` (`/name` for cluster-scoped objects), joined
 * into one flat string: a template literal would keep a concatenation node and its own copy of
 * `namespace/` for as long as the object is stored.
 */
export function objectKey(object: Record<string, unknown>): string {
  const metadata = (object['metadata'] ?? {}) as Record<string, unknown>;
  return [String(metadata['namespace'] ?? ''), String(metadata['name'] ?? '')].join('/');
}
