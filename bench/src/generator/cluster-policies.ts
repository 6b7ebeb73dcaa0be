import type { ClusterLayout } from './layout';
import type { Random } from './random';

/** A cluster-scoped policy as the snapshot carries it. */
export interface GeneratedClusterPolicy {
  readonly apiVersion: string;
  readonly kind: 'ClusterNetworkPolicy' | 'AdminNetworkPolicy' | 'BaselineAdminNetworkPolicy';
  readonly name: string;
  readonly spec: Record<string, unknown>;
}

type Json = Record<string, unknown>;
type Direction = 'ingress' | 'egress';

const ENVS = ['prod', 'staging', 'dev'];
const TIERS = ['frontend', 'backend', 'data', 'worker'];
const PORTS = [80, 443, 5432, 6379, 8080, 9090, 9092];
const PRIVATE = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10'];
const PARTNERS = ['203.0.113.0/24', '198.51.100.0/24', '192.0.2.0/24'];
const MONITORING = { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } };
const INGRESS = { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } };
const KUBE_SYSTEM = { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } };

/**
 * `count` cluster policies shaped like what cluster admins write, `minRules`–`maxRules` rules each,
 * about a third of them `Pass`: Admin-tier tenant walls per team (monitoring and the ingress
 * controller accepted, the team's own traffic passed to its NetworkPolicies, other tenants
 * denied; egress within the team passed, DNS accepted, private and partner ranges denied or
 * passed per port) and environment fences, and Baseline-tier defaults (deny pod sources, DNS
 * accepted, the internet denied) per team or environment — as ClusterNetworkPolicy (v1alpha2)
 * and AdminNetworkPolicy (v1alpha1), plus the BaselineAdminNetworkPolicy `default`.
 * Deterministic for a given random stream.
 *
 * @example generateClusterPolicies(layout, rng, 300, 5, 40).length // 300
 */
export function generateClusterPolicies(
  layout: ClusterLayout,
  rng: Random,
  count: number,
  minRules: number,
  maxRules: number,
): GeneratedClusterPolicy[] {
  const teams = [...layout.teams.keys()];
  const out: GeneratedClusterPolicy[] = [];
  for (let i = 0; i < count; i++) {
    const rules = rng.int(minRules, maxRules);
    if (i === count - 1) {
      out.push(
        policy(
          'BaselineAdminNetworkPolicy',
          'default',
          undefined,
          { namespaces: {} },
          rules,
          rng,
          teams,
          baselineRule,
        ),
      );
      continue;
    }
    const baseline = rng.chance(0.3);
    const anp = !baseline && rng.chance(0.4);
    const kind = anp ? 'AdminNetworkPolicy' : 'ClusterNetworkPolicy';
    const team = rng.pick(teams);
    const subject = rng.chance(0.75)
      ? { namespaces: { matchLabels: { team } } }
      : { namespaces: { matchLabels: { env: rng.pick(ENVS) } } };
    // A small priority range: ties between policies happen, as in real clusters.
    const priority = rng.int(0, 200);
    const name = `${baseline ? 'baseline' : 'wall'}-${team}-${i}`;
    const spec = policy(
      kind,
      name,
      priority,
      subject,
      rules,
      rng,
      teams,
      baseline ? baselineRule : adminRule(team),
    );
    out.push(baseline ? { ...spec, spec: { ...spec.spec, tier: 'Baseline' } } : spec);
  }
  return out;
}

type RuleMaker = (
  direction: Direction,
  index: number,
  rng: Random,
  teams: readonly string[],
) => Rule;

interface Rule {
  readonly action: 'Accept' | 'Deny' | 'Pass';
  readonly peers: Json[];
  readonly ports?: readonly Port[];
}

type Port =
  | { readonly protocol: 'TCP' | 'UDP'; readonly port: number; readonly end?: number }
  | { readonly named: string };

/** Admin-tier rules of a tenant wall: the fixed head, then narrow exceptions and denies. */
function adminRule(team: string): RuleMaker {
  return (direction, index, rng, teams) => {
    const own = { namespaces: { matchLabels: { team } } };
    if (direction === 'ingress') {
      if (index === 0)
        return {
          action: 'Accept',
          peers: [{ namespaces: MONITORING }],
          ports: [{ named: 'metrics' }],
        };
      if (index === 1)
        return { action: 'Accept', peers: [{ namespaces: INGRESS }], ports: [{ named: 'http' }] };
      if (index === 2) return { action: 'Pass', peers: [own] };
      const roll = rng.int(0, 2);
      if (roll === 0)
        return { action: 'Pass', peers: [teamApp(rng, teams)], ports: somePorts(rng) };
      if (roll === 1)
        return {
          action: 'Deny',
          peers: [{ namespaces: { matchLabels: { team: rng.pick(teams) } } }],
        };
      return {
        action: 'Deny',
        peers: [{ namespaces: { matchLabels: { env: rng.pick(ENVS) } } }],
        ports: somePorts(rng),
      };
    }
    if (index === 0)
      return {
        action: 'Accept',
        peers: [
          {
            pods: {
              namespaceSelector: KUBE_SYSTEM,
              podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
            },
          },
        ],
        ports: [
          { protocol: 'UDP', port: 53 },
          { protocol: 'TCP', port: 53 },
        ],
      };
    if (index === 1) return { action: 'Pass', peers: [own] };
    const roll = rng.int(0, 3);
    if (roll === 0)
      return { action: 'Deny', peers: [{ networks: [rng.pick(PRIVATE)] }], ports: somePorts(rng) };
    if (roll === 1)
      return {
        action: 'Pass',
        peers: [{ networks: [rng.pick(PARTNERS)] }],
        ports: [{ protocol: 'TCP', port: 443 }],
      };
    if (roll === 2) return { action: 'Pass', peers: [teamApp(rng, teams)], ports: somePorts(rng) };
    return { action: 'Deny', peers: [{ namespaces: { matchLabels: { team: rng.pick(teams) } } }] };
  };
}

/** Baseline-tier rules: narrow allowances first, the catch-all deny last. */
const baselineRule: RuleMaker = (direction, index, rng, teams) => {
  if (direction === 'ingress') {
    if (index === 0)
      return {
        action: 'Accept',
        peers: [{ namespaces: MONITORING }],
        ports: [{ named: 'metrics' }],
      };
    if (rng.chance(0.15)) return { action: 'Deny', peers: [{ namespaces: {} }] };
    return { action: 'Accept', peers: [teamApp(rng, teams)], ports: somePorts(rng) };
  }
  if (index === 0)
    return {
      action: 'Accept',
      peers: [{ namespaces: KUBE_SYSTEM }],
      ports: [{ protocol: 'UDP', port: 53 }],
    };
  if (rng.chance(0.15)) return { action: 'Deny', peers: [{ networks: ['0.0.0.0/0'] }] };
  return {
    action: 'Accept',
    peers: [{ networks: [rng.pick(PARTNERS)] }],
    ports: [{ protocol: 'TCP', port: 443 }],
  };
};

function teamApp(rng: Random, teams: readonly string[]): Json {
  return {
    pods: {
      namespaceSelector: { matchLabels: { team: rng.pick(teams) } },
      podSelector: { matchLabels: { tier: rng.pick(TIERS) } },
    },
  };
}

function somePorts(rng: Random): Port[] {
  return Array.from({ length: rng.int(1, 2) }, (): Port => {
    const port = rng.pick(PORTS);
    return rng.chance(0.2)
      ? { protocol: 'TCP', port, end: port + rng.int(1, 50) }
      : { protocol: 'TCP', port };
  });
}

function policy(
  kind: GeneratedClusterPolicy['kind'],
  name: string,
  priority: number | undefined,
  subject: Json,
  rules: number,
  rng: Random,
  teams: readonly string[],
  make: RuleMaker,
): GeneratedClusterPolicy {
  const v1alpha2 = kind === 'ClusterNetworkPolicy';
  // v1alpha2 allows 25 rules a direction; v1alpha1 100.
  const ingressCount = Math.min(25, Math.max(1, Math.floor(rules / 2)));
  const egressCount = Math.min(25, Math.max(1, rules - ingressCount));
  const v1alpha1Action = (a: Rule['action']): string => (a === 'Accept' ? 'Allow' : a);
  const baselineSingleton = kind === 'BaselineAdminNetworkPolicy';
  const render = (direction: Direction, rule: Rule): Json => {
    const action = v1alpha2
      ? rule.action
      : v1alpha1Action(rule.action === 'Pass' && baselineSingleton ? 'Deny' : rule.action);
    const named = rule.ports?.some((p) => 'named' in p) === true;
    // Named ports never go with `networks` peers (the CRDs forbid it).
    const peers = named ? rule.peers.filter((p) => !('networks' in p)) : rule.peers;
    return {
      action,
      [direction === 'ingress' ? 'from' : 'to']: peers.length > 0 ? peers : [{ namespaces: {} }],
      ...(rule.ports ? renderPorts(rule.ports, v1alpha2) : {}),
    };
  };
  const list = (direction: Direction, n: number): Json[] =>
    Array.from({ length: n }, (_, i) => render(direction, make(direction, i, rng, teams)));
  return {
    apiVersion: `policy.networking.k8s.io/${v1alpha2 ? 'v1alpha2' : 'v1alpha1'}`,
    kind,
    name,
    spec: {
      ...(v1alpha2 ? { tier: 'Admin' } : {}),
      ...(priority === undefined ? {} : { priority }),
      subject,
      ingress: list('ingress', ingressCount),
      egress: list('egress', egressCount),
    },
  };
}

function renderPorts(ports: readonly Port[], v1alpha2: boolean): Json {
  const items = ports.map((p) => {
    if ('named' in p) return v1alpha2 ? { destinationNamedPort: p.named } : { namedPort: p.named };
    const proto = p.protocol.toLowerCase();
    if (p.end !== undefined) {
      return v1alpha2
        ? { [proto]: { destinationPort: { range: { start: p.port, end: p.end } } } }
        : { portRange: { protocol: p.protocol, start: p.port, end: p.end } };
    }
    return v1alpha2
      ? { [proto]: { destinationPort: { number: p.port } } }
      : { portNumber: { protocol: p.protocol, port: p.port } };
  });
  return v1alpha2 ? { protocols: items } : { ports: items };
}
