import {
  buildInventory,
  buildModel,
  referenceConnlist,
  type Inventory,
  type SourcedObject,
} from '../../src/index';
import { readCases } from './conformance-data';
import { semanticDifferences, type TextRow } from './semantic-compare';

interface ConnlistCase {
  name: string;
  resources: unknown[];
  expected: TextRow[];
  meta: { features?: string[] };
}

/**
 * Fixtures whose AdminNetworkPolicy `pods` peers omit `podSelector`. The v1alpha1 CRD requires
 * it (`NamespacedPod.podSelector` has neither `omitempty` nor `+optional`), so the API server
 * rejects these objects; np-guard reads the missing selector as `{}`. The engine follows the
 * reference: it reports each peer as MISSING_FIELD and leaves the policy out. The test checks
 * that, and that the fixture with the evident intent written out (`podSelector: {}`) gives
 * np-guard's expected connectivity.
 */
export const MISSING_POD_SELECTOR = new Set([
  'anp_demo',
  'anp_test_3_pass_traffic',
  'anp_test_8',
  'anp_test_9',
  'anp_test_10',
  'anp_test_11',
  'anp_test_12',
]);

/** Adds `podSelector: {}` to every `pods` peer of a v1alpha1 policy that lacks one. */
function withEmptyPodSelectors(resources: unknown[]): { resources: unknown[]; patched: string[] } {
  const patched: string[] = [];
  const copy = JSON.parse(JSON.stringify(resources)) as Record<string, unknown>[];
  for (const object of copy) {
    if (object['kind'] !== 'AdminNetworkPolicy' && object['kind'] !== 'BaselineAdminNetworkPolicy')
      continue;
    const spec = object['spec'] as Record<string, Record<string, unknown>[] | undefined>;
    const name = (object['metadata'] as { name: string }).name;
    for (const direction of ['ingress', 'egress'] as const) {
      (spec[direction] ?? []).forEach((rule, i) => {
        const peers = (rule[direction === 'ingress' ? 'from' : 'to'] ?? []) as Record<
          string,
          Record<string, unknown>
        >[];
        peers.forEach((peer, j) => {
          if (peer['pods'] && peer['pods']['podSelector'] === undefined) {
            peer['pods']['podSelector'] = {};
            patched.push(
              `MISSING_FIELD ${String(object['kind'])} undefined/${name} spec.${direction}[${i}].${direction === 'ingress' ? 'from' : 'to'}[${j}].pods.podSelector`,
            );
          }
        });
      });
    }
  }
  return { resources: copy, patched };
}

/**
 * Fixtures that contain an object the API server would reject. The engine must report exactly
 * these issues, leave the bad object out and still match the expected connectivity.
 */
const INVALID_FIXTURE_OBJECTS: Record<string, string[]> = {
  netpol_named_port_test: [
    'MISSING_FIELD Deployment helloworld/pod-a spec.template.spec.containers[0].ports[1].containerPort',
  ],
  netpol_named_port_test_2: [
    'MISSING_FIELD Deployment helloworld/pod-a spec.template.spec.containers[0].ports[1].containerPort',
  ],
};

const cases = readCases<ConnlistCase>('npguard/connlist');

const EVALUATORS = {
  reference: (inventory: Inventory) => referenceConnlist(inventory),
  'fast model': (inventory: Inventory) => buildModel(inventory).connlist(),
};

export function connlistOf(
  resources: unknown[],
  name = '',
  evaluator: keyof typeof EVALUATORS = 'reference',
): TextRow[] {
  const objects: SourcedObject[] = resources.map((object) => ({ object }));
  const inventory = buildInventory(objects, { workloadName: 'direct' });
  const issues = inventory.issues.map(
    (i) => `${i.code} ${i.object.kind} ${i.object.namespace}/${i.object.name} ${i.path}`,
  );
  expect(issues).toEqual(INVALID_FIXTURE_OBJECTS[name] ?? []);
  return EVALUATORS[evaluator](inventory).map((r) => ({
    src: r.src,
    dst: r.dst,
    conn: r.conn.toString(),
  }));
}

describe.each(Object.keys(EVALUATORS) as (keyof typeof EVALUATORS)[])(
  'np-guard connlist conformance (%s)',
  (evaluator) => {
    it('finds all 42 cases', () => {
      expect(cases).toHaveLength(42);
    });

    it('holds 20 cases with AdminNetworkPolicy/BaselineAdminNetworkPolicy, all evaluated', () => {
      const admin = cases.filter(({ data }) =>
        (data.meta.features ?? []).some((f) => f === 'ANP' || f === 'BANP'),
      );
      expect(admin).toHaveLength(20);
    });

    for (const { file, data } of cases) {
      const name = file.replace(/\.json$/, '');
      const run = (): void => {
        expect(
          semanticDifferences(data.expected, connlistOf(data.resources, name, evaluator)),
        ).toEqual([]);
      };
      if (!MISSING_POD_SELECTOR.has(name)) {
        it(name, run);
        continue;
      }
      const { resources, patched } = withEmptyPodSelectors(data.resources);
      it(`${name}: pods peers without podSelector are reported and the policy left out (v1alpha1 CRD)`, () => {
        const inventory = buildInventory(
          data.resources.map((object) => ({ object })),
          {
            workloadName: 'direct',
          },
        );
        const issues = inventory.issues.map(
          (i) => `${i.code} ${i.object.kind} ${i.object.namespace}/${i.object.name} ${i.path}`,
        );
        expect(patched.length).toBeGreaterThan(0);
        expect(issues.sort()).toEqual([...patched].sort());
        const rejected = new Set(patched.map((issue) => issue.split(' ')[2]));
        const clusterKinds = data.resources.filter((r) =>
          /AdminNetworkPolicy$/.test(String((r as { kind: unknown }).kind)),
        );
        expect(inventory.clusterPolicies).toHaveLength(clusterKinds.length - rejected.size);
      });
      it(`${name} with podSelector: {} written out`, () => {
        expect(semanticDifferences(data.expected, connlistOf(resources, name, evaluator))).toEqual(
          [],
        );
      });
    }
  },
);
