import { parseIp } from '../../cidr/ip-address';
import { buildInventory } from '../../inventory/build-inventory';
import type { Inventory, Pod } from '../../inventory/inventory';
import { buildModel } from '../../model/reachability-model';
import { allowedConnections } from '../../reference/allowed-connections';
import { isAllowed } from '../../reference/evaluate';
import { DEFAULT_OPTIONS, type Endpoint, type EvaluationOptions } from '../../reference/traffic';

/** Test builders for the Antrea specs (objects as the Antrea docs write them). */
export const ANTREA = 'crd.antrea.io/v1beta1';

export const ns = (name: string, labels: Record<string, string> = {}) => ({
  apiVersion: 'v1',
  kind: 'Namespace',
  metadata: { name, labels },
});

export const pod = (
  namespace: string,
  name: string,
  labels: Record<string, string>,
  ip: string,
  extra: {
    sa?: string;
    ports?: { name: string; containerPort: number }[];
    hostNetwork?: boolean;
  } = {},
) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { namespace, name, labels },
  spec: {
    ...(extra.sa ? { serviceAccountName: extra.sa } : {}),
    ...(extra.hostNetwork ? { hostNetwork: true } : {}),
    containers: [{ name: 'c', ports: extra.ports ?? [] }],
  },
  status: { podIP: ip, podIPs: [{ ip }] },
});

export const acnp = (name: string, spec: object) => ({
  apiVersion: ANTREA,
  kind: 'ClusterNetworkPolicy',
  metadata: { name },
  spec,
});

export const annp = (namespace: string, name: string, spec: object) => ({
  apiVersion: ANTREA,
  kind: 'NetworkPolicy',
  metadata: { namespace, name },
  spec,
});

export const tier = (name: string, priority: number) => ({
  apiVersion: ANTREA,
  kind: 'Tier',
  metadata: { name },
  spec: { priority },
});

export const clusterGroup = (name: string, spec: object) => ({
  apiVersion: ANTREA,
  kind: 'ClusterGroup',
  metadata: { name },
  spec,
});

export const group = (namespace: string, name: string, spec: object) => ({
  apiVersion: ANTREA,
  kind: 'Group',
  metadata: { namespace, name },
  spec,
});

export const knp = (namespace: string, name: string, spec: object) => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'NetworkPolicy',
  metadata: { namespace, name },
  spec,
});

export const sel = (labels: Record<string, string>) => ({ matchLabels: labels });

/**
 * Namespaces `prod` and `dev` (org sales, regions west/east), `ops` (org it), `plain` (no
 * labels); a web and a db pod in prod and dev (db's `pg` port differs), a monitor in ops.
 */
export const BASE = [
  ns('prod', { env: 'prod', org: 'sales', region: 'west' }),
  ns('dev', { env: 'dev', org: 'sales', region: 'east' }),
  ns('ops', { org: 'it' }),
  ns('plain'),
  pod('prod', 'web', { app: 'web', role: 'frontend' }, '10.0.0.1'),
  pod('prod', 'db', { app: 'db', role: 'db' }, '10.0.0.2', {
    ports: [{ name: 'pg', containerPort: 5432 }],
  }),
  pod('dev', 'web', { app: 'web', role: 'frontend' }, '10.0.1.1'),
  pod('dev', 'db', { app: 'db', role: 'db' }, '10.0.1.2', {
    ports: [{ name: 'pg', containerPort: 5433 }],
  }),
  pod('ops', 'mon', { app: 'mon' }, '10.0.2.1', { sa: 'monitor' }),
  pod('plain', 'tool', { app: 'tool' }, '10.0.3.1'),
];

export function inv(...objects: object[]): Inventory {
  const inventory = buildInventory([...BASE, ...objects].map((object) => ({ object })));
  expect(inventory.issues).toEqual([]);
  return inventory;
}

export function end(inventory: Inventory, id: string): Endpoint {
  const ip = parseIp(id);
  if (ip) return { kind: 'external', ip };
  const p = inventory.pods.find((x) => x.id === id) as Pod;
  if (!p) throw new Error(`no pod ${id}`);
  return { kind: 'pod', pod: p };
}

/** The reference verdict on one port, checked against the set walk and the fast model. */
export function allowed(
  inventory: Inventory,
  src: string,
  dst: string,
  port = 80,
  protocol: 'TCP' | 'UDP' = 'TCP',
  options: EvaluationOptions = DEFAULT_OPTIONS,
): boolean {
  const s = end(inventory, src);
  const d = end(inventory, dst);
  const verdict = isAllowed(inventory, { src: s, dst: d, protocol, port }, options).allowed;
  expect(allowedConnections(inventory, s, d, options).has(protocol, port)).toBe(verdict);
  expect(buildModel(inventory, options).connections(s, d).has(protocol, port)).toBe(verdict);
  return verdict;
}
