import { buildInventory } from '../../inventory/build-inventory';
import { inventoryWarnings } from '../../inventory/inventory-warnings';
import type { Inventory } from '../../inventory/inventory';
import { explain } from '../../explain/explain';
import { allowed, inventoryOf, knp, ns, pod } from '../../../test/cni/agreement-helpers';

// Expected verdicts come from the Calico reference's own statements, quoted per case.
const CAL = 'projectcalico.org/v3';
const gnp = (name: string, spec: object) => ({
  apiVersion: CAL,
  kind: 'GlobalNetworkPolicy',
  metadata: { name },
  spec,
});
const cnp = (namespace: string, name: string, spec: object) => ({
  apiVersion: CAL,
  kind: 'NetworkPolicy',
  metadata: { namespace, name },
  spec,
});
const tier = (name: string, spec: object) => ({
  apiVersion: CAL,
  kind: 'Tier',
  metadata: { name },
  spec,
});

const BASE = [
  ns('shop', { team: 'shop' }),
  ns('ops', { team: 'ops' }),
  pod('shop', 'web', { app: 'web' }, '10.0.0.1'),
  pod('shop', 'db', { app: 'db', role: 'db' }, '10.0.0.2', {
    ports: [{ name: 'pg', containerPort: 5432 }],
  }),
  pod('ops', 'mon', { app: 'mon' }, '10.0.1.1', { sa: 'monitor' }),
];

function inv(...objects: object[]): Inventory {
  return inventoryOf([...BASE, ...objects]);
}

describe('Calico policies evaluated in tiers (docs.tigera.io/calico/latest/reference/resources/tier)', () => {
  it('"If the Tier applies to the endpoint, but takes no action on the packet the packet is dropped."', () => {
    const i = inv(gnp('deny-all', { selector: 'all()', types: ['Ingress'] }));
    expect(allowed(i, 'shop/web', 'shop/db')).toBe(false);
    // types: [Ingress] only: egress is not governed.
    expect(allowed(i, 'shop/web', '192.0.2.1')).toBe(true);
  });

  it('no policy applies: the profile allows (Kubernetes namespaces profiles allow all)', () => {
    expect(allowed(inv(tier('security', { order: 100 })), 'shop/web', 'shop/db')).toBe(true);
  });

  it('"Policies in each Tier are then processed in order": a Deny at order 10 wins over a Kubernetes NetworkPolicy (order 1000) that allows', () => {
    const i = inv(
      knp('shop', 'allow-web', {
        podSelector: { matchLabels: { app: 'db' } },
        ingress: [{ from: [{ podSelector: { matchLabels: { app: 'web' } } }] }],
      }),
      cnp('shop', 'deny-web', {
        order: 10,
        selector: "app == 'db'",
        ingress: [{ action: 'Deny', source: { selector: "app == 'web'" } }],
      }),
    );
    expect(allowed(i, 'shop/web', 'shop/db')).toBe(false);
  });

  it('within the default tier a later Calico policy still decides what the Kubernetes policy left (the tier default comes last)', () => {
    const i = inv(
      knp('shop', 'isolate-db', {
        podSelector: { matchLabels: { app: 'db' } },
        policyTypes: ['Ingress'],
      }),
      cnp('shop', 'allow-late', {
        order: 2000,
        selector: "app == 'db'",
        ingress: [{ action: 'Allow', source: { selector: "app == 'web'" } }],
      }),
    );
    expect(allowed(i, 'shop/web', 'shop/db')).toBe(true);
    expect(allowed(i, 'ops/mon', 'shop/db')).toBe(false);
  });

  it('"If a NetworkPolicy or GlobalNetworkPolicy in the Tier Passes the packet, the next Tier containing a Policy that applies to the endpoint processes the packet."', () => {
    const i = inv(
      tier('security', { order: 100 }),
      gnp('security.pass-shop', {
        tier: 'security',
        order: 1,
        selector: 'all()',
        ingress: [{ action: 'Pass', source: { namespaceSelector: "team == 'shop'" } }],
      }),
      knp('shop', 'only-web', {
        podSelector: { matchLabels: { app: 'db' } },
        ingress: [{ from: [{ podSelector: { matchLabels: { app: 'web' } } }] }],
      }),
    );
    expect(allowed(i, 'shop/web', 'shop/db')).toBe(true);
    // ops/mon is not passed: the security tier applies and takes no action → dropped.
    expect(allowed(i, 'ops/mon', 'shop/web')).toBe(false);
  });

  it('"This behaviour can be changed by setting the defaultAction of a tier to Pass."', () => {
    const i = inv(
      tier('platform', { order: 100, defaultAction: 'Pass' }),
      gnp('platform.deny-ops', {
        tier: 'platform',
        selector: 'all()',
        ingress: [{ action: 'Deny', source: { namespaceSelector: "team == 'ops'" } }],
      }),
    );
    expect(allowed(i, 'ops/mon', 'shop/db')).toBe(false);
    expect(allowed(i, 'shop/web', 'shop/db')).toBe(true);
  });

  it('"Tiers are sorted by their order - smallest number first": a Deny in tier 50 beats an Allow in tier 60', () => {
    const i = inv(
      tier('b', { order: 60 }),
      tier('a', { order: 50 }),
      gnp('b.allow', { tier: 'b', selector: 'all()', ingress: [{ action: 'Allow' }] }),
      gnp('a.deny', {
        tier: 'a',
        selector: "app == 'db'",
        ingress: [{ action: 'Deny', source: { selector: "app == 'web'" } }],
      }),
    );
    expect(allowed(i, 'shop/web', 'shop/db')).toBe(false);
    // From mon: tier a applies to db and takes no action → dropped (its default is Deny).
    expect(allowed(i, 'ops/mon', 'shop/db')).toBe(false);
    expect(allowed(i, 'ops/mon', 'shop/web')).toBe(true);
  });

  it('"After a Log action, processing continues with the next rule"', () => {
    const i = inv(
      gnp('log-then-allow', {
        selector: 'all()',
        ingress: [
          { action: 'Log' },
          { action: 'Allow', protocol: 'TCP', destination: { ports: [80] } },
        ],
      }),
    );
    expect(allowed(i, 'shop/web', 'shop/db', 80)).toBe(true);
    expect(allowed(i, 'shop/web', 'shop/db', 81)).toBe(false);
  });

  it("\"k != 'v' Matches resources without label 'k'\": web (no role label) is selected", () => {
    const i = inv(gnp('deny-non-db', { selector: "role != 'db'", types: ['Ingress'] }));
    expect(allowed(i, 'shop/db', 'shop/web')).toBe(false);
    expect(allowed(i, 'shop/web', 'shop/db')).toBe(true);
  });

  it('"notSelector: has(foo) matches packets from/to anywhere (including outside the cluster), except …"', () => {
    const i = inv(
      gnp('allow-not-db', {
        selector: "app == 'web'",
        ingress: [{ action: 'Allow', source: { notSelector: 'has(role)' } }],
      }),
    );
    expect(allowed(i, '203.0.113.9', 'shop/web')).toBe(true);
    expect(allowed(i, 'ops/mon', 'shop/web')).toBe(true);
    expect(allowed(i, 'shop/db', 'shop/web')).toBe(false);
  });

  it('network sets: "it includes the CIDRs from any network sets that match the selector"', () => {
    const i = inv(
      {
        apiVersion: CAL,
        kind: 'GlobalNetworkSet',
        metadata: { name: 'partners', labels: { feed: 'partner' } },
        spec: { nets: ['198.51.100.0/24'] },
      },
      gnp('allow-partners', {
        selector: "app == 'web'",
        ingress: [{ action: 'Allow', source: { selector: "feed == 'partner'" } }],
      }),
    );
    expect(allowed(i, '198.51.100.7', 'shop/web')).toBe(true);
    expect(allowed(i, '198.51.101.7', 'shop/web')).toBe(false);
  });

  it('a namespaced NetworkSet serves only policies of its namespace, and global() reaches GlobalNetworkSets', () => {
    const sets = [
      {
        apiVersion: CAL,
        kind: 'NetworkSet',
        metadata: { namespace: 'ops', name: 'ops-net', labels: { net: 'x' } },
        spec: { nets: ['192.0.2.0/24'] },
      },
      {
        apiVersion: CAL,
        kind: 'GlobalNetworkSet',
        metadata: { name: 'g', labels: { net: 'x' } },
        spec: { nets: ['198.51.100.0/24'] },
      },
    ];
    const local = inv(
      ...sets,
      cnp('shop', 'p', {
        selector: 'all()',
        ingress: [{ action: 'Allow', source: { selector: "net == 'x'" } }],
      }),
    );
    expect(allowed(local, '192.0.2.5', 'shop/web')).toBe(false);
    expect(allowed(local, '198.51.100.5', 'shop/web')).toBe(false);
    const global = inv(
      ...sets,
      cnp('shop', 'p', {
        selector: 'all()',
        ingress: [
          { action: 'Allow', source: { namespaceSelector: 'global()', selector: "net == 'x'" } },
        ],
      }),
    );
    expect(allowed(global, '198.51.100.5', 'shop/web')).toBe(true);
    expect(allowed(global, '192.0.2.5', 'shop/web')).toBe(false);
  });

  it('nets and notNets: "Match packets with IP in any of the listed CIDRs" / "not in any"', () => {
    const i = inv(
      gnp('egress', {
        selector: "app == 'web'",
        egress: [
          { action: 'Allow', destination: { nets: ['192.0.2.0/24'], notNets: ['192.0.2.128/25'] } },
        ],
      }),
    );
    expect(allowed(i, 'shop/web', '192.0.2.5')).toBe(true);
    expect(allowed(i, 'shop/web', '192.0.2.200')).toBe(false);
    expect(allowed(i, 'shop/web', '203.0.113.1')).toBe(false);
  });

  it('named ports and notPorts: "A named port, as defined in the ports list of one or more endpoints"', () => {
    const i = inv(
      gnp('db', {
        selector: "app == 'db'",
        ingress: [
          {
            action: 'Allow',
            protocol: 'TCP',
            destination: { ports: ['pg', '6000:6010'], notPorts: [6005] },
          },
        ],
      }),
    );
    expect(allowed(i, 'shop/web', 'shop/db', 5432)).toBe(true);
    expect(allowed(i, 'shop/web', 'shop/db', 6004)).toBe(true);
    expect(allowed(i, 'shop/web', 'shop/db', 6005)).toBe(false);
    expect(allowed(i, 'shop/web', 'shop/db', 80)).toBe(false);
  });

  it('an ICMP rule matches no TCP or UDP connection', () => {
    const i = inv(
      gnp('icmp', { selector: 'all()', ingress: [{ action: 'Allow', protocol: 'ICMP' }] }),
    );
    expect(allowed(i, 'shop/web', 'shop/db', 80)).toBe(false);
    expect(allowed(i, 'shop/web', 'shop/db', 53, 'UDP')).toBe(false);
  });

  it('types default: "No ingress rules, egress rules present → Egress"', () => {
    const i = inv(
      gnp('egress-only', {
        selector: "app == 'web'",
        egress: [{ action: 'Allow', destination: { nets: ['10.0.0.0/8'] } }],
      }),
    );
    expect(allowed(i, 'shop/web', '192.0.2.1')).toBe(false);
    expect(allowed(i, 'ops/mon', 'shop/web')).toBe(true);
  });

  it('"The top-level selector in a NetworkPolicy selects over the workloads in the same namespace"', () => {
    const i = inv(cnp('shop', 'deny-all', { selector: 'all()', types: ['Ingress'] }));
    expect(allowed(i, 'shop/web', 'shop/db')).toBe(false);
    expect(allowed(i, 'shop/web', 'ops/mon')).toBe(true);
  });

  it('"If no namespaceSelector is present then the rule\'s selector matches … the same namespace for NetworkPolicy"', () => {
    const i = inv(
      cnp('shop', 'from-app', {
        selector: 'all()',
        ingress: [{ action: 'Allow', source: { selector: 'has(app)' } }],
      }),
    );
    expect(allowed(i, 'shop/web', 'shop/db')).toBe(true);
    expect(allowed(i, 'ops/mon', 'shop/db')).toBe(false);
  });

  it('GlobalNetworkPolicy namespaceSelector and projectcalico.org/name', () => {
    const i = inv(
      gnp('ops-only', {
        namespaceSelector: "projectcalico.org/name == 'ops'",
        selector: 'all()',
        types: ['Ingress'],
      }),
    );
    expect(allowed(i, 'shop/web', 'ops/mon')).toBe(false);
    expect(allowed(i, 'ops/mon', 'shop/web')).toBe(true);
  });

  it('serviceAccountSelector and serviceAccounts.names', () => {
    const i = inv(
      gnp('by-sa', {
        selector: 'all()',
        serviceAccountSelector: "projectcalico.org/name == 'monitor'",
        types: ['Egress'],
      }),
      gnp('from-sa', {
        selector: "app == 'db'",
        ingress: [{ action: 'Allow', source: { serviceAccounts: { names: ['monitor'] } } }],
      }),
    );
    expect(allowed(i, 'ops/mon', 'shop/web')).toBe(false);
    expect(allowed(i, 'shop/web', 'ops/mon')).toBe(true);
    expect(allowed(i, 'shop/web', 'shop/db')).toBe(false);
  });

  it('ties in order are broken by name', () => {
    const i = inv(
      gnp('a-deny', { order: 5, selector: "app == 'db'", ingress: [{ action: 'Deny' }] }),
      gnp('b-allow', { order: 5, selector: "app == 'db'", ingress: [{ action: 'Allow' }] }),
    );
    expect(allowed(i, 'shop/web', 'shop/db')).toBe(false);
  });

  it('"Calico enforces Kubernetes ClusterNetworkPolicy resources with spec.tier: Admin in the kube-admin tier" (order 1,000, default Pass)', () => {
    const anpDeny = {
      apiVersion: 'policy.networking.k8s.io/v1alpha2',
      kind: 'ClusterNetworkPolicy',
      metadata: { name: 'deny-ops' },
      spec: {
        tier: 'Admin',
        priority: 10,
        subject: { namespaces: {} },
        ingress: [{ action: 'Deny', from: [{ namespaces: { matchLabels: { team: 'ops' } } }] }],
      },
    };
    const i = inv(anpDeny, gnp('allow-all', { selector: 'all()', ingress: [{ action: 'Allow' }] }));
    expect(allowed(i, 'ops/mon', 'shop/web')).toBe(false);
    expect(allowed(i, 'shop/db', 'shop/web')).toBe(true);
    // A Calico tier ordered before kube-admin (order 500) decides first.
    const early = inv(
      anpDeny,
      tier('early', { order: 500 }),
      gnp('early.allow', { tier: 'early', selector: 'all()', ingress: [{ action: 'Allow' }] }),
    );
    expect(allowed(early, 'ops/mon', 'shop/web')).toBe(true);
  });

  it('kube-baseline (order 10,000,000) is reached only by what the default tier did not decide', () => {
    const banp = {
      apiVersion: 'policy.networking.k8s.io/v1alpha2',
      kind: 'ClusterNetworkPolicy',
      metadata: { name: 'baseline-deny' },
      spec: {
        tier: 'Baseline',
        priority: 1,
        subject: { namespaces: {} },
        ingress: [{ action: 'Deny', from: [{ namespaces: {} }] }],
      },
    };
    const i = inv(
      banp,
      cnp('shop', 'allow-web-to-db', {
        selector: "app == 'db'",
        ingress: [{ action: 'Allow', source: { selector: "app == 'web'" } }],
      }),
    );
    expect(allowed(i, 'shop/web', 'shop/db')).toBe(true);
    // db is selected by a default-tier policy: mon's connection meets its Deny default first.
    expect(allowed(i, 'ops/mon', 'shop/db')).toBe(false);
    // web is selected by no default-tier policy: the baseline Deny decides.
    expect(allowed(i, 'ops/mon', 'shop/web')).toBe(false);
  });
});

describe('explain through the Calico chain', () => {
  it('names the tier, policy, order and rule that decided, and the L7 part it did not evaluate', () => {
    const i = inv(
      tier('security', { order: 100 }),
      gnp('security.pass', {
        tier: 'security',
        order: 1,
        selector: 'all()',
        ingress: [{ action: 'Pass' }],
      }),
      cnp('shop', 'db-http', {
        order: 7,
        selector: "app == 'db'",
        ingress: [
          {
            action: 'Allow',
            protocol: 'TCP',
            source: { selector: "app == 'web'" },
            destination: { ports: [80] },
            http: { methods: ['GET'] },
          },
        ],
      }),
    );
    const e = explain(i, 'shop/web', 'shop/db', { protocol: 'TCP', port: 80 });
    expect(e.verdict).toBe(true);
    expect(e.ingress.path).toBe(
      'tier security: Pass by calico-gnp/security.pass (order 1) rule 0 → tier default: Allow by calico-np/shop/db-http (order 7) rule 0',
    );
    expect(e.notes.some((n) => n.includes('HTTP match') && n.includes('not evaluated'))).toBe(true);
    const denied = explain(i, 'ops/mon', 'shop/db', { protocol: 'TCP', port: 80 });
    expect(denied.verdict).toBe(false);
    expect(denied.ingress.path).toBe(
      'tier security: Pass by calico-gnp/security.pass (order 1) rule 0 → tier default: no rule matched, default Deny',
    );
  });
});

describe('Calico validation', () => {
  const issues = (...objects: object[]) =>
    buildInventory([...BASE, ...objects].map((object) => ({ object }))).issues;

  it('a selector syntax error names the field and the column', () => {
    const [issue] = issues(gnp('bad', { selector: 'app == web' }));
    expect(issue).toMatchObject({
      code: 'INVALID_SELECTOR_SYNTAX',
      path: 'spec.selector',
      object: { kind: 'GlobalNetworkPolicy', name: 'bad' },
    });
    expect(issue?.message).toContain('column 8');
  });

  it('a policy in a tier the input does not define is left out with a warning, not an input error (a snapshot may lack Tier objects)', () => {
    const objects = [
      ...BASE,
      gnp('orphan', { tier: 'nope', selector: 'all()', types: ['Ingress'] }),
    ];
    const inventory = buildInventory(objects.map((object) => ({ object })));
    expect(inventory.issues).toEqual([]);
    expect(inventory.calico?.policies).toEqual([]);
    const warning = inventoryWarnings(inventory).find((w) => w.includes('INVALID_TIER'));
    expect(warning).toContain('GlobalNetworkPolicy orphan');
    expect(warning).toContain('NOT evaluated');
  });

  it('rules: unknown action, ports without protocol, bad ranges', () => {
    const found = issues(
      gnp('r', {
        ingress: [
          { action: 'Accept' },
          { action: 'Allow', destination: { ports: [80] } },
          { action: 'Allow', protocol: 'TCP', destination: { ports: ['90:80', 70000] } },
        ],
      }),
    );
    expect(found.map((x) => `${x.code} ${x.path}`)).toEqual([
      'INVALID_ACTION spec.ingress[0].action',
      'INVALID_FIELD_COMBINATION spec.ingress[1].protocol',
      'INVALID_PORT_RANGE spec.ingress[2].destination.ports[0]',
      'PORT_OUT_OF_RANGE spec.ingress[2].destination.ports[1]',
    ]);
  });
});
