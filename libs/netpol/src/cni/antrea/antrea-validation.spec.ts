import { formatIssue } from '../../errors/validation-issue';
import { buildInventory } from '../../inventory/build-inventory';
import { inventoryWarnings } from '../../inventory/inventory-warnings';
import {
  acnp,
  annp,
  BASE,
  clusterGroup,
  group,
  sel,
  tier,
} from '../../../test/cni/antrea-builders';

const issuesOf = (...objects: object[]) =>
  buildInventory([...BASE, ...objects].map((object) => ({ object }))).issues.map(
    (i) => `${i.code} ${i.object.kind} ${i.object.name} ${i.path}`,
  );
const app = [{ podSelector: sel({ app: 'db' }) }];

describe('Antrea validation (object, field path, code)', () => {
  it('the docs\' `action: Deny` (allow-self-ns) is refused by the CRD enum ["Allow", "Drop", "Reject", "Pass"]; action is required', () => {
    expect(
      issuesOf(acnp('p', { priority: 1, appliedTo: app, ingress: [{ action: 'Deny' }, {}] })),
    ).toEqual([
      'INVALID_ACTION ClusterNetworkPolicy p spec.ingress[0].action',
      'MISSING_FIELD ClusterNetworkPolicy p spec.ingress[1].action',
    ]);
  });

  it('"This field is mandatory … Priority values can range from 1.0 to 10000.0"', () => {
    expect(
      issuesOf(acnp('a', { appliedTo: app }), acnp('b', { priority: 0.5, appliedTo: app })),
    ).toEqual([
      'MISSING_FIELD ClusterNetworkPolicy a spec.priority',
      'INVALID_PRIORITY ClusterNetworkPolicy b spec.priority',
    ]);
  });

  it('"A Tier must exist before an Antrea-native policy can reference it" (static names in either spelling)', () => {
    expect(
      issuesOf(
        acnp('a', { priority: 1, tier: 'nope', appliedTo: app }),
        acnp('b', { priority: 1, tier: 'NetworkOps', appliedTo: app }),
      ),
    ).toEqual(['INVALID_TIER ClusterNetworkPolicy a spec.tier']);
  });

  it('"the "Pass" action does not make sense when configured in Baseline Tier ACNP rules, and such configurations will be rejected"', () => {
    expect(
      issuesOf(
        acnp('p', { priority: 1, tier: 'baseline', appliedTo: app, egress: [{ action: 'Pass' }] }),
      ),
    ).toEqual(['INVALID_ACTION ClusterNetworkPolicy p spec.egress[0].action']);
  });

  it('appliedTo: "must be set for all the rules existing in the policy and cannot be set along with `appliedTo` at the policy level"', () => {
    expect(
      issuesOf(
        acnp('both', {
          priority: 1,
          appliedTo: app,
          ingress: [{ action: 'Drop', appliedTo: app }],
        }),
        acnp('none', { priority: 1, ingress: [{ action: 'Drop' }] }),
        acnp('some', {
          priority: 1,
          ingress: [{ action: 'Drop', appliedTo: app }, { action: 'Drop' }],
        }),
      ),
    ).toEqual([
      'INVALID_FIELD_COMBINATION ClusterNetworkPolicy both spec.appliedTo',
      'MISSING_FIELD ClusterNetworkPolicy none spec.appliedTo',
      'MISSING_FIELD ClusterNetworkPolicy some spec.ingress[1].appliedTo',
    ]);
  });

  it('Antrea NetworkPolicy: "setting a `namespaceSelector` in the `appliedTo` field is forbidden"; it "does not support `namespaces` field within a peer"', () => {
    expect(
      issuesOf(
        annp('prod', 'p', {
          priority: 1,
          appliedTo: [{ namespaceSelector: {} }],
          ingress: [{ action: 'Drop', from: [{ namespaces: { match: 'Self' } }] }],
        }),
      ),
    ).toEqual([
      'INVALID_SUBJECT NetworkPolicy p spec.appliedTo[0].namespaceSelector',
      'INVALID_PEER NetworkPolicy p spec.ingress[0].from[0].namespaces',
    ]);
  });

  it('peers: "Cannot be set with `namespaces` field", group/serviceAccount/nodeSelector alone, ipBlock except "strictly within the base CIDR", fqdn only in egress', () => {
    expect(
      issuesOf(
        acnp('p', {
          priority: 1,
          appliedTo: app,
          ingress: [
            { action: 'Drop', from: [{ namespaceSelector: {}, namespaces: { match: 'Self' } }] },
            { action: 'Drop', from: [{ group: 'g', podSelector: {} }] },
            {
              action: 'Drop',
              from: [{ ipBlock: { cidr: '10.0.0.0/16', except: ['10.1.0.0/24'] } }],
            },
            { action: 'Drop', from: [{ fqdn: 'example.com' }] },
            { action: 'Drop', from: [{ namespaces: { match: 'Other' } }] },
          ],
        }),
      ),
    ).toEqual([
      'INVALID_FIELD_COMBINATION ClusterNetworkPolicy p spec.ingress[0].from[0]',
      'INVALID_FIELD_COMBINATION ClusterNetworkPolicy p spec.ingress[1].from[0]',
      'EXCEPT_OUTSIDE_CIDR ClusterNetworkPolicy p spec.ingress[2].from[0].ipBlock.except[0]',
      'INVALID_PEER ClusterNetworkPolicy p spec.ingress[3].from[0].fqdn',
      'INVALID_PEER ClusterNetworkPolicy p spec.ingress[4].from[0].namespaces.match',
    ]);
  });

  it('rules: "`toServices` cannot be used with `to`, `ports` or `protocols`", "layer 7 protocols only support Allow", endPort with a named port, unique rule names', () => {
    expect(
      issuesOf(
        acnp('p', {
          priority: 1,
          appliedTo: app,
          egress: [
            {
              action: 'Drop',
              name: 'x',
              toServices: [{ name: 's', namespace: 'prod' }],
              ports: [{ port: 80 }],
            },
            { action: 'Drop', name: 'x', l7Protocols: [{ http: {} }] },
            { action: 'Allow', ports: [{ port: 'pg', endPort: 90 }, { protocol: 'ICMP' }] },
          ],
        }),
      ),
    ).toEqual([
      'INVALID_FIELD_COMBINATION ClusterNetworkPolicy p spec.egress[0].toServices',
      'INVALID_ACTION ClusterNetworkPolicy p spec.egress[1].action',
      'END_PORT_WITH_NAMED_PORT ClusterNetworkPolicy p spec.egress[2].ports[0].endPort',
      'INVALID_PROTOCOL ClusterNetworkPolicy p spec.egress[2].ports[1].protocol',
      'DUPLICATE_NAME ClusterNetworkPolicy p spec.egress[1].name',
    ]);
  });

  it('Tier: "No two Tiers can be created with the same priority", reserved priorities, static tiers are read-only', () => {
    expect(
      issuesOf(
        tier('a', 10),
        tier('b', 10),
        tier('c', 251),
        tier('d', 250),
        tier('securityops', 101),
      ),
    ).toEqual([
      'INVALID_PRIORITY Tier c spec.priority',
      'INVALID_PRIORITY Tier d spec.priority',
      'INVALID_PRIORITY Tier securityops spec.priority',
      'INVALID_PRIORITY Tier b spec.priority',
    ]);
    // The static tiers as a snapshot lists them are accepted.
    expect(issuesOf(tier('application', 250), tier('baseline', 253))).toEqual([]);
  });

  it('groups: "At most one of podSelector, nodeSelector, serviceReference, ipBlock, ipBlocks or childGroups can be set"; a Group has no nodeSelector; no group is its own child', () => {
    expect(
      issuesOf(
        clusterGroup('two', { podSelector: {}, ipBlocks: [{ cidr: '10.0.0.0/8' }] }),
        clusterGroup('ok', { podSelector: {}, namespaceSelector: sel({ env: 'prod' }) }),
        group('prod', 'nodes', { nodeSelector: {} }),
        clusterGroup('self', { childGroups: ['self'] }),
        clusterGroup('old', { ipBlock: { cidr: '10.0.0.0/8' } }),
      ),
    ).toEqual([
      'INVALID_FIELD_COMBINATION ClusterGroup two spec',
      'INVALID_TYPE Group nodes spec.nodeSelector',
      'INVALID_FIELD_COMBINATION ClusterGroup self spec.childGroups[0]',
      'INVALID_TYPE ClusterGroup old spec.ipBlock',
    ]);
  });

  it('issues render with object, source and path; notes reach the inventory warnings', () => {
    const inventory = buildInventory(
      [
        ...BASE,
        acnp('p', {
          priority: 1,
          appliedTo: [{ group: 'missing' }],
          ingress: [{ action: 'Drop', from: [{ nodeSelector: {} }] }],
        }),
      ].map((object, i) => ({ object, source: `policies.yaml#${i + 1}` })),
    );
    expect(inventory.issues).toEqual([]);
    expect(inventory.antrea?.notes.map((n) => n.message)).toEqual([
      'ClusterGroup "missing" does not exist: it selects nothing until it is created',
    ]);
    expect(inventoryWarnings(inventory)).toContain(
      'ClusterNetworkPolicy p: ClusterGroup "missing" does not exist: it selects nothing until it is created',
    );
    const bad = buildInventory([
      {
        object: acnp('q', { priority: 1, appliedTo: app, egress: [{ action: 'Deny' }] }),
        source: 'p.yaml#1',
      },
    ]);
    expect(bad.issues.map(formatIssue)).toEqual([
      'ClusterNetworkPolicy q (p.yaml#1): spec.egress[0].action: unknown action "Deny" (Allow, Drop, Reject, Pass) [INVALID_ACTION]',
    ]);
  });

  it('only crd.antrea.io/v1beta1 is read: other versions are counted as not evaluated', () => {
    const inventory = buildInventory([
      {
        object: {
          ...acnp('old', { priority: 1, appliedTo: app }),
          apiVersion: 'crd.antrea.io/v1alpha1',
        },
      },
    ]);
    expect(inventory.antrea).toBeUndefined();
    expect(inventory.ignoredKinds).toEqual({ 'crd.antrea.io/v1alpha1/ClusterNetworkPolicy': 1 });
  });
});
