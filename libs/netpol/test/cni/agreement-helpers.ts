import { parseIp } from '../../src/cidr/ip-address';
import { buildInventory } from '../../src/inventory/build-inventory';
import type { Inventory, Pod } from '../../src/inventory/inventory';
import { buildModel } from '../../src/model/reachability-model';
import { allowedConnections } from '../../src/reference/allowed-connections';
import { isAllowed } from '../../src/reference/evaluate';
import {
  DEFAULT_OPTIONS,
  type Endpoint,
  type EvaluationOptions,
} from '../../src/reference/traffic';

/** Test builders shared by the CNI evaluation specs (objects as the Kubernetes API writes them). */
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
    hostNetwork?: boolean;
    ports?: { name: string; containerPort: number; protocol?: string }[];
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

export const knp = (namespace: string, name: string, spec: object) => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'NetworkPolicy',
  metadata: { namespace, name },
  spec,
});

/** The inventory of these objects, which must load without issues. */
export function inventoryOf(objects: readonly object[]): Inventory {
  const inventory = buildInventory(objects.map((object) => ({ object })));
  expect(inventory.issues).toEqual([]);
  return inventory;
}

/** The endpoint `namespace/name` of a pod of the inventory, or an external IP. */
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
  protocol: 'TCP' | 'UDP' | 'SCTP' = 'TCP',
  options: EvaluationOptions = DEFAULT_OPTIONS,
): boolean {
  const s = end(inventory, src);
  const d = end(inventory, dst);
  const verdict = isAllowed(inventory, { src: s, dst: d, protocol, port }, options).allowed;
  expect(allowedConnections(inventory, s, d, options).has(protocol, port)).toBe(verdict);
  expect(buildModel(inventory, options).connections(s, d).has(protocol, port)).toBe(verdict);
  return verdict;
}
