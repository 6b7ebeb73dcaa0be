import fc from 'fast-check';
import { evaluationOptionsArbitrary } from '@fenceline/netpol-arbitraries';
import {
  allowedConnections,
  buildInventory,
  isAllowed,
  parseIp,
  referenceDiff,
  type Endpoint,
} from '../../src/index';
import {
  clusterArbitrary,
  externalIpArbitrary,
  portArbitrary,
  protocolArbitrary,
} from './cluster-arbitrary';

const RUNS = Number(process.env['FENCELINE_PROPERTY_RUNS'] ?? 300);

describe('reference evaluator: per-port verdict and symbolic connections agree', () => {
  it('isAllowed(traffic) === allowedConnections(src, dst).has(protocol, port) on random clusters', () => {
    fc.assert(
      fc.property(
        clusterArbitrary,
        evaluationOptionsArbitrary,
        fc.nat(),
        fc.nat(),
        externalIpArbitrary,
        protocolArbitrary,
        portArbitrary,
        (objects, options, srcPick, dstPick, externalIp, protocol, port) => {
          const inventory = buildInventory(objects.map((object) => ({ object })));
          expect(inventory.issues).toEqual([]);
          const endpoints: Endpoint[] = [
            ...inventory.pods.map((pod): Endpoint => ({ kind: 'pod', pod })),
            { kind: 'external', ip: parseIp(externalIp)! },
          ];
          const src = endpoints[srcPick % endpoints.length]!;
          const dst = endpoints[dstPick % endpoints.length]!;
          if (src.kind === 'external' && dst.kind === 'external') return;
          const verdict = isAllowed(inventory, { src, dst, protocol, port }, options);
          const symbolic = allowedConnections(inventory, src, dst, options);
          expect(symbolic.has(protocol, port)).toBe(verdict.allowed);
          expect(verdict.allowed).toBe(verdict.egress.allowed && verdict.ingress.allowed);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('a configuration diffed with itself is empty', () => {
    fc.assert(
      fc.property(clusterArbitrary, (objects) => {
        const inventory = buildInventory(objects.map((object) => ({ object })));
        expect(referenceDiff(inventory, inventory)).toEqual([]);
      }),
      { numRuns: Math.ceil(RUNS / 5) },
    );
  });
});
