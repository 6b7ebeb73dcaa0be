import fc from 'fast-check';
import { evaluationOptionsArbitrary } from '@fenceline/netpol-arbitraries';
import {
  allowedConnections,
  buildInventory,
  buildModel,
  buildModelPair,
  diffModels,
  parseIp,
  referenceConnlist,
  referenceCoverage,
  referenceDiff,
  type Endpoint,
  type Inventory,
} from '../../src/index';
import { clusterArbitrary } from './cluster-arbitrary';

/** Runs per property in `npm test`; `FENCELINE_PROPERTY_RUNS` raises it (see scripts/). */
const RUNS = Number(process.env['FENCELINE_PROPERTY_RUNS'] ?? 300);

const inventoryOf = (objects: unknown[]): Inventory => {
  const inventory = buildInventory(objects.map((object) => ({ object })));
  expect(inventory.issues).toEqual([]);
  return inventory;
};

const text = (rows: { src: string; dst: string; conn: { toString(): string } }[]) =>
  rows.map((r) => `${r.src} => ${r.dst} : ${r.conn}`);
const diffText = (rows: ReturnType<typeof referenceDiff>) =>
  rows.map((r) => `${r.diffType} ${r.src} => ${r.dst} : ${r.before} -> ${r.after} ${r.note ?? ''}`);

const EXTERNALS = [
  '10.1.2.3',
  '10.1.2.200',
  '10.1.200.1',
  '10.3.0.1',
  '192.168.1.1',
  '8.8.8.8',
  '10.9.0.1',
  '192.168.7.7',
  '2001:db8::1',
].map((ip) => parseIp(ip)!);

describe('fast model agrees with the reference evaluator', () => {
  it('on the connectivity list of random clusters', () => {
    fc.assert(
      fc.property(clusterArbitrary, evaluationOptionsArbitrary, (objects, options) => {
        const inventory = inventoryOf(objects);
        expect(text(buildModel(inventory, options).connlist())).toEqual(
          text(referenceConnlist(inventory, options)),
        );
      }),
      { numRuns: RUNS },
    );
  });

  it('on every pod pair and external address, every port and protocol', () => {
    fc.assert(
      fc.property(clusterArbitrary, evaluationOptionsArbitrary, (objects, options) => {
        const inventory = inventoryOf(objects);
        const model = buildModel(inventory, options);
        const endpoints: Endpoint[] = [
          ...inventory.pods.map((pod): Endpoint => ({ kind: 'pod', pod })),
          ...EXTERNALS.map((ip): Endpoint => ({ kind: 'external', ip })),
        ];
        for (const src of endpoints) {
          for (const dst of endpoints) {
            if (src.kind === 'external' && dst.kind === 'external') continue;
            const want = allowedConnections(inventory, src, dst, options).toString();
            expect(`${model.connections(src, dst)}`).toBe(want);
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('on isolation coverage', () => {
    fc.assert(
      fc.property(clusterArbitrary, evaluationOptionsArbitrary, (objects, options) => {
        const inventory = inventoryOf(objects);
        expect(buildModel(inventory, options).coverage()).toEqual(
          referenceCoverage(inventory, options),
        );
      }),
      { numRuns: RUNS },
    );
  });

  it('on the diff of two random clusters, and of a cluster with itself', () => {
    fc.assert(
      fc.property(
        clusterArbitrary,
        clusterArbitrary,
        evaluationOptionsArbitrary,
        (objectsA, objectsB, options) => {
          const a = inventoryOf(objectsA);
          const b = inventoryOf(objectsB);
          const [ma, mb] = buildModelPair(a, b, options);
          expect(diffText(diffModels(ma, mb))).toEqual(diffText(referenceDiff(a, b, options)));
          const [ma2, ma3] = buildModelPair(a, a, options);
          expect(diffModels(ma2, ma3)).toEqual([]);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
