import { buildInventory } from '../inventory/build-inventory';
import { explain } from './explain';

// A toFQDNs rule matches no address offline: explain must still name it.
// See https://docs.cilium.io/en/stable/security/policy/language/#dns-based
const objects = [
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } },
  {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { namespace: 'shop', name: 'web', labels: { app: 'web' } },
    status: { podIP: '10.0.0.1' },
  },
  {
    apiVersion: 'cilium.io/v2',
    kind: 'CiliumNetworkPolicy',
    metadata: { namespace: 'shop', name: 'to-api' },
    spec: {
      endpointSelector: { matchLabels: { app: 'web' } },
      egress: [{ toFQDNs: [{ matchName: 'api.example.com' }] }],
    },
  },
];

describe('explain through a chain: rules that name what cannot be resolved offline', () => {
  it('an FQDN rule that matches nothing here is named, with what decides instead', () => {
    const inventory = buildInventory(objects.map((object) => ({ object })));
    expect(inventory.issues).toEqual([]);
    const e = explain(inventory, 'shop/web', '203.0.113.7', { protocol: 'TCP', port: 443 });
    expect(e.verdict).toBe(false);
    const note = e.notes.find((n) => n.includes('api.example.com'));
    expect(note).toContain('not resolved offline, so it decides nothing here');
    expect(note).toContain('egress rule');
  });
});
