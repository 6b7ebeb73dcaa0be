import fc from 'fast-check';
import { buildInventory, referenceConnlist } from '@fenceline/netpol';
import { computeDrift, type BaselineContent } from '../src/index';
import { networkPolicyObject } from '@fenceline/netpol-arbitraries';
import { labels, NAME, NAMESPACES, SCOPES, spec, type Raw } from './arbitraries';
import { clusterPoliciesArbitrary } from './cluster-arbitraries';

const RUNS = Number(process.env['FENCELINE_PROPERTY_RUNS'] ?? 150);

/** Rewrites a policy without changing its meaning: orders reversed, TCP and policyTypes spelled out. */
function reformat(p: Raw): Raw {
  const s = p['spec'] as Raw;
  const rules = (list: unknown, field: string): unknown =>
    Array.isArray(list)
      ? [...list].reverse().map((r: Raw) => ({
          ...r,
          ...(Array.isArray(r[field]) ? { [field]: [...(r[field] as unknown[])].reverse() } : {}),
          ...(Array.isArray(r['ports'])
            ? { ports: (r['ports'] as Raw[]).map((x) => ({ protocol: 'TCP', ...x })).reverse() }
            : {}),
        }))
      : list;
  const egressRules = Array.isArray(s['egress']) ? s['egress'].length : 0;
  const types = s['policyTypes'] ?? ['Ingress', ...(egressRules > 0 ? ['Egress'] : [])];
  return {
    ...p,
    spec: {
      ...s,
      policyTypes: [...(types as string[])].reverse(),
      ingress: rules(s['ingress'], 'from'),
      egress: rules(s['egress'], 'to'),
    },
  };
}

const scenario = fc.record({
  scope: fc.nat(SCOPES.length - 1),
  namespaceLabels: fc.tuple(...NAMESPACES.map(() => labels)),
  pods: fc.array(
    fc.record({ namespace: fc.constantFrom(...NAMESPACES), labels, template: fc.boolean() }),
    { minLength: 1, maxLength: 6 },
  ),
  templates: fc.array(fc.record({ name: fc.constantFrom('p0', 'p1', 'p2'), spec }), {
    maxLength: 2,
  }),
  namespaced: fc.array(
    fc.record({
      name: fc.constantFrom('p0', 'p1', 'p3'),
      namespace: fc.constantFrom(...NAMESPACES),
      spec,
    }),
    { maxLength: 3 },
  ),
  others: fc.array(
    fc.record({
      name: fc.constantFrom('o1', 'o2'),
      namespace: fc.constantFrom(...NAMESPACES),
      spec,
    }),
    { maxLength: 2 },
  ),
  reformatted: fc.boolean(),
  // Held by the baseline and on the cluster alike (cluster-scoped: never expanded).
  clusterPolicies: clusterPoliciesArbitrary(2),
});

describe('computeDrift property', () => {
  it('finds no path-*, policy-* or connectivity-* drift when the cluster holds exactly the expanded baseline (cluster policies too)', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const scope = SCOPES[s.scope]!;
        const nsLabels = new Map(
          NAMESPACES.map((name, i) => [name, { ...s.namespaceLabels[i], [NAME]: name }]),
        );
        const inScope = NAMESPACES.filter((name) => scope.inScope(nsLabels.get(name)!));
        const unique = <T extends { name: string; namespace?: string }>(list: T[]): T[] => [
          ...new Map(list.map((x) => [`${x.namespace ?? '*'}/${x.name}`, x])).values(),
        ];
        const templates = unique(s.templates);
        const namespaced = unique(s.namespaced);
        const content: BaselineContent = {
          scope: { namespaceSelector: scope.selector },
          policies: [
            ...templates.map((t) => networkPolicyObject(t.name, undefined, t.spec)),
            ...namespaced.map((p) => networkPolicyObject(p.name, p.namespace, p.spec)),
            ...s.clusterPolicies,
          ],
          guardrails: [],
        };
        // The expansion, by hand: namespaced policies of in-scope namespaces, then every template
        // in every in-scope namespace where no namespaced policy of its name overrides it.
        const expanded = [
          ...namespaced
            .filter((p) => inScope.includes(p.namespace))
            .map((p) => networkPolicyObject(p.name, p.namespace, p.spec)),
          ...inScope.flatMap((ns) =>
            templates
              .filter((t) => !namespaced.some((p) => p.namespace === ns && p.name === t.name))
              .map((t) => networkPolicyObject(t.name, ns, t.spec)),
          ),
        ];
        const outOfScope = unique(s.others)
          .filter((p) => !inScope.includes(p.namespace))
          .map((p) => networkPolicyObject(p.name, p.namespace, p.spec));
        const objects = [
          ...NAMESPACES.map((name) => ({
            apiVersion: 'v1',
            kind: 'Namespace',
            metadata: { name, labels: nsLabels.get(name) },
          })),
          ...s.pods.map((p, i) =>
            p.template
              ? {
                  apiVersion: 'apps/v1',
                  kind: 'Deployment',
                  metadata: { name: `w${i}`, namespace: p.namespace },
                  spec: {
                    template: {
                      metadata: { labels: p.labels },
                      spec: {
                        containers: [{ name: 'c', ports: [{ name: 'http', containerPort: 8080 }] }],
                      },
                    },
                  },
                }
              : {
                  apiVersion: 'v1',
                  kind: 'Pod',
                  metadata: { name: `p${i}`, namespace: p.namespace, labels: p.labels },
                  spec: {
                    containers: [{ name: 'c', ports: [{ name: 'http', containerPort: 80 }] }],
                  },
                },
          ),
          ...(s.reformatted ? expanded.map(reformat) : expanded),
          ...outOfScope,
          ...s.clusterPolicies,
        ];
        const inventory = buildInventory(objects.map((object) => ({ object })));
        expect(inventory.issues).toEqual([]);
        // The reference evaluator's own connectivity list (cut at other CIDRs than the model's)
        // is the reference: nothing is wider than itself.
        const reference = referenceConnlist(inventory).map((r) => ({
          src: r.src,
          dst: r.dst,
          conn: r.conn.toString(),
        }));
        const drift = computeDrift(content, inventory, { reference }).filter(
          (f) => f.kind !== 'guardrail-violated',
        );
        expect(drift).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it('finds policy-missing for every expanded policy when the cluster has none in scope', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom('p0', 'p1', 'p2'), { minLength: 1 }),
        fc.subarray(['ns-a', 'ns-b', 'ns-c']),
        (names, namespaces) => {
          const content: BaselineContent = {
            scope: { namespaceSelector: {} },
            policies: names.map((n) => networkPolicyObject(n, undefined, { podSelector: {} })),
            guardrails: [],
          };
          const inventory = buildInventory(
            namespaces.map((name) => ({
              object: { apiVersion: 'v1', kind: 'Namespace', metadata: { name } },
            })),
          );
          const missing = computeDrift(content, inventory).filter(
            (f) => f.kind === 'policy-missing',
          );
          expect(missing.map((f) => f.subject).sort()).toEqual(
            namespaces.flatMap((ns) => names.map((n) => `NetworkPolicy ${ns}/${n}`)).sort(),
          );
        },
      ),
      { numRuns: RUNS },
    );
  });
});
