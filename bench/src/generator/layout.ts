import { apportion } from './apportion';
import type { ClusterSpec } from './cluster-spec';
import type { Random } from './random';
import { SYSTEM_NAMESPACES, SYSTEM_POLICY_COUNT, systemPodCount } from './system-namespaces';
import {
  DATA_ENGINES,
  SERVICE_WORDS,
  TEAM_WORDS,
  TIER_CYCLES,
  TIER_SUFFIX,
  tierPorts,
  type Env,
  type PortSpec,
  type Tier,
} from './vocabulary';

/** Pods that share namespace, every selector-read label value and named ports. */
export interface AppClass {
  readonly app: string;
  readonly tier: Tier;
  /** Set only when selectors read `version`: then it is part of the class. */
  readonly version: string | undefined;
  readonly ports: readonly PortSpec[];
  readonly stateful: boolean;
  /** Zero in a namespace scaled to zero. */
  readonly pods: number;
}

/** Whether the namespace's own policies isolate its pods (most do both ways). */
export type Isolation = 'isolated' | 'ingress-only' | 'open';

export interface NamespaceLayout {
  readonly index: number;
  readonly name: string;
  readonly team: string;
  readonly env: Env;
  readonly tier: Tier;
  readonly isolation: Isolation;
  readonly classes: readonly AppClass[];
  /** How many NetworkPolicies the namespace gets. */
  readonly policies: number;
}

export interface ClusterLayout {
  readonly spec: ClusterSpec;
  readonly namespaces: readonly NamespaceLayout[];
  readonly teams: ReadonlyMap<string, readonly NamespaceLayout[]>;
}

/** Most namespaces hold at most this many classes (a monolith namespace still splits up). */
const MAX_CLASSES_PER_NAMESPACE = 80;
/** Share of application namespaces with only an ingress default-deny (egress left open). */
const INGRESS_ONLY_SHARE = 0.03;
/** Namespaces without any default-deny: a handful of legacy ones, however big the cluster. */
const MAX_OPEN = 3;

/**
 * Decides the application namespaces (the system ones are fixed): names, labels, isolation,
 * classes with their pod counts, and each namespace's share of the policies, so that the counts
 * add up exactly to the spec.
 *
 * @example planLayout(WORKLOADS.W1, new Random(1)).namespaces.length // 47
 */
export function planLayout(spec: ClusterSpec, rng: Random): ClusterLayout {
  const count = spec.namespaces - SYSTEM_NAMESPACES.length;
  const userPods = spec.pods - systemPodCount(spec.pods);
  const scaledToZero = new Set(pickIndices(rng, count, Math.round(count * spec.scaledToZero)));
  const active = [...Array(count).keys()].filter((i) => !scaledToZero.has(i));
  const sizeWeights = active.map((_, rank) =>
    spec.namespaceSizes === 'even' ? 1 : 1 / Math.pow(rank + 1, 0.9),
  );
  shuffle(rng, sizeWeights);
  const podsOf = new Map<number, number>();
  const classesOf = new Map<number, number>();
  const sizes = apportion(userPods, sizeWeights, 1);
  // Classes follow pods, but every namespace with pods holds at least one.
  const classTarget = Math.max(active.length, Math.round(userPods / spec.podsPerClass));
  const classCounts = apportion(classTarget, sizes, 1);
  active.forEach((index, k) => {
    const pods = sizes[k] as number;
    podsOf.set(index, pods);
    classesOf.set(
      index,
      Math.max(1, Math.min(classCounts[k] as number, pods, MAX_CLASSES_PER_NAMESPACE)),
    );
  });

  const open = new Set(pickIndices(rng, count, Math.min(MAX_OPEN, Math.floor(count / 100))));
  const ingressOnly = new Set(pickIndices(rng, count, Math.round(count * INGRESS_ONLY_SHARE)));
  const names = new Set<string>(SYSTEM_NAMESPACES.map((ns) => ns.name));
  const drafts = [...Array(count).keys()].map((index) => {
    const team = teamName(Math.floor(index / spec.namespacesPerTeam));
    const env: Env = rng.chance(0.5) ? 'prod' : rng.chance(0.6) ? 'staging' : 'dev';
    const tier = rng.pick<Tier>(['frontend', 'backend', 'backend', 'backend', 'data', 'worker']);
    const name = unique(names, `${team}-${rng.pick(SERVICE_WORDS)}-${env}`);
    const pods = podsOf.get(index) ?? 0;
    // A namespace scaled to zero keeps two (empty) classes for its policies to name.
    const classes = planClasses(rng, spec, tier, classesOf.get(index) ?? 2, pods);
    const isolation: Isolation = open.has(index)
      ? 'open'
      : ingressOnly.has(index)
        ? 'ingress-only'
        : 'isolated';
    return { index, name, team, env, tier, isolation, classes };
  });

  const quotas = apportion(
    spec.policies - SYSTEM_POLICY_COUNT,
    drafts.map((d) => 2 + d.classes.length),
    1,
  );
  const namespaces = drafts.map((d, i): NamespaceLayout => ({
    ...d,
    policies: quotas[i] as number,
  }));
  const teams = new Map<string, NamespaceLayout[]>();
  for (const ns of namespaces) {
    const members = teams.get(ns.team);
    if (members) members.push(ns);
    else teams.set(ns.team, [ns]);
  }
  return { spec, namespaces, teams };
}

function planClasses(
  rng: Random,
  spec: ClusterSpec,
  nsTier: Tier,
  count: number,
  pods: number,
): AppClass[] {
  const cycle = TIER_CYCLES[nsTier];
  const versions = spec.versionSelectors ? ['stable', 'canary'] : [undefined];
  const apps = new Set<string>();
  const drafts: Omit<AppClass, 'pods'>[] = [];
  for (let slot = 0; drafts.length < count; slot++) {
    const tier = cycle[slot % cycle.length] as Tier;
    const engine = rng.pick(DATA_ENGINES);
    const app = unique(
      apps,
      tier === 'data' ? engine.app : `${rng.pick(SERVICE_WORDS)}${TIER_SUFFIX[tier]}`,
    );
    const ports = tier === 'data' ? engine.ports : tierPorts(tier, rng.chance(1 / 12));
    for (const version of versions) {
      if (drafts.length < count)
        drafts.push({ app, tier, version, ports, stateful: tier === 'data' });
    }
  }
  const weights = drafts.map((c) => (c.version === 'canary' ? 0.4 : 0.5 + rng.next()));
  const split = apportion(pods, weights, 1);
  return drafts.map((c, i) => ({ ...c, pods: split[i] as number }));
}

function teamName(team: number): string {
  const word = TEAM_WORDS[team % TEAM_WORDS.length] as string;
  const round = Math.floor(team / TEAM_WORDS.length);
  return round === 0 ? word : `${word}${round + 1}`;
}

/** `base`, or `base-2`, `base-3`... whichever is not taken yet; records the result. */
export function unique(taken: Set<string>, base: string): string {
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}-${n}`;
  taken.add(name);
  return name;
}

function pickIndices(rng: Random, n: number, k: number): number[] {
  const all = [...Array(n).keys()];
  shuffle(rng, all);
  return all.slice(0, k);
}

function shuffle<T>(rng: Random, items: T[]): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
}
