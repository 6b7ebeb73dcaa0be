/**
 * What the fake Kubernetes API server knows about: the resource types it serves, the discovery
 * documents describing them, and the `Status` bodies it answers errors with.
 */

/** A served resource type, as in an `APIResourceList` entry. */
export interface FakeResource {
  /** API group; `''` is the core group served under `/api`. */
  group: string;
  version: string;
  /** Plural lower-case name used in paths, e.g. `networkpolicies`. */
  resource: string;
  kind: string;
  namespaced: boolean;
  /**
   * A CRD, served unstructured (list items keep kind/apiVersion) even in a `*.k8s.io` group the
   * API reviewers approved (the sig-network policy API). Defaults to what the group suggests.
   */
  crd?: boolean;
}

/** The built-in types the agent reads. */
export const BUILTIN_RESOURCES: FakeResource[] = [
  {
    group: '',
    version: 'v1',
    resource: 'namespaces',
    kind: 'Namespace',
    namespaced: false,
  },
  { group: '', version: 'v1', resource: 'nodes', kind: 'Node', namespaced: false },
  { group: '', version: 'v1', resource: 'pods', kind: 'Pod', namespaced: true },
  {
    group: '',
    version: 'v1',
    resource: 'services',
    kind: 'Service',
    namespaced: true,
  },
  {
    group: 'networking.k8s.io',
    version: 'v1',
    resource: 'networkpolicies',
    kind: 'NetworkPolicy',
    namespaced: true,
  },
  {
    group: 'networking.k8s.io',
    version: 'v1',
    resource: 'ingresses',
    kind: 'Ingress',
    namespaced: true,
  },
  {
    group: 'apps',
    version: 'v1',
    resource: 'daemonsets',
    kind: 'DaemonSet',
    namespaced: true,
  },
  {
    group: 'apps',
    version: 'v1',
    resource: 'deployments',
    kind: 'Deployment',
    namespaced: true,
  },
  {
    group: 'apps',
    version: 'v1',
    resource: 'replicasets',
    kind: 'ReplicaSet',
    namespaced: true,
  },
  { group: 'batch', version: 'v1', resource: 'jobs', kind: 'Job', namespaced: true },
];

/** `v1` for the core group, `group/version` otherwise: the `apiVersion` of objects. */
export function apiVersionOf(resource: Pick<FakeResource, 'group' | 'version'>): string {
  return resource.group === '' ? resource.version : `${resource.group}/${resource.version}`;
}

/**
 * Built-in groups are served from typed Go structs, whose list items lose kind/apiVersion when
 * serialized; CRDs are served as unstructured objects and keep them. Upstream reserves unqualified
 * and `*.k8s.io` group names for built-ins, which is what decides it here.
 */
export function isBuiltinGroup(group: string): boolean {
  return group === '' || !group.includes('.') || group.endsWith('.k8s.io');
}

/** Whether list items of this resource lose kind/apiVersion (typed built-in serialization). */
export function isTypedResource(resource: Pick<FakeResource, 'group' | 'crd'>): boolean {
  return resource.crd === undefined ? isBuiltinGroup(resource.group) : !resource.crd;
}

export interface KubeStatus {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Failure';
  message: string;
  reason: string;
  code: number;
  details?: { name?: string; kind?: string };
}

export function kubeStatus(
  code: number,
  reason: string,
  message: string,
  details?: KubeStatus['details'],
): KubeStatus {
  const status: KubeStatus = {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    code,
  };
  return details ? { ...status, details } : status;
}

export const NOT_FOUND_MESSAGE = 'the server could not find the requested resource';

export const VERSION_INFO = {
  major: '1',
  minor: '31',
  gitVersion: 'v1.31.0-fake',
  gitCommit: '0000000000000000000000000000000000000000',
  gitTreeState: 'clean',
  buildDate: '2024-08-13T07:28:49Z',
  goVersion: 'go1.22.5',
  compiler: 'gc',
  platform: 'linux/amd64',
};

// Only reads are served, so only reads are advertised: a client checking verbs learns the truth.
const VERBS = ['get', 'list', 'watch'];

export function apiVersions(serverAddress: string): Record<string, unknown> {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
  };
}

export function apiResourceList(
  resources: readonly FakeResource[],
  group: string,
  version: string,
): Record<string, unknown> | undefined {
  const served = resources.filter((r) => r.group === group && r.version === version);
  if (served.length === 0) return undefined;
  const groupVersion = apiVersionOf({ group, version });
  return {
    kind: 'APIResourceList',
    // The real server omits apiVersion on the core list only.
    ...(group === '' ? {} : { apiVersion: 'v1' }),
    groupVersion,
    resources: served.map((r) => ({
      name: r.resource,
      singularName: r.kind.toLowerCase(),
      namespaced: r.namespaced,
      kind: r.kind,
      verbs: VERBS,
    })),
  };
}

interface ApiGroupEntry {
  name: string;
  versions: { groupVersion: string; version: string }[];
  preferredVersion: { groupVersion: string; version: string };
}

function apiGroupEntry(
  resources: readonly FakeResource[],
  group: string,
): ApiGroupEntry | undefined {
  const versions = [
    ...new Set(resources.filter((r) => r.group === group).map((r) => r.version)),
  ].sort(compareKubeVersions);
  const preferred = versions[0];
  if (group === '' || preferred === undefined) return undefined;
  const entry = (version: string) => ({
    groupVersion: `${group}/${version}`,
    version,
  });
  return { name: group, versions: versions.map(entry), preferredVersion: entry(preferred) };
}

export function apiGroup(
  resources: readonly FakeResource[],
  group: string,
): Record<string, unknown> | undefined {
  const entry = apiGroupEntry(resources, group);
  return entry && { kind: 'APIGroup', apiVersion: 'v1', ...entry };
}

export function apiGroupList(resources: readonly FakeResource[]): Record<string, unknown> {
  const groups = [...new Set(resources.map((r) => r.group))];
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: groups.flatMap((g) => apiGroupEntry(resources, g) ?? []),
  };
}

/**
 * Kubernetes' version priority: GA before beta before alpha, higher numbers first, anything
 * not shaped like a Kubernetes version last and alphabetically.
 */
export function compareKubeVersions(a: string, b: string): number {
  const rank = (v: string): [number, number, number] | undefined => {
    const m = /^v(\d+)(?:(alpha|beta)(\d+))?$/.exec(v);
    if (!m) return undefined;
    const stability = m[2] === undefined ? 3 : m[2] === 'beta' ? 2 : 1;
    return [stability, Number(m[1]), Number(m[3] ?? 0)];
  };
  const ra = rank(a);
  const rb = rank(b);
  if (!ra || !rb) return ra ? -1 : rb ? 1 : a < b ? -1 : a > b ? 1 : 0;
  for (let i = 0; i < 3; i++) {
    const diff = (rb[i] ?? 0) - (ra[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

/** Which collection or object a request path names. */
export interface ResourcePath {
  resource: FakeResource;
  namespace?: string;
  name?: string;
}

/**
 * Resolves `/api/v1/...` and `/apis/{g}/{v}/...` below the group/version prefix:
 * `{resource}`, `{resource}/{name}`, `namespaces/{ns}/{resource}`, `namespaces/{ns}/{resource}/{name}`.
 * Returns undefined for anything the real server would 404.
 */
export function resolveResourcePath(
  resources: readonly FakeResource[],
  group: string,
  version: string,
  rest: readonly string[],
): ResourcePath | undefined {
  const find = (name: string | undefined) =>
    resources.find((r) => r.group === group && r.version === version && r.resource === name);
  if (rest.length === 1 || rest.length === 2) {
    const resource = find(rest[0]);
    if (!resource || (rest.length === 2 && resource.namespaced)) return undefined;
    return rest.length === 2 ? { resource, name: rest[1] } : { resource };
  }
  if ((rest.length === 3 || rest.length === 4) && rest[0] === 'namespaces') {
    const resource = find(rest[2]);
    if (!resource?.namespaced) return undefined;
    return {
      resource,
      namespace: rest[1],
      ...(rest.length === 4 ? { name: rest[3] } : {}),
    };
  }
  return undefined;
}
