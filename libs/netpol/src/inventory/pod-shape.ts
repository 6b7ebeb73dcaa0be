import type { Pod } from './inventory';

/**
 * A key equal for pods that every policy selects and matches alike: namespace, labels, container
 * ports (named ports resolve through them), hostNetwork and service account; `extra` adds what else a caller's
 * question depends on (the reporting workload, the address). Pair queries run once per key.
 */
export function podShapeKey(pod: Pod, ...extra: readonly (string | boolean)[]): string {
  const labels = Object.entries(pod.labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const ports = pod.ports.map((p) => `${p.name ?? ''}/${p.protocol}/${p.port}`).sort();
  const sa = pod.serviceAccount === undefined ? [] : [`sa:${pod.serviceAccount}`];
  return JSON.stringify([pod.namespace, labels, ports, pod.hostNetwork, ...sa, ...extra]);
}

/** The pods grouped by `key`, groups and pods in first-seen order. */
export function groupPods(pods: readonly Pod[], key: (pod: Pod) => string): Map<string, Pod[]> {
  const groups = new Map<string, Pod[]>();
  for (const pod of pods) {
    const k = key(pod);
    const list = groups.get(k);
    if (list) list.push(pod);
    else groups.set(k, [pod]);
  }
  return groups;
}
