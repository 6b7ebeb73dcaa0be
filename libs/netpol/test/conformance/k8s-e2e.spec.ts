import {
  allowedConnections,
  buildInventory,
  buildModel,
  isAllowed,
  type Endpoint,
  type Inventory,
  type Protocol,
} from '../../src/index';
import { readCases } from './conformance-data';

interface E2eCase {
  name: string;
  step: { index: number; of: number };
  namespaces: { name: string; labels: Record<string, string> }[];
  pods: {
    namespace: string;
    name: string;
    labels: Record<string, string>;
    ip: string;
    ports: { name: string; port: number; protocol: string }[];
  }[];
  policies: unknown[];
  probes: { protocol: Protocol; port: number; expected: Record<string, Record<string, boolean>> }[];
}

/** The suite builds ipBlocks from pod IPs and expects them to select those pods. */
const OPTIONS = { ipBlockMatchesPods: true, hostNetwork: 'as-pods' } as const;

function inventoryOf(c: E2eCase): Inventory {
  const objects = [
    ...c.namespaces.map((ns) => ({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: ns.name, labels: ns.labels },
    })),
    ...c.pods.map((p) => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: p.name, namespace: p.namespace, labels: p.labels },
      spec: {
        containers: p.ports.map((port) => ({
          name: `c-${port.name}`,
          ports: [{ name: port.name, containerPort: port.port, protocol: port.protocol }],
        })),
      },
      status: { podIP: p.ip },
    })),
    ...c.policies,
  ];
  const inventory = buildInventory(
    objects.map((object, i) => ({ object, source: `${c.name}#${i}` })),
  );
  expect(inventory.issues).toEqual([]);
  return inventory;
}

const cases = readCases<E2eCase>('k8s-e2e');

describe('Kubernetes e2e NetworkPolicy suite (reference evaluator and fast model, ipBlock matches pod IPs)', () => {
  it('finds all 58 steps and 65 probes', () => {
    expect(cases).toHaveLength(58);
    expect(cases.reduce((n, c) => n + c.data.probes.length, 0)).toBe(65);
  });

  for (const { file, data } of cases) {
    it(file.replace(/\.json$/, ''), () => {
      const inventory = inventoryOf(data);
      const model = buildModel(inventory, OPTIONS);
      const pod = (id: string): Endpoint => {
        const found = inventory.pods.find((p) => `${p.namespace}/${p.name}` === id);
        if (!found) throw new Error(`no pod ${id}`);
        return { kind: 'pod', pod: found };
      };
      const wrong: string[] = [];
      let cells = 0;
      for (const probe of data.probes) {
        for (const [from, row] of Object.entries(probe.expected)) {
          for (const [to, want] of Object.entries(row)) {
            cells++;
            const traffic = {
              src: pod(from),
              dst: pod(to),
              protocol: probe.protocol,
              port: probe.port,
            };
            const verdict = isAllowed(inventory, traffic, OPTIONS).allowed;
            const symbolic = allowedConnections(inventory, traffic.src, traffic.dst, OPTIONS).has(
              probe.protocol,
              probe.port,
            );
            const fast = model
              .connections(traffic.src, traffic.dst)
              .has(probe.protocol, probe.port);
            if (verdict !== want || symbolic !== want || fast !== want) {
              wrong.push(
                `${probe.protocol}/${probe.port} ${from} -> ${to}: expected ${want}, isAllowed ${verdict}, allowedConnections ${symbolic}, fast model ${fast}`,
              );
            }
          }
        }
      }
      expect(cells).toBe(81 * data.probes.length);
      expect(wrong).toEqual([]);
    });
  }
});
