import { buildInventory } from '../../inventory/build-inventory';
import { policyChainOf } from '../../chain/chain-of';
import { DEFAULT_OPTIONS } from '../../reference/traffic';

const issuesOf = (...objects: object[]) =>
  buildInventory(objects.map((object) => ({ object }))).issues.map(
    (i) => `${i.code} ${i.object.kind}/${i.object.namespace ?? ''}/${i.object.name} ${i.path}`,
  );
const cnp = (spec: object, name = 'p') => ({
  apiVersion: 'cilium.io/v2',
  kind: 'CiliumNetworkPolicy',
  metadata: { namespace: 'shop', name },
  spec,
});
const ccnp = (spec: object) => ({
  apiVersion: 'cilium.io/v2',
  kind: 'CiliumClusterwideNetworkPolicy',
  metadata: { name: 'c' },
  spec,
});
const sel = { matchLabels: { app: 'db' } };

describe('Cilium validation: object, field path and code', () => {
  it('peers: unknown entity, bad CIDR, except outside its CIDR, CIDR set forms', () => {
    expect(
      issuesOf(
        cnp({
          endpointSelector: sel,
          ingress: [{ fromEntities: ['everyone'] }],
          egress: [
            { toCIDR: ['10.0.0.0/33'] },
            { toCIDRSet: [{ cidr: '10.0.0.0/8', except: ['192.168.0.0/16'] }] },
            { toCIDRSet: [{ cidr: '10.0.0.0/8', cidrGroupRef: 'g' }, {}] },
          ],
        }),
      ),
    ).toEqual([
      'INVALID_PEER CiliumNetworkPolicy/shop/p spec.ingress[0].fromEntities[0]',
      'INVALID_CIDR CiliumNetworkPolicy/shop/p spec.egress[0].toCIDR[0]',
      'EXCEPT_OUTSIDE_CIDR CiliumNetworkPolicy/shop/p spec.egress[1].toCIDRSet[0].except[0]',
      'INVALID_FIELD_COMBINATION CiliumNetworkPolicy/shop/p spec.egress[2].toCIDRSet[0]',
      'MISSING_FIELD CiliumNetworkPolicy/shop/p spec.egress[2].toCIDRSet[1]',
    ]);
  });

  it('ports: a number where the CRD wants a string, out of range, bad names and protocols', () => {
    expect(
      issuesOf(
        cnp({
          endpointSelector: sel,
          ingress: [
            {
              toPorts: [
                {
                  ports: [
                    { port: 80 },
                    { port: '70000' },
                    { port: 'not_a_name' },
                    { port: '53', protocol: 'QUIC' },
                    { port: '80', endPort: -1 },
                  ],
                },
              ],
            },
          ],
        }),
      ),
    ).toEqual([
      'INVALID_TYPE CiliumNetworkPolicy/shop/p spec.ingress[0].toPorts[0].ports[0].port',
      'PORT_OUT_OF_RANGE CiliumNetworkPolicy/shop/p spec.ingress[0].toPorts[0].ports[1].port',
      'INVALID_PORT_NAME CiliumNetworkPolicy/shop/p spec.ingress[0].toPorts[0].ports[2].port',
      'INVALID_PROTOCOL CiliumNetworkPolicy/shop/p spec.ingress[0].toPorts[0].ports[3].protocol',
      'PORT_OUT_OF_RANGE CiliumNetworkPolicy/shop/p spec.ingress[0].toPorts[0].ports[4].endPort',
    ]);
  });

  it('"L7 rules can only apply to TCP … except for DNS rules"; deny rules have no L7 rules and no toFQDNs; "toFQDNs egress rules cannot contain any other L3 rules"', () => {
    expect(
      issuesOf(
        cnp({
          endpointSelector: sel,
          ingress: [
            { toPorts: [{ ports: [{ port: '80', protocol: 'UDP' }], rules: { http: [{}] } }] },
            { toPorts: [{ ports: [{ port: '0' }], rules: { dns: [{ matchName: 'a.b' }] } }] },
          ],
          ingressDeny: [{ toPorts: [{ ports: [{ port: '80' }], rules: { http: [{}] } }] }],
          egress: [{ toFQDNs: [{ matchName: 'api.example.com' }], toEndpoints: [{}] }],
          egressDeny: [{ toFQDNs: [{ matchName: 'api.example.com' }] }],
        }),
      ),
    ).toEqual([
      'INVALID_FIELD_COMBINATION CiliumNetworkPolicy/shop/p spec.ingress[0].toPorts[0].rules',
      'INVALID_FIELD_COMBINATION CiliumNetworkPolicy/shop/p spec.ingress[1].toPorts[0].rules',
      'INVALID_TYPE CiliumNetworkPolicy/shop/p spec.ingressDeny[0].toPorts[0].rules',
      'INVALID_FIELD_COMBINATION CiliumNetworkPolicy/shop/p spec.egress[0].toFQDNs',
      'INVALID_TYPE CiliumNetworkPolicy/shop/p spec.egressDeny[0].toFQDNs',
    ]);
  });

  it('the rule: endpointSelector or nodeSelector (clusterwide only), spec or specs, known fields, selector keys', () => {
    expect(issuesOf(cnp({ ingres: [{}] }))).toEqual([
      'INVALID_TYPE CiliumNetworkPolicy/shop/p spec.ingres',
      'MISSING_FIELD CiliumNetworkPolicy/shop/p spec.endpointSelector',
    ]);
    expect(issuesOf(cnp({ nodeSelector: {} }))).toEqual([
      'INVALID_FIELD_COMBINATION CiliumNetworkPolicy/shop/p spec.nodeSelector',
    ]);
    expect(issuesOf({ ...cnp({}), spec: undefined })).toEqual([
      'MISSING_FIELD CiliumNetworkPolicy/shop/p spec',
    ]);
    expect(
      issuesOf(
        cnp({
          endpointSelector: { matchLabels: { 'k8s:bad key': 'x' } },
          ingress: [
            { fromEndpoints: [{ matchExpressions: [{ key: 'app', operator: 'Equals' }] }] },
          ],
        }),
      ),
    ).toEqual([
      'INVALID_LABEL_KEY CiliumNetworkPolicy/shop/p spec.endpointSelector.matchLabels',
      'UNKNOWN_OPERATOR CiliumNetworkPolicy/shop/p spec.ingress[0].fromEndpoints[0].matchExpressions[0].operator',
    ]);
    expect(issuesOf(cnp({ endpointSelector: sel }), cnp({ endpointSelector: sel }))).toEqual([
      'DUPLICATE_NAME CiliumNetworkPolicy/shop/p metadata.name',
    ]);
  });

  it('the message names the field: a CIDR group with a bad CIDR', () => {
    const [issue] = buildInventory([
      {
        object: {
          apiVersion: 'cilium.io/v2alpha1',
          kind: 'CiliumCIDRGroup',
          metadata: { name: 'g' },
          spec: { externalCIDRs: ['10.0.0.0/8', 'nope'] },
        },
      },
    ]).issues;
    expect(issue).toMatchObject({
      code: 'INVALID_CIDR',
      path: 'spec.externalCIDRs[1]',
      object: { kind: 'CiliumCIDRGroup', name: 'g' },
    });
    expect(issue?.message).toBe('"nope" is not a valid CIDR');
  });

  it('a host policy (nodeSelector) is kept but not evaluated: it adds nothing to the chain', () => {
    const inventory = buildInventory([
      { object: ccnp({ nodeSelector: {}, ingress: [{ fromEntities: ['world'] }] }) },
    ]);
    expect(inventory.issues).toEqual([]);
    expect(inventory.cilium?.policies[0]?.specs[0]?.endpointSelector).toBeUndefined();
    expect(policyChainOf(inventory, DEFAULT_OPTIONS)?.policies).toEqual([]);
  });

  it('other API versions are not Cilium kinds (left to ignoredKinds)', () => {
    const inventory = buildInventory([
      { object: { ...cnp({ endpointSelector: sel }), apiVersion: 'cilium.io/v1' } },
    ]);
    expect(inventory.cilium).toBeUndefined();
    expect(inventory.ignoredKinds).toEqual({ 'cilium.io/v1/CiliumNetworkPolicy': 1 });
  });
});
