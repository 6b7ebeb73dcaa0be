import fc from 'fast-check';
import {
  allowedConnections,
  buildInventory,
  buildModel,
  isAllowed,
  parseIp,
  type Endpoint,
  type EvaluationOptions,
  type Inventory,
} from '../../src/index';
import {
  clusterArbitrary,
  externalIpArbitrary,
  portArbitrary,
  protocolArbitrary,
} from './cluster-arbitrary';

const RUNS = Number(process.env['FENCELINE_PROPERTY_RUNS'] ?? 300);

const evaluationOptionsArbitrary = fc.record({
  ipBlockMatchesPods: fc.boolean(),
  hostNetwork: fc.constantFrom('as-pods' as const, 'unrestricted' as const),
}) as fc.Arbitrary<EvaluationOptions>;

/**
 * Calico places Kubernetes NetworkPolicies in its default tier (order 1000, end-of-tier Deny)
 * and ClusterNetworkPolicies in kube-admin / kube-baseline (default Pass): without Calico
 * objects of its own, that chain must decide exactly as the network-policy-api tiers do.
 */
describe('the Calico chain agrees with the Kubernetes tiers on NetworkPolicy + ClusterNetworkPolicy', () => {
  it('isAllowed, allowedConnections and the model through the chain equal the standard evaluation', () => {
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
          const standard = buildInventory(objects.map((object) => ({ object })));
          const chained: Inventory = {
            ...standard,
            calico: { policies: [], tiers: [], networkSets: [] },
          };
          const endpoints: Endpoint[] = [
            ...standard.pods.map((pod): Endpoint => ({ kind: 'pod', pod })),
            { kind: 'external', ip: parseIp(externalIp)! },
          ];
          const src = endpoints[srcPick % endpoints.length]!;
          const dst = endpoints[dstPick % endpoints.length]!;
          if (src.kind === 'external' && dst.kind === 'external') return;
          const traffic = { src, dst, protocol, port };
          expect(isAllowed(chained, traffic, options).allowed).toBe(
            isAllowed(standard, traffic, options).allowed,
          );
          const expected = allowedConnections(standard, src, dst, options);
          expect(allowedConnections(chained, src, dst, options).equals(expected)).toBe(true);
          expect(buildModel(chained, options).connections(src, dst).equals(expected)).toBe(true);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
