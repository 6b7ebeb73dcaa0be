/**
 * Identifies a Kubernetes object in messages: kind, namespace (absent for cluster-scoped
 * objects) and name.
 *
 * @example formatObjectRef({ kind: 'NetworkPolicy', namespace: 'shop', name: 'db' }) // 'NetworkPolicy shop/db'
 */
export interface ObjectRef {
  readonly kind: string;
  readonly namespace?: string;
  readonly name: string;
  /** File (and document index) the object came from, when loaded from disk. */
  readonly source?: string;
}

/** Renders an {@link ObjectRef} as `Kind namespace/name`. */
export function formatObjectRef(ref: ObjectRef): string {
  const id = ref.namespace ? `${ref.namespace}/${ref.name}` : ref.name;
  return `${ref.kind} ${id}`;
}
