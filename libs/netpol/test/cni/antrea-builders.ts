import type { Inventory } from '../../src/inventory/inventory';
import { inventoryOf, ns, pod } from './agreement-helpers';

/** Test builders for the Antrea specs (objects as the Antrea docs write them). */
export const ANTREA = 'crd.antrea.io/v1beta1';

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
  return inventoryOf([...BASE, ...objects]);
}
