import { buildInventory, type Inventory } from '../../src/index';
import { assertOverTraffic, expectChainAgreement } from './agreement';

/**
 * Calico places Kubernetes NetworkPolicies in its default tier (order 1000, end-of-tier Deny)
 * and ClusterNetworkPolicies in kube-admin / kube-baseline (default Pass): without Calico
 * objects of its own, that chain must decide exactly as the network-policy-api tiers do.
 */
describe('the Calico chain agrees with the Kubernetes tiers on NetworkPolicy + ClusterNetworkPolicy', () => {
  it('isAllowed, allowedConnections and the model through the chain equal the standard evaluation', () => {
    assertOverTraffic((objects, options, pick) => {
      const standard = buildInventory(objects.map((object) => ({ object })));
      const chained: Inventory = {
        ...standard,
        calico: { policies: [], tiers: [], networkSets: [], notes: [] },
      };
      expectChainAgreement(standard, chained, pick, options);
    });
  });
});
