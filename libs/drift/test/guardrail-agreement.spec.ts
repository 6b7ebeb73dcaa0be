import fc from 'fast-check';
import {
  allowedConnections,
  buildInventory,
  ConnectionSet,
  externalAtoms,
  matchesLabels,
  namespaceLabels,
  parseCidr,
  parseNetworkPolicy,
  policyCidrRanges,
  workloadName,
  type Inventory,
  type Pod,
} from '@fenceline/netpol';
import { computeDrift, type BaselineContent, type PeerSpec, type PortSpec } from '../src/index';
import { parseExternalName } from '../src/connectivity/external-range';
import { clusterArbitrary } from './arbitraries';
import { tieredClusterArbitrary } from './cluster-arbitraries';

const RUNS = Number(process.env['FENCELINE_PROPERTY_RUNS'] ?? 500);

/**
 * The guardrail checks (model rows, refined per pod shape, replicas included) must agree with
 * the slow, obviously right way: the reference evaluator over every pod pair.
 */
const PEERS: PeerSpec[] = [
  {},
  { podSelector: { matchLabels: { app: 'web' } } },
  { namespaceSelector: { matchLabels: { team: 'x' } } },
  {
    namespaceSelector: {
      matchExpressions: [
        { key: 'kubernetes.io/metadata.name', operator: 'In', values: ['kube-system', 'ns-a'] },
      ],
    },
    podSelector: { matchExpressions: [{ key: 'app', operator: 'Exists' }] },
  },
];
const PORTS: (PortSpec[] | undefined)[] = [
  undefined,
  [{ port: 80 }],
  [{ protocol: 'UDP', port: 53 }, { port: 53 }],
  [{ port: 80, endPort: 8080 }],
];

/** Whether a guardrail peer selects a pod, re-implemented from the documented rule. */
function selects(inventory: Inventory, peer: PeerSpec, pod: Pod): boolean {
  if (!peer.namespaceSelector && pod.namespace === 'kube-system') return false; // default scope
  const parse = (selector: unknown) =>
    parseNetworkPolicy({ spec: { podSelector: selector } }, { kind: 'NetworkPolicy', name: 'x' })
      .value!.podSelector;
  const ns = peer.namespaceSelector && parse(peer.namespaceSelector);
  const pods = peer.podSelector && parse(peer.podSelector);
  return (
    (!ns || matchesLabels(ns, namespaceLabels(inventory, pod.namespace))) &&
    (!pods || matchesLabels(pods, pod.labels))
  );
}

function portsOf(ports: PortSpec[] | undefined): ConnectionSet {
  if (!ports) return ConnectionSet.ALL;
  return ports.reduce(
    (acc, p) =>
      acc.union(
        ConnectionSet.parse(`${p.protocol ?? 'TCP'} ${p.port}${p.endPort ? `-${p.endPort}` : ''}`)!,
      ),
    ConnectionSet.NONE,
  );
}

// Mostly mixed clusters; sometimes every pod a replica of one ReplicaSet, so that workloads are
// often only partly selected and their rows must be recomputed per pod. Half of them hold
// cluster policies (both tiers, every action, networks matching pod addresses).
const clusters = fc.oneof(
  clusterArbitrary(),
  clusterArbitrary(['rs-1']),
  tieredClusterArbitrary(),
  tieredClusterArbitrary(['rs-1']),
);
const guardrailCase = fc.record({
  from: fc.nat(PEERS.length - 1),
  to: fc.nat(PEERS.length - 1),
  ports: fc.nat(PORTS.length - 1),
  toCidr: fc.boolean(),
});

describe('guardrails agree with the reference evaluator', () => {
  it('deny: the allowed connections are exactly those of the pod pairs', () => {
    fc.assert(
      fc.property(clusters, guardrailCase, (objects, c) => {
        const inventory = buildInventory(objects.map((object) => ({ object })));
        const from = PEERS[c.from]!;
        const to: PeerSpec = c.toCidr
          ? { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] }
          : PEERS[c.to]!;
        const ports = PORTS[c.ports];
        const content: BaselineContent = {
          scope: {
            namespaceSelector: {
              matchExpressions: [
                { key: 'kubernetes.io/metadata.name', operator: 'NotIn', values: ['kube-system'] },
              ],
            },
          },
          policies: [],
          guardrails: [{ type: 'deny', name: 'd', from, to, ...(ports ? { ports } : {}) }],
        };
        const finding = computeDrift(content, inventory).find(
          (f) => f.kind === 'guardrail-violated',
        );
        const reported =
          (finding?.evidence['allowed'] as
            { src: string; dst: string; conn: string }[] | undefined) ?? [];
        const expected = new Map<string, ConnectionSet>();
        const add = (src: string, dst: string, conn: ConnectionSet): void => {
          const key = `${src}\u0000${dst}`;
          if (!conn.isEmpty)
            expected.set(key, (expected.get(key) ?? ConnectionSet.NONE).union(conn));
        };
        const allowedPorts = portsOf(ports);
        const atoms = new Map<
          string,
          { src: string; atom: { first: bigint; last: bigint }; conn: ConnectionSet }
        >();
        for (const p of inventory.pods.filter((pod) => selects(inventory, from, pod))) {
          if (c.toCidr) {
            const cidr = parseCidr('10.0.0.0/8')!;
            const except = parseCidr('10.1.0.0/16')!;
            for (const atom of externalAtoms([
              ...policyCidrRanges(inventory.policies, inventory.clusterPolicies),
              cidr,
              except,
            ])) {
              if (
                atom.first < cidr.first ||
                atom.last > cidr.last ||
                (atom.first >= except.first && atom.last <= except.last)
              )
                continue;
              const conn = allowedConnections(
                inventory,
                { kind: 'pod', pod: p },
                { kind: 'external', ip: { family: 4, value: atom.first } },
              ).intersect(allowedPorts);
              // A row is the union over the workload's pods, compared address by address.
              const key = `${workloadName(p.workload)}\u0000${atom.first}`;
              const previous = atoms.get(key);
              atoms.set(key, {
                src: workloadName(p.workload),
                atom,
                conn: (previous?.conn ?? ConnectionSet.NONE).union(conn),
              });
            }
            continue;
          }
          for (const q of inventory.pods.filter((pod) => selects(inventory, to, pod))) {
            if (p === q && !p.fromTemplate) continue;
            add(
              workloadName(p.workload),
              workloadName(q.workload),
              allowedConnections(
                inventory,
                { kind: 'pod', pod: p },
                { kind: 'pod', pod: q },
              ).intersect(allowedPorts),
            );
          }
        }
        if (c.toCidr) {
          const holding = (src: string, first: bigint, last: bigint) =>
            reported.filter((r) => {
              const range = parseExternalName(r.dst);
              return (
                r.src === src && range !== undefined && range.first <= first && last <= range.last
              );
            });
          for (const { src, atom, conn } of atoms.values()) {
            expect(holding(src, atom.first, atom.last).map((r) => r.conn)).toEqual(
              conn.isEmpty ? [] : [conn.toString()],
            );
          }
          // Every reported range lies inside the CIDR minus its except, and holds atoms.
          for (const r of reported) {
            const range = parseExternalName(r.dst)!;
            const inside = [...atoms.values()].filter(
              (a) => a.src === r.src && range.first <= a.atom.first && a.atom.last <= range.last,
            );
            expect(inside.length).toBeGreaterThan(0);
          }
          return;
        }
        expect(Object.fromEntries(reported.map((r) => [`${r.src}\u0000${r.dst}`, r.conn]))).toEqual(
          Object.fromEntries([...expected].map(([k, v]) => [k, v.toString()])),
        );
        expect(finding === undefined).toBe(expected.size === 0);
      }),
      { numRuns: RUNS },
    );
  });

  it('allow: the missing connections are exactly those of the pod pairs', () => {
    fc.assert(
      fc.property(clusters, guardrailCase, (objects, c) => {
        const inventory = buildInventory(objects.map((object) => ({ object })));
        const from = PEERS[c.from]!;
        const to = PEERS[c.to]!;
        const ports = PORTS[c.ports];
        const content: BaselineContent = {
          scope: {
            namespaceSelector: {
              matchExpressions: [
                { key: 'kubernetes.io/metadata.name', operator: 'NotIn', values: ['kube-system'] },
              ],
            },
          },
          policies: [],
          guardrails: [{ type: 'allow', name: 'a', from, to, ...(ports ? { ports } : {}) }],
        };
        const finding = computeDrift(content, inventory).find(
          (f) => f.kind === 'guardrail-violated',
        );
        const required = portsOf(ports);
        const fromPods = inventory.pods.filter((pod) => selects(inventory, from, pod));
        const toPods = inventory.pods.filter((pod) => selects(inventory, to, pod));
        if (fromPods.length === 0 || toPods.length === 0) {
          expect(finding?.evidence['reason']).toBeDefined();
          return;
        }
        const expected = new Map<string, ConnectionSet>();
        for (const p of fromPods) {
          for (const q of toPods) {
            if (p === q) continue;
            const missing = required.subtract(
              allowedConnections(inventory, { kind: 'pod', pod: p }, { kind: 'pod', pod: q }),
            );
            const key = `${workloadName(p.workload)}\u0000${workloadName(q.workload)}`;
            if (!missing.isEmpty)
              expected.set(key, (expected.get(key) ?? ConnectionSet.NONE).union(missing));
          }
        }
        const reported =
          (finding?.evidence['missing'] as
            { src: string; dst: string; missing: string }[] | undefined) ?? [];
        expect(
          Object.fromEntries(reported.map((r) => [`${r.src}\u0000${r.dst}`, r.missing])),
        ).toEqual(Object.fromEntries([...expected].map(([k, v]) => [k, v.toString()])));
      }),
      { numRuns: RUNS },
    );
  });
});
