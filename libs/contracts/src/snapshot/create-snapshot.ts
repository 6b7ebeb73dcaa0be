import {
  chainLinksOfPods,
  formatIp,
  NAMESPACE_NAME_LABEL,
  type ClusterPolicy,
  type ControllerLink,
  type Exposure,
  type Inventory,
  type InventoryNode,
  type Pod,
} from '@fenceline/netpol';
import {
  SNAPSHOT_API_VERSION,
  SNAPSHOT_KIND,
  SNAPSHOT_SCHEMA_VERSION,
  type InventorySnapshot,
  type InventorySnapshotV2,
  type SnapshotClusterPolicy,
  type SnapshotController,
  type SnapshotExposure,
  type SnapshotCniObject,
  type SnapshotNode,
  type SnapshotPod,
  type SnapshotSource,
} from './snapshot.schema';

export interface CreateSnapshotOptions {
  /** When the inventory was read; a `Date` is written as an ISO 8601 UTC string. */
  readonly collectedAt: string | Date;
  readonly source: SnapshotSource;
  readonly cluster?: { readonly name?: string };
}

/**
 * The slim, deterministic snapshot of an inventory: every list sorted, label maps with sorted
 * keys, only namespaces that were defined (their implicit `kubernetes.io/metadata.name` label is
 * left out: the engine adds it back). Pods keep their container ports in definition order, since
 * a named port resolves to the first match. Pods keep their own controller as owner; the
 * ReplicaSet/Job links on their owner chains go to `controllers` (links no pod reaches are left
 * out, so old ReplicaSets coming and going do not change the content hash).
 *
 * @example createSnapshot(buildInventory(objects), { collectedAt: new Date(), source: { type: 'manifests' } })
 */
export function createSnapshot(
  inventory: Inventory,
  options: CreateSnapshotOptions,
): InventorySnapshotV2 {
  const collectedAt =
    typeof options.collectedAt === 'string'
      ? options.collectedAt
      : options.collectedAt.toISOString();
  const namespaces = [...inventory.namespaces.values()]
    .filter((ns) => ns.defined)
    .map((ns) => ({
      name: ns.name,
      labels: sortedRecord(
        Object.fromEntries(
          Object.entries(ns.labels).filter(([key]) => key !== NAMESPACE_NAME_LABEL),
        ),
      ),
    }))
    .sort(by(SNAPSHOT_SORT_KEYS.namespaces));
  return {
    apiVersion: SNAPSHOT_API_VERSION,
    kind: SNAPSHOT_KIND,
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    ...(options.cluster ? { cluster: { ...options.cluster } } : {}),
    collectedAt,
    source: options.source,
    namespaces,
    pods: inventory.pods.map(snapshotPod).sort(by(SNAPSHOT_SORT_KEYS.pods)),
    policies: inventory.policies
      .map((p) => ({ namespace: p.namespace, name: p.name, spec: { ...p.spec } }))
      .sort(by(SNAPSHOT_SORT_KEYS.policies)),
    services: inventory.services
      .map((s) => ({
        namespace: s.namespace,
        name: s.name,
        ...(s.selector ? { selector: sortedRecord(s.selector) } : {}),
        ports: s.ports.map((sp) => ({
          ...(sp.name !== undefined ? { name: sp.name } : {}),
          port: sp.port,
          targetPort: sp.targetPort,
          protocol: sp.protocol,
        })),
      }))
      .sort(by(SNAPSHOT_SORT_KEYS.services)),
    exposures: inventory.exposures.map(snapshotExposure).sort(by(SNAPSHOT_SORT_KEYS.exposures)),
    ignoredKinds: sortedRecord(inventory.ignoredKinds),
    controllers: chainLinksOfPods(inventory.pods, inventory.controllers)
      .map(snapshotController)
      .sort(by(SNAPSHOT_SORT_KEYS.controllers)),
    clusterPolicies: inventory.clusterPolicies
      .map(snapshotClusterPolicy)
      .sort(by(SNAPSHOT_SORT_KEYS.clusterPolicies)),
    // Written only when there are nodes: snapshots of clusters whose nodes are unknown (and
    // manifests) keep the content hash they had.
    ...(inventory.nodes.length > 0
      ? { nodes: inventory.nodes.map(snapshotNode).sort(by(SNAPSHOT_SORT_KEYS.nodes)) }
      : {}),
    ...(inventory.cniObjects && inventory.cniObjects.length > 0
      ? {
          cniObjects: inventory.cniObjects
            .map((o) => ({
              apiVersion: o.apiVersion,
              kind: o.kind,
              ...(o.namespace !== undefined ? { namespace: o.namespace } : {}),
              name: o.name,
              labels: sortedRecord(o.labels),
              spec: { ...o.spec },
            }))
            .sort(by(SNAPSHOT_SORT_KEYS.cniObjects)),
        }
      : {}),
  };
}

/**
 * A node as a snapshot writes it: labels with sorted keys, addresses as text in sorted order
 * (a set: the order of `status.addresses` is no change).
 *
 * @example snapshotNode(inventory.nodes[0]) // { name: 'cp-1', labels: { role: 'control-plane' }, addresses: ['10.0.1.1'] }
 */
export function snapshotNode(node: InventoryNode): SnapshotNode {
  return {
    name: node.name,
    labels: sortedRecord(node.labels),
    addresses: node.addresses.map(formatIp).sort(),
  };
}

/**
 * A link as a snapshot writes it (the agent keeps one per ReplicaSet or Job and joins them the
 * way `createSnapshot` does).
 *
 * @example snapshotController(inventory.controllers[0]) // { kind: 'ReplicaSet', namespace: 'shop', name: 'web-5c6d8f', owner: { kind: 'Deployment', name: 'web' } }
 */
export function snapshotController(link: ControllerLink): SnapshotController {
  return {
    kind: link.kind === 'Job' ? 'Job' : 'ReplicaSet',
    namespace: link.namespace,
    name: link.name,
    owner: { kind: link.owner.kind, name: link.owner.name },
  };
}

function snapshotClusterPolicy(policy: ClusterPolicy): SnapshotClusterPolicy {
  return {
    apiVersion: policy.apiVersion,
    kind: policy.kind,
    name: policy.name,
    spec: { ...policy.spec },
  };
}

function snapshotPod(pod: Pod): SnapshotPod {
  // The pod's own controller: the chain above it is in `controllers`.
  const owner = pod.directWorkload ?? pod.workload;
  const bare = !pod.fromTemplate && owner.kind === 'Pod' && owner.name === pod.name;
  return {
    namespace: pod.namespace,
    name: pod.name,
    labels: sortedRecord(pod.labels),
    ips: pod.ips.map(formatIp),
    ...(pod.hostNetwork ? { hostNetwork: true } : {}),
    ports: pod.ports.map((cp) => ({
      ...(cp.name !== undefined ? { name: cp.name } : {}),
      port: cp.port,
      protocol: cp.protocol,
    })),
    ...(bare ? {} : { owner: { kind: owner.kind, name: owner.name } }),
    ...(pod.fromTemplate ? { fromTemplate: true } : {}),
    ...(pod.serviceAccount !== undefined ? { serviceAccount: pod.serviceAccount } : {}),
  };
}

function snapshotExposure(exposure: Exposure): SnapshotExposure {
  return {
    kind: exposure.ref.kind === 'Route' ? 'Route' : 'Ingress',
    namespace: exposure.namespace,
    name: exposure.ref.name,
    service: exposure.service,
    ...(exposure.port ? { port: { kind: exposure.port.kind, value: exposure.port.value } } : {}),
  };
}

function sortedRecord<T>(record: Readonly<Record<string, T>>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const key of Object.keys(record).sort()) out[key] = record[key] as T;
  return out;
}

/**
 * The order of every list of a snapshot, so that a snapshot assembled piece by piece (the agent
 * keeps one entry per object) sorts exactly as `createSnapshot` does.
 */
export const SNAPSHOT_SORT_KEYS = {
  namespaces: (ns: InventorySnapshot['namespaces'][number]): readonly string[] => [ns.name],
  pods: (p: SnapshotPod): readonly string[] => [
    p.namespace,
    p.name,
    p.fromTemplate ? '1' : '0',
    p.owner?.kind ?? '',
  ],
  policies: (p: InventorySnapshot['policies'][number]): readonly string[] => [p.namespace, p.name],
  services: (s: InventorySnapshot['services'][number]): readonly string[] => [s.namespace, s.name],
  exposures: (e: SnapshotExposure): readonly string[] => [
    e.kind,
    e.namespace,
    e.name,
    e.service,
    e.port?.kind ?? '',
    String(e.port?.value ?? ''),
  ],
  controllers: (c: SnapshotController): readonly string[] => [c.kind, c.namespace, c.name],
  clusterPolicies: (p: SnapshotClusterPolicy): readonly string[] => [p.kind, p.name],
  nodes: (n: SnapshotNode): readonly string[] => [n.name],
  cniObjects: (o: SnapshotCniObject): readonly string[] => [
    o.apiVersion,
    o.kind,
    o.namespace ?? '',
    o.name,
  ],
} as const;

/** Compares sort keys element by element in code-unit order, so output never depends on the locale. */
export function compareSortKeys(ka: readonly string[], kb: readonly string[]): number {
  for (let i = 0; i < ka.length; i++) {
    const x = ka[i] as string;
    const y = kb[i] as string;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

function by<T>(keys: (item: T) => readonly string[]): (a: T, b: T) => number {
  return (a, b) => compareSortKeys(keys(a), keys(b));
}
