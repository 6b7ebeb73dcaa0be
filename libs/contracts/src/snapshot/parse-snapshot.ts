import { inventorySnapshotSchema, type InventorySnapshot } from './snapshot.schema';

/** One reason a value is not a valid snapshot: the field path (`pods[3].ports[0].port`) and why. */
export interface SnapshotIssue {
  readonly path: string;
  readonly message: string;
}

export type ParseSnapshotResult =
  | { readonly ok: true; readonly snapshot: InventorySnapshot }
  | { readonly ok: false; readonly issues: readonly SnapshotIssue[] };

/**
 * Validates an untrusted value (a pushed body, a file) against the snapshot schema. Never
 * throws: every problem comes back as an issue with its field path.
 *
 * @example parseSnapshot(JSON.parse(text)).ok
 */
export function parseSnapshot(value: unknown): ParseSnapshotResult {
  const result = inventorySnapshotSchema.safeParse(value);
  if (result.success) return { ok: true, snapshot: result.data };
  return {
    ok: false,
    issues: result.error.issues.map((issue) => ({
      path: formatPath(issue.path),
      message: issue.message,
    })),
  };
}

/**
 * Whether a decoded document claims to be a Fenceline snapshot (of any version), so that loaders
 * validate it as one instead of treating it as a Kubernetes object.
 *
 * @example isSnapshotDocument({ apiVersion: 'fenceline.dev/v1alpha1', kind: 'InventorySnapshot' }) // true
 */
export function isSnapshotDocument(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const { kind, apiVersion } = value as { kind?: unknown; apiVersion?: unknown };
  return (
    kind === 'InventorySnapshot' &&
    typeof apiVersion === 'string' &&
    apiVersion.startsWith('fenceline.dev/')
  );
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** Renders a zod path as `pods[3].labels["app.kubernetes.io/name"]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (typeof segment === 'string' && IDENTIFIER.test(segment))
      out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(String(segment))}]`;
  }
  return out;
}
