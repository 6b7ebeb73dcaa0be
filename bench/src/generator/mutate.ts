import type { InventorySnapshot, SnapshotPod } from '@fenceline/contracts';
import { compare } from './generate-cluster';
import type { PolicySpec, SnapshotPolicy } from './policy-spec';
import { Random } from './random';
import { SYSTEM_NAMESPACES } from './system-namespaces';

const SYSTEM = new Set(SYSTEM_NAMESPACES.map((ns) => ns.name));

/**
 * The same cluster a little later: `fraction` of the pods changed (a third relabelled to another
 * app of their namespace, a third deleted, a third added as new replicas) and `fraction` of the
 * policies changed (a third edited, a third deleted, a third added). System namespaces are left
 * alone. The input is not modified; the same seed gives the same result.
 *
 * @example mutate(snapshot, 0.01, 7).pods.length
 */
export function mutate(
  snapshot: InventorySnapshot,
  fraction: number,
  seed: number,
): InventorySnapshot {
  const rng = new Random(seed);
  return {
    ...snapshot,
    collectedAt: new Date(Date.parse(snapshot.collectedAt) + 3_600_000).toISOString(),
    pods: mutatePods(snapshot.pods, fraction, rng).sort(byName),
    policies: mutatePolicies(snapshot, fraction, rng).sort(byName),
  };
}

function mutatePods(pods: readonly SnapshotPod[], fraction: number, rng: Random): SnapshotPod[] {
  const user = indicesWhere(pods, (p) => !SYSTEM.has(p.namespace));
  const [relabel, remove, add] = thirds(Math.round(pods.length * fraction));
  const chosen = sample(rng, user, relabel + remove);
  const removed = new Set(chosen.slice(relabel));
  const appsOf = appsByNamespace(pods);
  const out = pods.map((pod) => pod);
  for (const i of chosen.slice(0, relabel)) {
    const pod = pods[i] as SnapshotPod;
    const others = (appsOf.get(pod.namespace) ?? []).filter((a) => a !== pod.labels['app']);
    const labels =
      others.length > 0
        ? { ...pod.labels, app: rng.pick(others) }
        : { ...pod.labels, tier: pod.labels['tier'] === 'worker' ? 'backend' : 'worker' };
    out[i] = { ...pod, labels };
  }
  const names = new Set(pods.map((p) => `${p.namespace}/${p.name}`));
  let host = 1;
  const added: SnapshotPod[] = [];
  for (let n = 0; n < add && user.length > 0; n++) {
    const template = pods[rng.pick(user)] as SnapshotPod;
    const name = replicaName(template, names, rng);
    // A new node pool, outside the generator's 10.64.0.0/10: never an address in use.
    const ip = `10.${128 + (host >> 16)}.${(host >> 8) & 255}.${host & 255}`;
    host++;
    const labels =
      template.owner?.kind === 'StatefulSet'
        ? { ...template.labels, 'statefulset.kubernetes.io/pod-name': name }
        : template.labels;
    added.push({ ...template, name, labels, ips: [ip] });
  }
  return [...out.filter((_, i) => !removed.has(i)), ...added];
}

/** A new replica's name: the next ordinal of a StatefulSet, a fresh suffix otherwise. */
function replicaName(template: SnapshotPod, taken: Set<string>, rng: Random): string {
  const owner = template.owner?.name ?? template.name;
  for (let ordinal = 0; ; ordinal++) {
    const name =
      template.owner?.kind === 'StatefulSet' ? `${owner}-${ordinal}` : `${owner}-${rng.token(5)}`;
    const key = `${template.namespace}/${name}`;
    if (!taken.has(key)) {
      taken.add(key);
      return name;
    }
  }
}

function mutatePolicies(
  snapshot: InventorySnapshot,
  fraction: number,
  rng: Random,
): SnapshotPolicy[] {
  const policies = snapshot.policies;
  const user = indicesWhere(policies, (p) => !SYSTEM.has(p.namespace));
  const [edit, remove, add] = thirds(Math.round(policies.length * fraction));
  const chosen = sample(rng, user, edit + remove);
  const removed = new Set(chosen.slice(edit));
  const out = policies.map((p) => p);
  for (const i of chosen.slice(0, edit)) {
    const policy = policies[i] as SnapshotPolicy;
    out[i] = { ...policy, spec: editSpec(structuredClone(policy.spec)) };
  }
  const appsOf = appsByNamespace(snapshot.pods);
  const namespaces = [...appsOf.keys()];
  const names = new Set(policies.map((p) => `${p.namespace}/${p.name}`));
  const added: SnapshotPolicy[] = [];
  for (let n = 0; n < add && namespaces.length > 0; n++) {
    const namespace = rng.pick(namespaces);
    const apps = appsOf.get(namespace) as string[];
    let name: string;
    do name = `hotfix-${rng.token(5)}`;
    while (names.has(`${namespace}/${name}`));
    names.add(`${namespace}/${name}`);
    added.push({
      namespace,
      name,
      spec: {
        podSelector: { matchLabels: { app: rng.pick(apps) } },
        policyTypes: ['Ingress'],
        ingress: [
          {
            from: [{ podSelector: { matchLabels: { app: rng.pick(apps) } } }],
            ports: [
              { protocol: 'TCP', port: 8080 },
              { protocol: 'TCP', port: 'metrics' },
            ],
          },
        ],
      },
    });
  }
  return [...out.filter((_, i) => !removed.has(i)), ...added];
}

/** A typical edit: a new ingress rule, a changed egress port list, or a first rule in a deny. */
function editSpec(spec: PolicySpec): PolicySpec {
  const ingress = Array.isArray(spec['ingress']) ? (spec['ingress'] as unknown[]) : undefined;
  const egress = Array.isArray(spec['egress'])
    ? (spec['egress'] as Record<string, unknown>[])
    : undefined;
  if (ingress && ingress.length > 0) {
    ingress.push({
      from: [{ podSelector: { matchLabels: { tier: 'worker' } } }],
      ports: [{ port: 8080 }],
    });
  } else if (egress && egress.length > 0 && egress[0]) {
    egress[0]['ports'] = [
      { protocol: 'TCP', port: 443 },
      { protocol: 'TCP', port: 8443 },
    ];
  } else {
    const types = Array.isArray(spec['policyTypes'])
      ? (spec['policyTypes'] as unknown[])
      : ['Ingress'];
    if (types.includes('Ingress')) spec['ingress'] = [{ from: [{ podSelector: {} }] }];
    else spec['egress'] = [{ to: [{ podSelector: {} }] }];
  }
  return spec;
}

/** The `app` labels in use per application namespace. */
function appsByNamespace(pods: readonly SnapshotPod[]): Map<string, string[]> {
  const sets = new Map<string, Set<string>>();
  for (const p of pods) {
    const app = p.labels['app'];
    if (app === undefined || SYSTEM.has(p.namespace)) continue;
    const apps = sets.get(p.namespace);
    if (apps) apps.add(app);
    else sets.set(p.namespace, new Set([app]));
  }
  return new Map([...sets].map(([ns, apps]) => [ns, [...apps]]));
}

function thirds(total: number): [number, number, number] {
  const a = Math.floor(total / 3);
  const b = Math.floor(total / 3);
  return [a, b, total - a - b];
}

function indicesWhere<T>(items: readonly T[], keep: (item: T) => boolean): number[] {
  const out: number[] = [];
  items.forEach((item, i) => keep(item) && out.push(i));
  return out;
}

/** `k` distinct items of `items`, in random order (partial Fisher-Yates on a copy). */
function sample(rng: Random, items: readonly number[], k: number): number[] {
  const copy = [...items];
  const n = Math.min(k, copy.length);
  for (let i = 0; i < n; i++) {
    const j = rng.int(i, copy.length - 1);
    [copy[i], copy[j]] = [copy[j] as number, copy[i] as number];
  }
  return copy.slice(0, n);
}

function byName(
  a: { namespace: string; name: string },
  b: { namespace: string; name: string },
): number {
  return compare(a.namespace, b.namespace) || compare(a.name, b.name);
}
