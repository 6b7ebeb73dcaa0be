import type { SnapshotPod } from '@fenceline/contracts';
import { apportion } from './apportion';
import type { IpAllocator } from './ip-allocator';
import type { Random } from './random';
import type { PortSpec } from './vocabulary';

/** What the generator needs to place pods: randomness, addresses and the names taken so far. */
export interface PodContext {
  readonly rng: Random;
  readonly ips: IpAllocator;
  /** Pod names per namespace, to keep random suffixes unique. */
  readonly podNames: Map<string, Set<string>>;
}

export interface WorkloadDraft {
  readonly kind: 'Deployment' | 'StatefulSet';
  readonly namespace: string;
  readonly name: string;
  /** Template labels; the controller adds its hash labels on top. */
  readonly labels: Readonly<Record<string, string>>;
  readonly ports: readonly PortSpec[];
  readonly replicas: number;
  /** ReplicaSets of a Deployment: two while a rollout is in progress. */
  readonly replicaSets?: number;
}

/**
 * The running pods of a Deployment (owned by its ReplicaSets `<deploy>-<hash>`, labelled with
 * `pod-template-hash`) or of a StatefulSet (`<sts>-<ordinal>`, with `controller-revision-hash`
 * and `statefulset.kubernetes.io/pod-name`), as a cluster agent reports them.
 *
 * @example workloadPods(ctx, { kind: 'StatefulSet', namespace: 'a', name: 'pg', labels: {}, ports: [], replicas: 2 }).map((p) => p.name) // ['pg-0', 'pg-1']
 */
export function workloadPods(ctx: PodContext, draft: WorkloadDraft): SnapshotPod[] {
  const ports = draft.ports.map((p) => ({ name: p.name, port: p.port, protocol: p.protocol }));
  const pod = (name: string, labels: Record<string, string>, owner: string): SnapshotPod => ({
    namespace: draft.namespace,
    name,
    labels: sorted(labels),
    ips: [ctx.ips.next()],
    ports,
    owner: { kind: draft.kind === 'Deployment' ? 'ReplicaSet' : 'StatefulSet', name: owner },
  });
  if (draft.kind === 'StatefulSet') {
    const revision = `${draft.name}-${ctx.rng.token(10)}`;
    return [...Array(draft.replicas).keys()].map((ordinal) => {
      const name = `${draft.name}-${ordinal}`;
      taken(ctx, draft.namespace).add(name);
      const labels = {
        ...draft.labels,
        'controller-revision-hash': revision,
        'statefulset.kubernetes.io/pod-name': name,
      };
      return pod(name, labels, draft.name);
    });
  }
  const sets = Math.max(1, Math.min(draft.replicaSets ?? 1, draft.replicas));
  // The newest ReplicaSet holds most replicas while the old one drains.
  const sizes = apportion(draft.replicas, sets === 1 ? [1] : [3, 1], 1);
  return sizes.flatMap((size) => {
    const hash = ctx.rng.token(10);
    const replicaSet = `${draft.name}-${hash}`;
    return [...Array(size).keys()].map(() =>
      pod(
        podName(ctx, draft.namespace, replicaSet),
        { ...draft.labels, 'pod-template-hash': hash },
        replicaSet,
      ),
    );
  });
}

function podName(ctx: PodContext, namespace: string, replicaSet: string): string {
  const names = taken(ctx, namespace);
  let name: string;
  do name = `${replicaSet}-${ctx.rng.token(5)}`;
  while (names.has(name));
  names.add(name);
  return name;
}

function taken(ctx: PodContext, namespace: string): Set<string> {
  let names = ctx.podNames.get(namespace);
  if (!names) ctx.podNames.set(namespace, (names = new Set()));
  return names;
}

export function sorted<T>(record: Readonly<Record<string, T>>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const key of Object.keys(record).sort()) out[key] = record[key] as T;
  return out;
}
