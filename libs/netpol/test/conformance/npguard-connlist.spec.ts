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
 * Cases where np-guard's golden output and the network-policy-api reference disagree; the engine
 * follows the reference. Each entry says why. Empty: no case is a known gap.
 */
export const REFERENCE_DISAGREEMENTS: Record<string, string> = {};

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
      const disagreement = REFERENCE_DISAGREEMENTS[name];
      if (disagreement) it.failing(`${name} (np-guard differs from the reference: ${disagreement})`, run);
      else it(name, run);
    }
  },
);
