import {
  buildInventory,
  buildModel,
  isAllowed,
  referenceConnlist,
  type Inventory,
  type Pod,
  type Protocol,
} from '../../src/index';
import { readCases } from './conformance-data';

interface Probe {
  from: string;
  to: string;
  toIP: string;
  protocol: Protocol;
  port: number;
  allowed: boolean;
}

interface CnpCase {
  name: string;
  resources: unknown[];
  probes: Probe[];
}

const cases = readCases<CnpCase>('network-policy-api').filter(({ file }) => file !== 'index.json');

function inventoryOf(c: CnpCase): Inventory {
  const inventory = buildInventory(
    c.resources.map((object, i) => ({ object, source: `${c.name}#${i}` })),
  );
  expect(inventory.issues).toEqual([]);
  expect(inventory.ignoredKinds).toEqual({});
  return inventory;
}

function podOf(inventory: Inventory, id: string): Pod {
  const pod = inventory.pods.find((p) => `${p.namespace}/${p.name}` === id);
  if (!pod) throw new Error(`probe names unknown pod ${id}`);
  return pod;
}

const probe = (p: Probe): string => `${p.from} -> ${p.to} ${p.protocol}/${p.port}`;

describe('network-policy-api ClusterNetworkPolicy conformance suite', () => {
  it('finds all 58 steps and 207 probes', () => {
    expect(cases).toHaveLength(58);
    expect(cases.reduce((n, c) => n + c.data.probes.length, 0)).toBe(207);
  });

  describe.each(cases.map(({ data }) => [data.name, data] as const))('%s', (_name, data) => {
    const inventory = inventoryOf(data);
    const expected = data.probes.map((p) => `${probe(p)}: ${p.allowed ? 'allowed' : 'denied'}`);

    it('the reference evaluator (isAllowed) gives every expected verdict', () => {
      const got = data.probes.map((p) => {
        const verdict = isAllowed(inventory, {
          src: { kind: 'pod', pod: podOf(inventory, p.from) },
          dst: { kind: 'pod', pod: podOf(inventory, p.to) },
          protocol: p.protocol,
          port: p.port,
        });
        expect(podOf(inventory, p.to).ips[0]).toBeDefined();
        return `${probe(p)}: ${verdict.allowed ? 'allowed' : 'denied'}`;
      });
      expect(got).toEqual(expected);
    });

    it('the fast model gives every expected verdict', () => {
      const model = buildModel(inventory);
      const got = data.probes.map((p) => {
        const conn = model.connections(
          { kind: 'pod', pod: podOf(inventory, p.from) },
          { kind: 'pod', pod: podOf(inventory, p.to) },
        );
        return `${probe(p)}: ${conn.has(p.protocol, p.port) ? 'allowed' : 'denied'}`;
      });
      expect(got).toEqual(expected);
    });

    it.each([
      ['reference connlist', () => referenceConnlist(inventory)],
      ['model connlist', () => buildModel(inventory).connlist()],
    ] as const)(
      'the %s row from[Pod] -> to[Pod] covers exactly the allowed probes',
      (_label, list) => {
        const rows = new Map(list().map((r) => [`${r.src} ${r.dst}`, r.conn]));
        const got = data.probes.map((p) => {
          const conn = rows.get(`${p.from}[Pod] ${p.to}[Pod]`);
          return `${probe(p)}: ${conn?.has(p.protocol, p.port) ? 'allowed' : 'denied'}`;
        });
        expect(got).toEqual(expected);
      },
    );
  });
});
