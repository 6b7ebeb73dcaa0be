import type { InventorySnapshot } from '@fenceline/contracts';
import { namespacePods, namespaceServices } from './app-workloads';
import type { ClusterSpec } from './cluster-spec';
import { IpAllocator } from './ip-allocator';
import { planLayout } from './layout';
import { namespacePolicies } from './namespace-policies';
import { generateCalicoObjects } from './calico-policies';
import { generateClusterPolicies } from './cluster-policies';
import { Random } from './random';
import { SYSTEM_NAMESPACES, systemPods, systemPolicies } from './system-namespaces';
import { sorted, type PodContext } from './workload-pods';

/** Fixed, so that the same seed gives byte-identical snapshots. */
const COLLECTED_AT = '2026-01-01T00:00:00.000Z';

/**
 * A synthetic cluster shaped like real ones, as the snapshot a cluster agent would push: exactly
 * `spec.pods` running pods, `spec.policies` NetworkPolicies and `spec.namespaces` namespaces.
 * Deterministic: the same spec and seed give the same snapshot, byte for byte.
 *
 * @example generateCluster(WORKLOADS.W1, WORKLOADS.W1.seed).pods.length // 2000
 */
export function generateCluster(spec: ClusterSpec, seed: number): InventorySnapshot {
  const rng = new Random(seed);
  const layout = planLayout(spec, rng.fork());
  const podContext: PodContext = {
    rng: rng.fork(),
    ips: new IpAllocator(spec.pods, rng.fork()),
    podNames: new Map(),
  };
  const policyContext = { rng: rng.fork(), layout };

  const pods = systemPods(podContext, spec.pods);
  const policies = systemPolicies();
  const services: InventorySnapshot['services'] = [];
  const exposures: InventorySnapshot['exposures'] = [];
  for (const ns of layout.namespaces) {
    pods.push(...namespacePods(podContext, ns));
    policies.push(...namespacePolicies(policyContext, ns));
    const exposed = namespaceServices(ns);
    services.push(...exposed.services);
    exposures.push(...exposed.exposures);
  }
  const namespaces = [
    ...SYSTEM_NAMESPACES.map((ns) => ({ name: ns.name, labels: sorted(ns.labels) })),
    ...layout.namespaces.map((ns) => ({
      name: ns.name,
      labels: sorted({ team: ns.team, env: ns.env, tier: ns.tier }),
    })),
  ];

  // Drawn last, from its own stream, so that W1–W5 stay byte-identical.
  const clusterPolicies =
    spec.clusterPolicies > 0
      ? generateClusterPolicies(layout, rng.fork(), spec.clusterPolicies, 5, 40)
      : [];
  const byName = (a: { namespace: string; name: string }, b: { namespace: string; name: string }) =>
    compare(a.namespace, b.namespace) || compare(a.name, b.name);
  const base = {
    apiVersion: 'fenceline.dev/v1alpha1' as const,
    kind: 'InventorySnapshot' as const,
    cluster: { name: `bench-${spec.id.toLowerCase()}` },
    collectedAt: COLLECTED_AT,
    source: {
      type: 'cluster' as const,
      agentVersion: 'bench-generator',
      cni: { name: 'calico', enforcesNetworkPolicy: true },
    },
    namespaces: namespaces.sort((a, b) => compare(a.name, b.name)),
    pods: pods.sort(byName),
    policies: policies.sort(byName),
    services: services.sort(byName),
    exposures: exposures.sort(byName),
    // Every namespace has its `kube-root-ca.crt` ConfigMap; the agent counts what it skips.
    ignoredKinds: { 'v1/ConfigMap': spec.namespaces },
  };
  const cniObjects = spec.calico ? generateCalicoObjects(layout, rng.fork(), spec.calico) : [];
  if (clusterPolicies.length === 0 && cniObjects.length === 0) return { ...base, schemaVersion: 1 };
  return {
    ...base,
    schemaVersion: 2,
    controllers: [],
    clusterPolicies: clusterPolicies.sort(
      (a, b) => compare(a.kind, b.kind) || compare(a.name, b.name),
    ),
    ...(cniObjects.length > 0 ? { cniObjects } : {}),
  };
}

/** Code-unit order, as the snapshot writer sorts: never locale-dependent. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
