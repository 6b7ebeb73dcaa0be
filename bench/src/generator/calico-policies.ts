import type { SnapshotCniObject } from '@fenceline/contracts';
import type { ClusterLayout } from './layout';
import type { Random } from './random';

/** How many Calico objects a Calico-shaped workload gets. */
export interface CalicoCounts {
  readonly globalPolicies: number;
  readonly namespacedPolicies: number;
  readonly globalNetworkSets: number;
}

const API = 'projectcalico.org/v3';
const PORTS = [80, 443, 5432, 6379, 8080, 9090];
const ENVS = ['prod', 'staging', 'dev'];

/**
 * Calico objects shaped like what platform and security teams write: three tiers (`security`
 * at 100 with Deny default, `platform` at 200 passing what it does not decide, and the default
 * tier), GlobalNetworkPolicies that deny tenants from each other and from partner network sets,
 * pass their own traffic and allow monitoring, and namespaced policies per application namespace
 * ordered before and after the Kubernetes NetworkPolicies (order 1000) with `!=`, `in`,
 * `has()` and `starts with` selectors, nets, notPorts and named ports. Deterministic.
 *
 * @example generateCalicoObjects(layout, rng, { globalPolicies: 200, namespacedPolicies: 2000, globalNetworkSets: 50 }).length // 2252
 */
export function generateCalicoObjects(
  layout: ClusterLayout,
  rng: Random,
  counts: CalicoCounts,
): SnapshotCniObject[] {
  const teams = [...layout.teams.keys()];
  const out: SnapshotCniObject[] = [
    tier('security', { order: 100 }),
    tier('platform', { order: 200, defaultAction: 'Pass' }),
  ];
  for (let i = 0; i < counts.globalNetworkSets; i++) {
    const octet = i % 250;
    out.push({
      apiVersion: API,
      kind: 'GlobalNetworkSet',
      name: `partners-${i}`,
      labels: { feed: i % 2 === 0 ? 'partner' : 'threat', region: `r${i % 5}` },
      spec: { nets: [`198.51.${octet}.0/24`, `203.0.${octet}.0/25`] },
    });
  }
  for (let i = 0; i < counts.globalPolicies; i++) {
    const team = teams[i % teams.length] as string;
    const security = i % 2 === 0;
    const tierName = security ? 'security' : 'platform';
    const port = PORTS[rng.int(0, PORTS.length - 1)] as number;
    const ingress = security
      ? [
          {
            action: 'Allow',
            source: { namespaceSelector: "projectcalico.org/name == 'monitoring'" },
          },
          { action: 'Deny', source: { namespaceSelector: `team != '${team}'` } },
          { action: 'Pass', source: { namespaceSelector: `team == '${team}'` } },
        ]
      : [
          {
            action: 'Deny',
            protocol: 'TCP',
            source: { selector: "feed == 'threat'", namespaceSelector: 'global()' },
          },
          {
            action: 'Allow',
            protocol: 'TCP',
            source: { nets: ['10.0.0.0/8'] },
            destination: { ports: [port], notPorts: [port + 1] },
          },
        ];
    const egress = security
      ? [
          { action: 'Allow', protocol: 'UDP', destination: { ports: [53] } },
          {
            action: 'Deny',
            destination: { selector: "feed == 'threat'", namespaceSelector: 'global()' },
          },
          { action: 'Pass' },
        ]
      : [
          {
            action: 'Allow',
            protocol: 'TCP',
            destination: {
              selector: "feed == 'partner'",
              namespaceSelector: 'global()',
              ports: [443],
            },
          },
          { action: 'Pass', destination: { nets: ['10.0.0.0/8', '172.16.0.0/12'] } },
        ];
    out.push({
      apiVersion: API,
      kind: 'GlobalNetworkPolicy',
      name: `${tierName}.g-${i}`,
      labels: {},
      spec: {
        tier: tierName,
        order: i,
        namespaceSelector: security ? `team == '${team}'` : `env in {'${ENVS[i % 3]}', 'dev'}`,
        selector: security ? 'all()' : `has(app) && tier != 'data'`,
        types: ['Ingress', 'Egress'],
        ingress,
        egress,
      },
    });
  }
  const namespaces = layout.namespaces.filter((ns) => ns.classes.length > 0);
  for (let i = 0; i < counts.namespacedPolicies; i++) {
    const ns = namespaces[i % namespaces.length];
    if (!ns) break;
    const cls = ns.classes[rng.int(0, ns.classes.length - 1)];
    const app = cls?.app ?? 'app';
    const before = i % 3 === 0;
    out.push({
      apiVersion: API,
      kind: 'NetworkPolicy',
      namespace: ns.name,
      name: `calico-${i}`,
      labels: {},
      spec: {
        order: before ? 500 + (i % 100) : 1500 + (i % 100),
        selector: `app == '${app}'`,
        ingress: before
          ? [
              {
                action: 'Deny',
                protocol: 'TCP',
                source: { selector: `app starts with '${app.slice(0, 3)}' && app != '${app}'` },
                destination: { ports: [PORTS[i % PORTS.length] as number] },
              },
            ]
          : [
              {
                action: 'Allow',
                protocol: 'TCP',
                source: { selector: `tier in {'frontend', 'backend'}` },
                destination: { ports: ['http', 8080] },
              },
            ],
        egress: before
          ? []
          : [
              {
                action: 'Allow',
                protocol: 'TCP',
                destination: { nets: ['192.168.0.0/16'], notPorts: [22] },
              },
            ],
      },
    });
  }
  return out;
}

function tier(name: string, spec: Record<string, unknown>): SnapshotCniObject {
  return { apiVersion: API, kind: 'Tier', name, labels: {}, spec };
}
