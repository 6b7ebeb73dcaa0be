import fc from 'fast-check';
import {
  buildInventory,
  buildModel,
  isAllowed,
  isolatingPolicies,
  PROTOCOLS,
  workloadName,
  type ConnectionSet,
  type Inventory,
  type Pod,
  type Protocol,
} from '@fenceline/netpol';
import { evaluationOptionsArbitrary } from '@fenceline/netpol-arbitraries';
import { coverageReport, evaluateFramework } from '../src/index';
import { CheckContext } from '../src/checks/check-context';
import { adminOverrides } from '../src/checks/admin-overrides';
import { compileContext } from '../src/context/compile-context';
import { overridingCluster, PORTS, tieredCluster } from './tier-arbitrary';

/** Random tiered clusters, half of them with an override forced in. */
const clusters = fc.oneof(tieredCluster, overridingCluster);

const inventoryOf = (objects: unknown[]): Inventory =>
  buildInventory(objects.map((object) => ({ object })));

/** The same cluster with its cluster-scoped policies removed: the NetworkPolicy tier alone. */
const withoutClusterPolicies = (inventory: Inventory): Inventory => ({
  ...inventory,
  clusterPolicies: [],
});

/** Ports worth probing: the generator's ports and the named port's container port (80). */
const PROBES: [Protocol, number][] = PROTOCOLS.flatMap((p) =>
  PORTS.map((n): [Protocol, number] => [p, n]),
);

const podsOf = (inventory: Inventory, workload: string): Pod[] =>
  inventory.pods.filter((p) => workloadName(p.workload) === workload);

describe('compliance over random clusters with cluster-scoped policies', () => {
  it('ZT-1 / ZT-2 scores equal model.coverage(), and the coverage report agrees', () => {
    fc.assert(
      fc.property(tieredCluster, evaluationOptionsArbitrary, (objects, opts) => {
        const inventory = inventoryOf(objects);
        const coverage = buildModel(inventory, opts).coverage();
        const report = evaluateFramework('zero-trust', { inventory, options: opts });
        const score = (id: string) => report.controls.find((c) => c.id === id)!.score;
        expect(score('ZT-1')).toBeCloseTo(coverage.ingressIsolatedPods / coverage.totalPods, 12);
        expect(score('ZT-2')).toBeCloseTo(coverage.egressIsolatedPods / coverage.totalPods, 12);
        const listed = coverageReport(inventory, opts);
        expect(listed.egressIsolatedPods).toBe(coverage.egressIsolatedPods);
        expect(listed.workloadsWithoutIngressIsolation.length === 0).toBe(
          coverage.ingressIsolatedPods === coverage.totalPods,
        );
        // A namespace names a source of default deny exactly when some pod of it has one.
        coverage.namespaces.forEach((n, i) => {
          const by = listed.defaultDeny[i]!;
          expect(by.namespace).toBe(n.namespace);
          expect(by.ingress.length > 0).toBe(n.ingressIsolatedPods > 0);
          expect(by.egress.length > 0).toBe(n.egressIsolatedPods > 0);
        });
      }),
      { numRuns: 150 },
    );
  });

  it('ZT-11 overrides are exactly the connections an Admin Accept opens against the NetworkPolicies', () => {
    fc.assert(
      fc.property(clusters, evaluationOptionsArbitrary, (objects, opts) => {
        const inventory = inventoryOf(objects);
        const npOnly = withoutClusterPolicies(inventory);
        const ctx = new CheckContext(compileContext({ inventory, options: opts }));
        const overrides = adminOverrides(ctx, { destination: () => true, source: () => true });
        const found = (dst: Pod, src: Pod, key: string, protocol: Protocol, port: number) =>
          overrides.some(
            (o) =>
              o.workload === workloadName(dst.workload) &&
              `${o.policy.kind}/${o.policy.name}#${o.rule.index}` === key &&
              (o.sources.get(workloadName(src.workload)) as ConnectionSet | undefined)?.has(
                protocol,
                port,
              ) === true,
          );
        // Sound: every reported connection, probed pod by pod with the reference evaluator,
        // is allowed, its ingress decided by that Admin Accept rule, and denied without the
        // cluster policies by the isolating NetworkPolicies.
        for (const o of overrides) {
          const key = `${o.policy.kind}/${o.policy.name}#${o.rule.index}`;
          for (const [src, conn] of o.sources) {
            const witness = podsOf(inventory, src).some((s) =>
              podsOf(inventory, o.workload).some(
                (d) =>
                  s !== d &&
                  PROBES.concat([['TCP', 80]]).some(([protocol, port]) => {
                    if (!conn.has(protocol, port)) return false;
                    const traffic = { src: pod(s), dst: pod(d), protocol, port };
                    const v = isAllowed(inventory, traffic, opts);
                    const decided = v.ingress.decidedBy;
                    return (
                      v.allowed &&
                      decided.tier === 'Admin' &&
                      `${decided.policy.kind}/${decided.policy.name}#${decided.ruleIndex}` ===
                        key &&
                      !isAllowed(npOnly, traffic, opts).ingress.allowed
                    );
                  }),
              ),
            );
            expect(witness).toBe(true);
          }
        }
        // Complete: every probed connection of that kind is reported.
        for (const d of inventory.pods) {
          if (isolatingPolicies(inventory, d, 'ingress', opts).length === 0) continue;
          for (const s of inventory.pods) {
            if (s === d) continue;
            for (const [protocol, port] of PROBES) {
              const traffic = { src: pod(s), dst: pod(d), protocol, port };
              const v = isAllowed(inventory, traffic, opts);
              const decided = v.ingress.decidedBy;
              if (!v.allowed || decided.tier !== 'Admin' || decided.action !== 'Accept') continue;
              if (isAllowed(npOnly, traffic, opts).ingress.allowed) continue;
              const key = `${decided.policy.kind}/${decided.policy.name}#${decided.ruleIndex}`;
              expect(found(d, s, key, protocol, port)).toBe(true);
            }
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});

function pod(p: Pod) {
  return { kind: 'pod' as const, pod: p };
}
