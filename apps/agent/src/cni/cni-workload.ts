/** A container of a {@link CniWorkload}: what CNI detection reads of it. */
export interface CniContainer {
  readonly name: string;
  /** The image reference as written, '' when absent. */
  readonly image: string;
  /** The container's argv as far as the spec states it: `command` followed by `args`. */
  readonly args: readonly string[];
  /** Literal `value` env entries only; `valueFrom` entries are not resolvable here and are dropped. */
  readonly env: Readonly<Record<string, string>>;
}

/** What the agent keeps of a DaemonSet or Deployment (raw Kubernetes JSON → this via {@link cniWorkloadOf}). */
export interface CniWorkload {
  readonly kind: 'DaemonSet' | 'Deployment';
  /** '' when the object carries none (the API server always sets it). */
  readonly namespace: string;
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  /** `spec.template.spec.containers` followed by `initContainers`. */
  readonly containers: readonly CniContainer[];
}

export type CniWorkloadKind = CniWorkload['kind'];

type RawObject = Readonly<Record<string, unknown>>;

/**
 * Reads an apps/v1 DaemonSet or Deployment as the API server returns it. List items lack
 * `kind`, so the caller may pass it; an object's own `kind` wins. Never throws: returns
 * undefined for anything that is not a named DaemonSet or Deployment and skips malformed parts.
 * See https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/daemon-set-v1/
 *
 * @example cniWorkloadOf({ metadata: { namespace: 'kube-system', name: 'cilium' }, spec: {} }, 'DaemonSet')
 * // { kind: 'DaemonSet', namespace: 'kube-system', name: 'cilium', labels: {}, containers: [] }
 */
export function cniWorkloadOf(object: unknown, kind?: CniWorkloadKind): CniWorkload | undefined {
  const raw = asObject(object);
  if (!raw) return undefined;
  const workloadKind = kindOf(raw['kind'], kind);
  const metadata = asObject(raw['metadata']);
  const name = metadata?.['name'];
  if (!workloadKind || typeof name !== 'string' || name === '') return undefined;
  const namespace = metadata?.['namespace'];
  const podSpec = asObject(asObject(asObject(raw['spec'])?.['template'])?.['spec']);
  return {
    kind: workloadKind,
    namespace: typeof namespace === 'string' ? namespace : '',
    name,
    labels: stringMap(metadata?.['labels']),
    containers: [
      ...containersOf(podSpec?.['containers']),
      ...containersOf(podSpec?.['initContainers']),
    ],
  };
}

function kindOf(own: unknown, given: CniWorkloadKind | undefined): CniWorkloadKind | undefined {
  if (own === undefined || own === null || own === '') return given;
  return own === 'DaemonSet' || own === 'Deployment' ? own : undefined;
}

function containersOf(value: unknown): CniContainer[] {
  if (!Array.isArray(value)) return [];
  const containers: CniContainer[] = [];
  for (const item of value) {
    const raw = asObject(item);
    const name = raw?.['name'];
    if (!raw || typeof name !== 'string') continue;
    const image = raw['image'];
    containers.push({
      name,
      image: typeof image === 'string' ? image : '',
      args: [...strings(raw['command']), ...strings(raw['args'])],
      env: literalEnv(raw['env']),
    });
  }
  return containers;
}

// Object.fromEntries defines own properties, so a key such as `__proto__` stays plain data.
function literalEnv(value: unknown): Record<string, string> {
  if (!Array.isArray(value)) return {};
  const entries: [string, string][] = [];
  for (const item of value) {
    const entry = asObject(item);
    const name = entry?.['name'];
    const literal = entry?.['value'];
    if (typeof name === 'string' && typeof literal === 'string') entries.push([name, literal]);
  }
  return Object.fromEntries(entries);
}

function stringMap(value: unknown): Record<string, string> {
  const entries = Object.entries(asObject(value) ?? {});
  return Object.fromEntries(
    entries.filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}

function strings(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((item): item is string => typeof item === 'string')
    : [];
}

function asObject(value: unknown): RawObject | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as RawObject)
    : undefined;
}
