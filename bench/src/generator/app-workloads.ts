import type { InventorySnapshot, SnapshotExposure, SnapshotPod } from '@fenceline/contracts';
import { apportion } from './apportion';
import type { AppClass, NamespaceLayout } from './layout';
import { workloadPods, type PodContext, type WorkloadDraft } from './workload-pods';

type SnapshotService = InventorySnapshot['services'][number];

/** Deployments sharing one class: the main one, a canary, a next version being tried. */
const DEPLOYMENT_SUFFIXES = ['', '-canary', '-next'] as const;

/**
 * The pods of one namespace's classes. A stateful class is one StatefulSet; a stateless one is
 * one to three Deployments whose pods differ only in labels no selector reads (`version`,
 * `pod-template-hash`), some in the middle of a rollout (two ReplicaSets).
 *
 * @example namespacePods(ctx, layout.namespaces[0]).length
 */
export function namespacePods(ctx: PodContext, ns: NamespaceLayout): SnapshotPod[] {
  return ns.classes.flatMap((c) => classWorkloads(ctx, ns, c).flatMap((w) => workloadPods(ctx, w)));
}

function classWorkloads(ctx: PodContext, ns: NamespaceLayout, c: AppClass): WorkloadDraft[] {
  const { rng } = ctx;
  const base = { namespace: ns.name, ports: c.ports };
  if (c.stateful) {
    const name = c.version ? `${c.app}-${c.version}` : c.app;
    const labels = {
      app: c.app,
      tier: c.tier,
      version: c.version ?? `v${rng.int(9, 16)}.${rng.int(0, 9)}`,
    };
    return [{ ...base, kind: 'StatefulSet', name, labels, replicas: c.pods }];
  }
  const wanted = c.version ? 1 : rng.chance(0.7) ? 1 : rng.chance(0.83) ? 2 : 3;
  const count = Math.max(1, Math.min(wanted, c.pods));
  const replicas = apportion(c.pods, [4, 1, 1].slice(0, count), 1);
  const minor = rng.int(0, 30);
  return replicas.map((n, i) => ({
    ...base,
    kind: 'Deployment',
    name: c.version ? `${c.app}-${c.version}` : `${c.app}${DEPLOYMENT_SUFFIXES[i] ?? `-${i}`}`,
    labels: { app: c.app, tier: c.tier, version: c.version ?? `v1.${minor + i}.${rng.int(0, 9)}` },
    replicas: n,
    replicaSets: rng.chance(0.15) ? 2 : 1,
  }));
}

/**
 * One Service per app (workers have none) selecting `app`, with named target ports; and an
 * Ingress for every frontend outside dev namespaces.
 */
export function namespaceServices(ns: NamespaceLayout): {
  services: SnapshotService[];
  exposures: SnapshotExposure[];
} {
  const services: SnapshotService[] = [];
  const exposures: SnapshotExposure[] = [];
  const seen = new Set<string>();
  for (const c of ns.classes) {
    if (c.tier === 'worker' || seen.has(c.app)) continue;
    seen.add(c.app);
    const ports = c.ports
      .filter((p) => p.name !== 'metrics' && p.protocol === 'TCP')
      .map((p) => ({
        name: p.name,
        port: p.name === 'http' ? 80 : p.port,
        targetPort: p.name,
        protocol: p.protocol,
      }));
    services.push({ namespace: ns.name, name: c.app, selector: { app: c.app }, ports });
    if (c.tier === 'frontend' && ns.env !== 'dev') {
      exposures.push({
        kind: 'Ingress',
        namespace: ns.name,
        name: c.app,
        service: c.app,
        port: { kind: 'servicePort', value: 80 },
      });
    }
  }
  return { services, exposures };
}
