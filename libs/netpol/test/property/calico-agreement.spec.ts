import fc from 'fast-check';
import {
  allowedConnections,
  buildInventory,
  buildModel,
  isAllowed,
  parseIp,
  referenceConnlist,
  type Endpoint,
} from '../../src/index';
import { calicoObjectsArbitrary } from './calico-arbitrary';
import {
  clusterArbitrary,
  externalIpArbitrary,
  portArbitrary,
  protocolArbitrary,
} from './cluster-arbitrary';

const RUNS = Number(process.env['FENCELINE_PROPERTY_RUNS'] ?? 300);

describe('Calico: model = reference over random mixes of Calico, NetworkPolicy and ClusterNetworkPolicy', () => {
  it('isAllowed, allowedConnections and the model agree on every pair', () => {
    fc.assert(
      fc.property(
        clusterArbitrary,
        calicoObjectsArbitrary,
        fc.nat(),
        fc.nat(),
        externalIpArbitrary,
        protocolArbitrary,
        portArbitrary,
        (objects, calico, srcPick, dstPick, externalIp, protocol, port) => {
          const inventory = buildInventory([...objects, ...calico].map((object) => ({ object })));
          expect(inventory.issues).toEqual([]);
          expect(inventory.calico).toBeDefined();
          const endpoints: Endpoint[] = [
            ...inventory.pods.map((pod): Endpoint => ({ kind: 'pod', pod })),
            { kind: 'external', ip: parseIp(externalIp)! },
          ];
          const src = endpoints[srcPick % endpoints.length]!;
          const dst = endpoints[dstPick % endpoints.length]!;
          if (src.kind === 'external' && dst.kind === 'external') return;
          const verdict = isAllowed(inventory, { src, dst, protocol, port });
          const symbolic = allowedConnections(inventory, src, dst);
          expect(symbolic.has(protocol, port)).toBe(verdict.allowed);
          expect(buildModel(inventory).connections(src, dst).equals(symbolic)).toBe(true);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('the model connlist equals the reference connlist (external ranges cut at Calico CIDRs too)', () => {
    const text = (rows: ReturnType<typeof referenceConnlist>) =>
      rows.map((r) => `${r.src} => ${r.dst} : ${r.conn.toString()}`);
    fc.assert(
      fc.property(clusterArbitrary, calicoObjectsArbitrary, (objects, calico) => {
        const inventory = buildInventory([...objects, ...calico].map((object) => ({ object })));
        expect(text(buildModel(inventory).connlist())).toEqual(text(referenceConnlist(inventory)));
      }),
      { numRuns: Math.ceil(RUNS / 3) },
    );
  });
});
