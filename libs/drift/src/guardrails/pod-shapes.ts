import {
  ConnectionSet,
  groupPods,
  podShapeKey,
  workloadName,
  type Pod,
  type ReachabilityModel,
} from '@fenceline/netpol';

/**
 * Pods that every policy and every guardrail treat alike: same namespace, labels, container
 * ports and hostNetwork flag (and primary IP when addresses matter: ipBlocks matching pods, or a
 * cluster policy's `networks` peer). Replicas of a workload usually share one shape, so pair
 * queries run per shape, not per pod.
 */
export interface PodShape {
  readonly key: string;
  readonly pods: readonly Pod[];
}

/** The pods grouped by shape, in first-seen order (`byAddress`: pods of other IPs apart). */
export function shapesOf(pods: readonly Pod[], byAddress: boolean): PodShape[] {
  const key = (pod: Pod): string => {
    const ip = byAddress && pod.ips[0] ? `${pod.ips[0].family}:${pod.ips[0].value}` : '';
    return podShapeKey(pod, ip);
  };
  return [...groupPods(pods, key).entries()].map(([k, list]) => ({ key: k, pods: list }));
}

/**
 * Whether a pair of shapes stands for at least one pair of pods `p ≠ q` (or, with
 * `templateSelf`, `p = q` for a workload template: its replicas talk to each other).
 */
export function hasPodPair(src: PodShape, dst: PodShape, templateSelf: boolean): boolean {
  if (src.key !== dst.key) return true;
  const [only] = src.pods;
  if (src.pods.length > 1 || dst.pods.length > 1 || src.pods[0] !== dst.pods[0]) return true;
  return templateSelf && only !== undefined && only.fromTemplate;
}

/** What the model allows from one shape to another (equal for every pod pair of the shapes). */
export function shapeConnections(
  model: ReachabilityModel,
  src: PodShape,
  dst: PodShape,
): ConnectionSet {
  return model.connections(
    { kind: 'pod', pod: src.pods[0] as Pod },
    { kind: 'pod', pod: dst.pods[0] as Pod },
  );
}

/**
 * The (source workload, destination workload) pairs that a pair of shapes stands for: those
 * with at least one pod pair `p ≠ q`. A workload paired with itself needs two distinct pods.
 */
export function workloadPairs(src: PodShape, dst: PodShape): [string, string][] {
  const byWorkload = (shape: PodShape): Map<string, Set<Pod>> => {
    const map = new Map<string, Set<Pod>>();
    for (const pod of shape.pods) {
      const name = workloadName(pod.workload);
      const set = map.get(name);
      if (set) set.add(pod);
      else map.set(name, new Set([pod]));
    }
    return map;
  };
  const from = byWorkload(src);
  const to = byWorkload(dst);
  const pairs: [string, string][] = [];
  for (const [a, aPods] of from) {
    for (const [b, bPods] of to) {
      if (a !== b || new Set([...aPods, ...bPods]).size > 1) pairs.push([a, b]);
    }
  }
  return pairs;
}
