type Raw = Record<string, unknown>;

/**
 * The agent's view of the cluster: the slim objects of each resource, keyed by namespace/name.
 * `revision` moves only when something the snapshot reads changed, so a pod's status heartbeat
 * (conditions, restarts) never triggers a push.
 */
export class ObjectStore {
  private readonly byResource = new Map<string, Map<string, Raw>>();
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

  upsert(resourceId: string, object: Raw): void {
    const objects = this.objectsOf(resourceId);
    const key = objectKey(object);
    const before = objects.get(key);
    objects.set(key, object);
    if (before === undefined || JSON.stringify(before) !== JSON.stringify(object)) this.changed();
  }

  remove(resourceId: string, object: Raw): void {
    if (this.byResource.get(resourceId)?.delete(objectKey(object))) this.changed();
  }

  /** Replaces a resource's objects after a (re)list; a change only if the content differs. */
  replace(resourceId: string, objects: readonly Raw[]): void {
    const before = this.byResource.get(resourceId);
    const next = new Map(objects.map((o) => [objectKey(o), o]));
    this.byResource.set(resourceId, next);
    if (!before || before.size !== next.size || [...next].some(([key, o]) => !before.has(key) || JSON.stringify(before.get(key)) !== JSON.stringify(o))) {
      this.changed();
    }
  }

  /** Forgets a resource that is no longer served (its CRD was removed). */
  drop(resourceId: string): void {
    const objects = this.byResource.get(resourceId);
    this.byResource.delete(resourceId);
    if (objects && objects.size > 0) this.changed();
  }

  has(resourceId: string): boolean {
    return this.byResource.has(resourceId);
  }

  count(resourceId: string): number {
    return this.byResource.get(resourceId)?.size ?? 0;
  }

  /** Every stored object of the given resources, in a stable order (resource, then key). */
  objects(resourceIds: Iterable<string>): Raw[] {
    const out: Raw[] = [];
    for (const id of resourceIds) {
      const objects = this.byResource.get(id);
      if (!objects) continue;
      for (const key of [...objects.keys()].sort()) out.push(objects.get(key) as Raw);
    }
    return out;
  }

  private objectsOf(resourceId: string): Map<string, Raw> {
    let objects = this.byResource.get(resourceId);
    if (!objects) this.byResource.set(resourceId, (objects = new Map()));
    return objects;
  }

  private changed(): void {
    this.revisionValue++;
    for (const listener of this.listeners) listener();
  }
}

function objectKey(object: Raw): string {
  const metadata = (object['metadata'] ?? {}) as Raw;
  return `${String(metadata['namespace'] ?? '')}/${String(metadata['name'] ?? '')}`;
}
