import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { policyChainOf } from '../../chain/chain-of';
import { explain } from '../../explain/explain';
import { buildInventory } from '../../inventory/build-inventory';
import { parseDocuments } from '../../load/parse-documents';
import { DEFAULT_OPTIONS } from '../../reference/traffic';
import type { Inventory } from '../../inventory/inventory';
import { isAllowed } from '../../reference/evaluate';
import { allowed, end, knp, ns, pod } from '../../../test/cni/agreement-helpers';
import { acnp, annp, clusterGroup, group, inv, sel, tier } from '../../../test/cni/antrea-builders';

// Expected verdicts come from the Antrea documentation's own statements, quoted per case
// (https://antrea.io/docs/main/docs/antrea-network-policy/ unless another page is named).
const toDb = (spec: object) => ({ appliedTo: [{ podSelector: sel({ app: 'db' }) }], ...spec });
const from = (labels: Record<string, string>, extra: object = {}) => ({
  from: [{ podSelector: sel(labels) }],
  ...extra,
});

describe('Antrea actions', () => {
  it('"When the rule action is "Allow" or "Drop", Antrea will allow or drop traffic which matches both from/to, ports and protocols sections of that rule"', () => {
    const i = inv(
      acnp('db', {
        priority: 5,
        tier: 'securityops',
        ...toDb({
          ingress: [
            {
              action: 'Allow',
              ...from({ app: 'web' }, { ports: [{ protocol: 'TCP', port: 5432 }] }),
            },
            { action: 'Drop' },
          ],
        }),
      }),
    );
    expect(allowed(i, 'prod/web', 'prod/db', 5432)).toBe(true);
    expect(allowed(i, 'prod/web', 'prod/db', 5433)).toBe(false);
    expect(allowed(i, 'ops/mon', 'prod/db', 5432)).toBe(false);
    // "an empty From in the ingress rule means that this rule matches all ingress sources"
    expect(allowed(i, '203.0.113.9', 'prod/db', 5432)).toBe(false);
  });

  it('"Unlike K8s NetworkPolicy, Antrea ClusterNetworkPolicy does not automatically isolate Pods selected in appliedTo"', () => {
    const i = inv(
      acnp('only-allow', {
        priority: 5,
        ...toDb({ ingress: [{ action: 'Allow', ...from({ app: 'web' }) }] }),
      }),
    );
    expect(allowed(i, 'prod/web', 'prod/db')).toBe(true);
    expect(allowed(i, 'ops/mon', 'prod/db')).toBe(true);
  });

  it('"If a "Reject" rule is matched, the client … will receive … an explicit reject response for TCP request, instead of timeout": denied like Drop, and explain names which', () => {
    const i = inv(
      acnp('reject-web', {
        priority: 5,
        ...toDb({ ingress: [{ action: 'Reject', ...from({ app: 'web' }) }] }),
      }),
      acnp('drop-mon', {
        priority: 6,
        ...toDb({ ingress: [{ action: 'Drop', ...from({ app: 'mon' }) }] }),
      }),
    );
    expect(allowed(i, 'prod/web', 'prod/db')).toBe(false);
    expect(allowed(i, 'ops/mon', 'prod/db')).toBe(false);
    expect(allowed(i, 'dev/web', 'prod/db')).toBe(false);
    expect(allowed(i, 'plain/tool', 'prod/db')).toBe(true);
    const rejected = explain(i, 'prod/web', 'prod/db', { protocol: 'TCP', port: 80 });
    expect(rejected.ingress.path).toBe(
      'tier antrea: Reject by acnp/application/reject-web (order 5) rule 0',
    );
    const dropped = explain(i, 'ops/mon', 'prod/db', { protocol: 'TCP', port: 80 });
    expect(dropped.ingress.path).toBe(
      'tier antrea: Drop by acnp/application/drop-mon (order 6) rule 0',
    );
  });

  it('"Rules assume the priority in which they are written. i.e. rule set at top takes precedence over a rule set below it"', () => {
    const i = inv(
      acnp('ordered', {
        priority: 5,
        ...toDb({ ingress: [{ action: 'Drop', ...from({ app: 'web' }) }, { action: 'Allow' }] }),
      }),
    );
    expect(allowed(i, 'prod/web', 'prod/db')).toBe(false);
    expect(allowed(i, 'ops/mon', 'prod/db')).toBe(true);
  });
});

describe('Antrea tiers and priorities', () => {
  it('"Emergency > SecurityOps > NetworkOps > Platform > Application > K8s NetworkPolicy > Baseline": an emergency Drop at priority 100 beats a securityops Allow at priority 1', () => {
    const i = inv(
      acnp('allow', {
        priority: 1,
        tier: 'securityops',
        ...toDb({ ingress: [{ action: 'Allow' }] }),
      }),
      acnp('drop', {
        priority: 100,
        tier: 'Emergency',
        ...toDb({ ingress: [{ action: 'Drop', ...from({ app: 'web' }) }] }),
      }),
    );
    expect(allowed(i, 'prod/web', 'prod/db')).toBe(false);
    expect(allowed(i, 'ops/mon', 'prod/db')).toBe(true);
  });

  it('"Any Antrea-native Policy resource without a `tier` name set in its spec will be associated with the "application" Tier": it comes after platform (200)', () => {
    const i = inv(
      acnp('untiered-drop', { priority: 1, ...toDb({ ingress: [{ action: 'Drop' }] }) }),
      acnp('platform-allow', {
        priority: 50,
        tier: 'platform',
        ...toDb({ ingress: [{ action: 'Allow', ...from({ app: 'web' }) }] }),
      }),
    );
    expect(allowed(i, 'prod/web', 'prod/db')).toBe(true);
    expect(allowed(i, 'ops/mon', 'prod/db')).toBe(false);
    const e = explain(i, 'ops/mon', 'prod/db', { protocol: 'TCP', port: 80 });
    expect(e.ingress.path).toBe(
      'tier antrea: Drop by acnp/application/untiered-drop (order 1) rule 0',
    );
  });

  it('custom Tier: "Policies associated with higher ordered (low `priority` value) Tiers are enforced first" (priority 10 before emergency 50; 240 after platform 200)', () => {
    const i = inv(
      tier('first', 10),
      tier('late', 240),
      acnp('emergency-drop', {
        priority: 1,
        tier: 'emergency',
        ...toDb({ ingress: [{ action: 'Drop' }] }),
      }),
      acnp('first-allow', {
        priority: 9000,
        tier: 'first',
        ...toDb({ ingress: [{ action: 'Allow', ...from({ app: 'web' }) }] }),
      }),
      acnp('late-allow', {
        priority: 1,
        tier: 'late',
        ...toDb({ ingress: [{ action: 'Allow' }] }),
      }),
    );
    expect(allowed(i, 'prod/web', 'prod/db')).toBe(true);
    expect(allowed(i, 'ops/mon', 'prod/db')).toBe(false);
  });

  it('"the policy with the highest precedence (the smallest numeric priority value) is enforced first" (float priorities: 2.5 before 3)', () => {
    const i = inv(
      acnp('allow-at-3', { priority: 3, ...toDb({ ingress: [{ action: 'Allow' }] }) }),
      acnp('drop-at-2-5', {
        priority: 2.5,
        ...toDb({ ingress: [{ action: 'Drop', ...from({ app: 'web' }) }] }),
      }),
    );
    expect(allowed(i, 'prod/web', 'prod/db')).toBe(false);
    expect(allowed(i, 'ops/mon', 'prod/db')).toBe(true);
  });

  it('"the relative ordering between a ClusterNetworkPolicy resource and an Antrea NetworkPolicy resource within a Tier depends only on the `priority`"', () => {
    const i = inv(
      acnp('drop-all', {
        priority: 5,
        tier: 'securityops',
        ...toDb({ ingress: [{ action: 'Drop' }] }),
      }),
      annp('prod', 'allow-web', {
        priority: 1,
        tier: 'securityops',
        ...toDb({ ingress: [{ action: 'Allow', ...from({ app: 'web' }) }] }),
      }),
    );
    expect(allowed(i, 'prod/web', 'prod/db')).toBe(true);
    // The ANNP's podSelector peer is its own namespace: dev/web is not admitted by it.
    expect(allowed(i, 'dev/web', 'prod/db')).toBe(false);
    // The ANNP applies in prod only; dev/db meets the ACNP's Drop.
    expect(allowed(i, 'dev/web', 'dev/db')).toBe(false);
  });

  it('same tier and priority: "their rule level priorities are only considered equal if … the rules themselves are of the same rule priority", so rule 0 of either policy comes before rule 1 of both', () => {
    const a = acnp('a-first', {
      priority: 5,
      ...toDb({ ingress: [{ action: 'Allow', ...from({ app: 'mon' }) }, { action: 'Drop' }] }),
    });
    const i = inv(
      a,
      acnp('b-second', {
        priority: 5,
        ...toDb({ ingress: [{ action: 'Allow', ...from({ app: 'web' }) }] }),
      }),
    );
    expect(allowed(i, 'prod/web', 'prod/db')).toBe(true);
    expect(allowed(i, 'ops/mon', 'prod/db')).toBe(true);
    expect(allowed(i, 'plain/tool', 'prod/db')).toBe(false);
    // At priority 6 the second policy comes after all of the first: its rule 1 drops web.
    const later = inv(
      a,
      acnp('b-second', {
        priority: 6,
        ...toDb({ ingress: [{ action: 'Allow', ...from({ app: 'web' }) }] }),
      }),
    );
    expect(allowed(later, 'prod/web', 'prod/db')).toBe(false);
  });
});

describe('Pass, Kubernetes NetworkPolicy and the baseline tier', () => {
  const allowWebKnp = knp('prod', 'db-from-web', {
    podSelector: sel({ app: 'db' }),
    ingress: [{ from: [{ podSelector: sel({ app: 'web' }) }] }],
  });

  it('"A "Pass" rule … skips this packet for further Antrea-native policy rule evaluations in regular Tiers, and delegates the decision to K8s namespaced NetworkPolicies"', () => {
    const i = inv(
      acnp('pass-web', {
        priority: 5,
        tier: 'securityops',
        ...toDb({ ingress: [{ action: 'Pass', ...from({ app: 'web' }) }] }),
      }),
      acnp('app-drop', {
        priority: 1,
        tier: 'application',
        ...toDb({ ingress: [{ action: 'Drop' }] }),
      }),
      allowWebKnp,
    );
    // Passed over the application Drop, then allowed by the NetworkPolicy.
    expect(allowed(i, 'prod/web', 'prod/db')).toBe(true);
    expect(allowed(i, 'dev/web', 'prod/db')).toBe(false);
    expect(allowed(i, 'ops/mon', 'prod/db')).toBe(false);
    const e = explain(i, 'prod/web', 'prod/db', { protocol: 'TCP', port: 80 });
    expect(e.ingress.path).toBe(
      'tier antrea: Pass by acnp/securityops/pass-web (order 5) rule 0 → tier k8s-networkpolicy: Allow by knp/prod/db-from-web (order none) rule 0',
    );
  });

  it('"If no K8s NetworkPolicy matches this traffic, then all Antrea-native policy Baseline Tier rules will be tested for a match"', () => {
    const pass = acnp('pass-all', {
      priority: 5,
      tier: 'securityops',
      ...toDb({ ingress: [{ action: 'Pass' }] }),
    });
    const baselineDrop = acnp('baseline-drop', {
      priority: 1,
      tier: 'baseline',
      ...toDb({ ingress: [{ action: 'Drop', ...from({ app: 'mon' }) }] }),
    });
    const i = inv(pass, baselineDrop);
    expect(allowed(i, 'ops/mon', 'prod/db')).toBe(false);
    expect(allowed(i, 'prod/web', 'prod/db')).toBe(true);
  });

  it('"Rules belonging to ClusterNetworkPolicies are enforced before any rule belonging to a K8s NetworkPolicy"', () => {
    const i = inv(
      allowWebKnp,
      acnp('drop-web', {
        priority: 9999,
        ...toDb({ ingress: [{ action: 'Drop', ...from({ app: 'web' }) }] }),
      }),
    );
    expect(allowed(i, 'prod/web', 'prod/db')).toBe(false);
    // Not decided by the ACNP: the NetworkPolicy isolates db and admits only web.
    expect(allowed(i, 'ops/mon', 'prod/db')).toBe(false);
    expect(allowed(i, 'ops/mon', 'prod/web')).toBe(true);
  });

  it('"Policies created in the "baseline" Tier … will have lower precedence than developer-created K8s NetworkPolicies"', () => {
    const baseline = acnp('default-cluster-deny', {
      priority: 1,
      tier: 'baseline',
      appliedTo: [{ namespaceSelector: {} }],
      ingress: [{ action: 'Drop' }],
    });
    const i = inv(baseline, allowWebKnp);
    expect(allowed(i, 'prod/web', 'prod/db')).toBe(true);
    // web is isolated by no NetworkPolicy: the baseline Drop decides.
    expect(allowed(i, 'prod/db', 'prod/web')).toBe(false);
  });

  it('"baseline policies cannot counteract the isolated Pod behavior provided by K8s NetworkPolicies"', () => {
    const i = inv(
      allowWebKnp,
      acnp('baseline-allow-mon', {
        priority: 1,
        tier: 'baseline',
        ...toDb({ ingress: [{ action: 'Allow', ...from({ app: 'mon' }) }] }),
      }),
    );
    expect(allowed(i, 'ops/mon', 'prod/db')).toBe(false);
    const e = explain(i, 'ops/mon', 'prod/db', { protocol: 'TCP', port: 80 });
    expect(e.ingress.path).toBe('tier k8s-networkpolicy: no rule matched, default Deny');
  });
});

describe('appliedTo and peers', () => {
  it('"If set with a `namespaceSelector`, all Pods from Namespaces selected by the namespaceSelector will be selected"', () => {
    const i = inv(
      acnp('isolate', {
        priority: 1,
        appliedTo: [
          { podSelector: sel({ role: 'db' }) },
          { namespaceSelector: sel({ env: 'dev' }) },
        ],
        ingress: [{ action: 'Drop' }],
      }),
    );
    expect(allowed(i, 'ops/mon', 'prod/db')).toBe(false);
    expect(allowed(i, 'ops/mon', 'dev/web')).toBe(false);
    expect(allowed(i, 'ops/mon', 'prod/web')).toBe(true);
  });

  it('appliedTo per rule: "the scope of the `appliedTo` is rule itself, as opposed to all rules in the policy"', () => {
    const i = inv(
      acnp('acnp-appliedto-per-rule', {
        priority: 1,
        ingress: [
          {
            action: 'Drop',
            appliedTo: [{ podSelector: sel({ app: 'db' }) }],
            ...from({ app: 'web' }),
          },
          {
            action: 'Drop',
            appliedTo: [{ podSelector: sel({ app: 'web' }) }],
            ...from({ app: 'mon' }),
          },
        ],
      }),
    );
    expect(allowed(i, 'prod/web', 'prod/db')).toBe(false);
    expect(allowed(i, 'ops/mon', 'prod/db')).toBe(true);
    expect(allowed(i, 'ops/mon', 'prod/web')).toBe(false);
    expect(allowed(i, 'prod/db', 'prod/web')).toBe(true);
  });

  it('"a `podSelector` without any `namespaceSelector` selects Pods from all Namespaces" (ACNP) but "from the Namespace in which the Antrea NetworkPolicy is created" (ANNP)', () => {
    const i = inv(
      acnp('cluster', {
        priority: 1,
        ...toDb({ ingress: [{ action: 'Drop', ...from({ app: 'web' }) }] }),
      }),
    );
    expect(allowed(i, 'dev/web', 'prod/db')).toBe(false);
    const n = inv(
      annp('prod', 'local', {
        priority: 1,
        ...toDb({ ingress: [{ action: 'Drop', ...from({ app: 'web' }) }] }),
      }),
    );
    expect(allowed(n, 'prod/web', 'prod/db')).toBe(false);
    expect(allowed(n, 'dev/web', 'prod/db')).toBe(true);
    // The ANNP's appliedTo is its namespace's pods only.
    expect(allowed(n, 'dev/web', 'dev/db')).toBe(true);
  });

  it('namespaces Self: "this field will cause the rule to select endpoints in the same Namespace as that Pod" (allow-self-ns with Drop)', () => {
    const i = inv(
      acnp('allow-self-ns', {
        priority: 1,
        tier: 'platform',
        appliedTo: [{ namespaceSelector: {} }],
        ingress: [
          { action: 'Allow', from: [{ namespaces: { match: 'Self' } }] },
          { action: 'Drop' },
        ],
      }),
    );
    expect(allowed(i, 'prod/web', 'prod/db')).toBe(true);
    expect(allowed(i, 'dev/web', 'dev/db')).toBe(true);
    expect(allowed(i, 'dev/web', 'prod/db')).toBe(false);
    expect(allowed(i, '203.0.113.1', 'prod/db')).toBe(false);
  });

  it('"The `deny-self-ns-a-to-b` policy ensures that traffic from x/a to x/b, y/a to y/b and z/a to z/b are denied"', () => {
    const i = inv(
      acnp('deny-self-ns-web-to-db', {
        priority: 1,
        tier: 'securityops',
        appliedTo: [{ namespaceSelector: {}, podSelector: sel({ app: 'db' }) }],
        ingress: [
          {
            action: 'Drop',
            from: [{ namespaces: { match: 'Self' }, podSelector: sel({ app: 'web' }) }],
          },
        ],
      }),
    );
    expect(allowed(i, 'prod/web', 'prod/db')).toBe(false);
    expect(allowed(i, 'dev/web', 'dev/db')).toBe(false);
    expect(allowed(i, 'dev/web', 'prod/db')).toBe(true);
  });

  it('sameLabels: "Namespaces will be grouped together ONLY IF ALL the values of the label keys listed in the `sameLabels` field have the same value"', () => {
    const policy = (keys: string[]) =>
      acnp('isolation-based-on-org', {
        priority: 1,
        tier: 'securityops',
        appliedTo: [{ namespaceSelector: {} }],
        ingress: [
          { action: 'Allow', from: [{ namespaces: { sameLabels: keys } }] },
          { action: 'Drop', from: [{ namespaceSelector: {} }] },
        ],
      });
    const org = inv(policy(['org']));
    expect(allowed(org, 'dev/web', 'prod/db')).toBe(true);
    expect(allowed(org, 'ops/mon', 'prod/db')).toBe(false);
    // "such policy is a no-op on Namespaces that do not have all the labels": plain has no org,
    // so the Allow rule selects nothing for it, and the Drop does.
    expect(allowed(org, 'prod/web', 'plain/tool')).toBe(false);
    // Two namespaces without the key are not one group either.
    const withPlain2 = inv(
      ns('plain2'),
      pod('plain2', 'x', { app: 'x' }, '10.0.4.1'),
      policy(['org']),
    );
    expect(allowed(withPlain2, 'plain2/x', 'plain/tool')).toBe(false);
    const orgRegion = inv(policy(['org', 'region']));
    expect(allowed(orgRegion, 'dev/web', 'prod/db')).toBe(false);
    expect(allowed(orgRegion, 'prod/web', 'prod/db')).toBe(true);
  });

  it('ipBlock except: "Policy rules that select ipBlocks with `except` fields will simply not match traffic whose addresses are included in the `except` fields. Those packets are subject to further policy evaluations"', () => {
    const i = inv(
      acnp('egress', {
        priority: 1,
        appliedTo: [{ podSelector: sel({ app: 'web' }) }],
        egress: [
          {
            action: 'Drop',
            to: [{ ipBlock: { cidr: '10.168.0.0/16', except: ['10.168.128.0/24'] } }],
          },
          { action: 'Allow', to: [{ ipBlock: { cidr: '10.168.128.0/24' } }] },
          { action: 'Drop' },
        ],
      }),
    );
    expect(allowed(i, 'prod/web', '10.168.1.1')).toBe(false);
    expect(allowed(i, 'prod/web', '10.168.128.5')).toBe(true);
    expect(allowed(i, 'prod/web', '192.0.2.1')).toBe(false);
  });

  it('ipBlocks "should be cluster-external IPs, since Pod IPs are ephemeral and unpredictable": they match pods only with ipBlockMatchesPods', () => {
    const i = inv(
      acnp('drop-cidr', {
        priority: 1,
        appliedTo: [{ podSelector: sel({ app: 'web' }) }],
        egress: [{ action: 'Drop', to: [{ ipBlock: { cidr: '10.0.0.0/24' } }] }],
      }),
    );
    expect(allowed(i, 'prod/web', '10.0.0.200')).toBe(false);
    expect(allowed(i, 'prod/web', 'prod/db')).toBe(true);
    const matching = { ...DEFAULT_OPTIONS, ipBlockMatchesPods: true };
    expect(allowed(i, 'prod/web', 'prod/db', 80, 'TCP', matching)).toBe(false);
    expect(allowed(i, 'prod/web', 'dev/db', 80, 'TCP', matching)).toBe(true);
  });

  it('"endPort can only be set when a numerical port is set to represent a range of ports from port to endPort inclusive", and named ports resolve on the destination', () => {
    const i = inv(
      acnp('ports', {
        priority: 1,
        ...toDb({
          ingress: [
            {
              action: 'Allow',
              ports: [{ protocol: 'TCP', port: 8080, endPort: 9000 }, { port: 'pg' }],
            },
            { action: 'Drop' },
          ],
        }),
      }),
    );
    expect(allowed(i, 'prod/web', 'prod/db', 8080)).toBe(true);
    expect(allowed(i, 'prod/web', 'prod/db', 9000)).toBe(true);
    expect(allowed(i, 'prod/web', 'prod/db', 9001)).toBe(false);
    expect(allowed(i, 'prod/web', 'prod/db', 5432)).toBe(true);
    expect(allowed(i, 'prod/web', 'dev/db', 5432)).toBe(false);
    expect(allowed(i, 'prod/web', 'dev/db', 5433)).toBe(true);
    expect(allowed(i, 'prod/web', 'prod/db', 5432, 'UDP')).toBe(false);
  });

  it('ServiceAccount: "the policy will be applied to all Pods whose ServiceAccount is `sa-1` of `ns-1`" … "traffic from "appliedToPods" to "egressPods" will be dropped"', () => {
    const i = inv(
      pod('prod', 'batch', { app: 'batch' }, '10.0.0.9', { sa: 'monitor' }),
      acnp('acnp-service-account', {
        priority: 5,
        tier: 'securityops',
        appliedTo: [{ serviceAccount: { name: 'monitor', namespace: 'ops' } }],
        egress: [
          { action: 'Drop', to: [{ serviceAccount: { name: 'monitor', namespace: 'prod' } }] },
        ],
      }),
    );
    expect(allowed(i, 'ops/mon', 'prod/batch')).toBe(false);
    expect(allowed(i, 'ops/mon', 'prod/db')).toBe(true);
    // prod/batch runs as prod's "monitor", not ops's: the policy does not apply to it.
    expect(allowed(i, 'prod/batch', 'prod/batch')).toBe(true);
  });
});

describe('ClusterGroup and Group', () => {
  it('"The `appliedTo` field can also reference a ClusterGroup" and a rule peer "to allow traffic from workloads/ipBlocks set in the ClusterGroup"', () => {
    const i = inv(
      clusterGroup('dbs', {
        podSelector: sel({ role: 'db' }),
        namespaceSelector: sel({ env: 'prod' }),
      }),
      clusterGroup('frontends', { podSelector: sel({ role: 'frontend' }) }),
      clusterGroup('partners', { ipBlocks: [{ cidr: '198.51.100.0/24' }] }),
      acnp('acnp-with-cluster-groups', {
        priority: 8,
        tier: 'securityops',
        appliedTo: [{ group: 'dbs' }],
        ingress: [
          { action: 'Allow', from: [{ group: 'frontends' }, { group: 'partners' }] },
          { action: 'Drop' },
        ],
      }),
    );
    expect(allowed(i, 'dev/web', 'prod/db')).toBe(true);
    expect(allowed(i, '198.51.100.7', 'prod/db')).toBe(true);
    expect(allowed(i, 'ops/mon', 'prod/db')).toBe(false);
    // dev/db is in no namespace labelled env=prod: not in the appliedTo group.
    expect(allowed(i, 'ops/mon', 'dev/db')).toBe(true);
  });

  it('childGroups: "The effective members of the "parent" ClusterGroup will be the union of all its childGroups\' members"', () => {
    const i = inv(
      clusterGroup('mons', { podSelector: sel({ app: 'mon' }) }),
      clusterGroup('tools', { namespaceSelector: sel({ 'kubernetes.io/metadata.name': 'plain' }) }),
      clusterGroup('admins', { childGroups: ['mons', 'tools', 'not-there'] }),
      acnp('from-admins', {
        priority: 1,
        ...toDb({
          ingress: [{ action: 'Allow', from: [{ group: 'admins' }] }, { action: 'Drop' }],
        }),
      }),
    );
    expect(allowed(i, 'ops/mon', 'prod/db')).toBe(true);
    expect(allowed(i, 'plain/tool', 'prod/db')).toBe(true);
    expect(allowed(i, 'prod/web', 'prod/db')).toBe(false);
  });

  it('"such a group is not realized, it contributes no address to the policies that select it as a peer, and a policy that uses it as its appliedTo applies to nothing"', () => {
    const i = inv(
      clusterGroup('leaf', { podSelector: sel({ app: 'mon' }) }),
      clusterGroup('middle', { childGroups: ['leaf'] }),
      clusterGroup('tools', { namespaceSelector: sel({ 'kubernetes.io/metadata.name': 'plain' }) }),
      clusterGroup('top', { childGroups: ['middle', 'tools'] }),
      acnp('peer', {
        priority: 1,
        ...toDb({ ingress: [{ action: 'Allow', from: [{ group: 'top' }] }, { action: 'Drop' }] }),
      }),
      acnp('subject', { priority: 2, appliedTo: [{ group: 'top' }], egress: [{ action: 'Drop' }] }),
    );
    expect(allowed(i, 'ops/mon', 'prod/db')).toBe(false);
    // Not even its valid child "tools" counts: the whole group is not realized.
    expect(allowed(i, 'plain/tool', 'prod/db')).toBe(false);
    expect(allowed(i, 'plain/tool', 'prod/web')).toBe(true);
    expect(allowed(i, 'ops/mon', 'prod/web')).toBe(true);
    expect(i.antrea?.notes.map((n) => `${n.object.name}: ${n.message}`)).toContain(
      'top: its childGroups have childGroups of their own (ChildGroupsNestingExceeded): the group is not realized and selects nothing',
    );
  });

  it('"An IPBlock ClusterGroup referenced in an `appliedTo` field will be ignored, and the policy will have no effect"', () => {
    const i = inv(
      clusterGroup('cidrs', { ipBlocks: [{ cidr: '10.0.0.0/8' }] }),
      acnp('no-effect', {
        priority: 1,
        appliedTo: [{ group: 'cidrs' }],
        ingress: [{ action: 'Drop' }],
      }),
    );
    expect(allowed(i, 'ops/mon', 'prod/db')).toBe(true);
  });

  it('Group: "`childGroups` … will be looked up in the policy\'s own Namespace", a bare podSelector selects there, and `serviceReference` has "the same Pod members that are currently selected by the Service\'s selector"', () => {
    const i = inv(
      {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { namespace: 'prod', name: 'db' },
        spec: { selector: { app: 'db' }, ports: [{ port: 5432 }] },
      },
      group('prod', 'webs', { podSelector: sel({ app: 'web' }) }),
      group('dev', 'webs', { namespaceSelector: {} }),
      group('prod', 'clients', { childGroups: ['webs'] }),
      group('prod', 'db-backends', { serviceReference: { name: 'db', namespace: 'prod' } }),
      annp('prod', 'annp-with-groups', {
        priority: 5,
        tier: 'securityops',
        appliedTo: [{ group: 'db-backends' }],
        ingress: [{ action: 'Allow', from: [{ group: 'clients' }] }, { action: 'Drop' }],
      }),
    );
    expect(allowed(i, 'prod/web', 'prod/db')).toBe(true);
    // prod's "webs" (own namespace), not dev's "webs" (every namespace).
    expect(allowed(i, 'dev/web', 'prod/db')).toBe(false);
    expect(allowed(i, 'ops/mon', 'prod/db')).toBe(false);
  });

  it('a Group "with Pods in other Namespaces can not be used as AppliedTo" of an Antrea NetworkPolicy (Realizable=False): the policy is not evaluated', () => {
    const i = inv(
      group('prod', 'everywhere', { namespaceSelector: {} }),
      annp('prod', 'unrealizable', {
        priority: 1,
        appliedTo: [{ group: 'everywhere' }],
        ingress: [{ action: 'Drop' }],
      }),
    );
    expect(allowed(i, 'ops/mon', 'prod/db')).toBe(true);
    expect(i.antrea?.policies).toEqual([]);
    expect(i.antrea?.notes[0]?.message).toContain('Realizable=False');
  });
});

describe('peers that are not evaluated offline', () => {
  const verdictOf = (i: Inventory, src: string, dst: string, port: number) =>
    isAllowed(i, { src: end(i, src), dst: end(i, dst), protocol: 'TCP', port });
  const notEvaluatedOf = (i: Inventory): string[] => [
    ...new Set(
      (policyChainOf(i, DEFAULT_OPTIONS)?.policies ?? []).flatMap((p) =>
        [...p.ingress, ...p.egress].flatMap((r) => r.notEvaluated),
      ),
    ),
  ];

  it('FQDN: "Antrea will only program datapath rules for actual egress traffic towards these FQDNs, based on DNS results": offline it matches no address, and is reported', () => {
    const i = inv(
      acnp('acnp-fqdn-all-foobar', {
        priority: 1,
        appliedTo: [{ podSelector: sel({ app: 'web' }) }],
        egress: [
          {
            action: 'Allow',
            to: [{ fqdn: '*foobar.com' }],
            ports: [{ protocol: 'TCP', port: 8080 }],
          },
          { action: 'Drop' },
        ],
      }),
    );
    expect(allowed(i, 'prod/web', '203.0.113.5', 8080)).toBe(false);
    const e = explain(i, 'prod/web', '203.0.113.5', { protocol: 'TCP', port: 8080 });
    expect(e.egress.path).toBe(
      'tier antrea: Drop by acnp/application/acnp-fqdn-all-foobar (order 1) rule 1',
    );
    expect(notEvaluatedOf(i)).toEqual(['FQDN *foobar.com']);
    // An egress-only policy does not apply to web's ingress.
    expect(explain(i, 'prod/db', 'prod/web', { protocol: 'TCP', port: 80 }).ingress.path).toBe(
      'no policy applies: profile allow',
    );
    expect(verdictOf(i, 'prod/web', '203.0.113.5', 8080).egress.reason).toContain('Drop');
  });

  it('nodeSelector: "it adds the Node IPs to the rule\'s destination address group"; without Node objects it matches nothing and says so', () => {
    const node = {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: 'cp-1', labels: { 'node-role.kubernetes.io/control-plane': '' } },
      status: { addresses: [{ type: 'InternalIP', address: '192.168.0.10' }] },
    };
    const policy = acnp('egress-control-plane', {
      priority: 1,
      appliedTo: [{ podSelector: sel({ app: 'web' }) }],
      egress: [
        {
          action: 'Drop',
          to: [{ nodeSelector: sel({ 'node-role.kubernetes.io/control-plane': '' }) }],
          ports: [{ protocol: 'TCP', port: 6443 }],
        },
      ],
    });
    const i = inv(
      node,
      pod('kube-system', 'apiserver', { c: 'api' }, '192.168.0.10', { hostNetwork: true }),
      pod('kube-system', 'apiserver-2', { c: 'api' }, '192.168.0.11', { hostNetwork: true }),
      policy,
    );
    expect(allowed(i, 'prod/web', '192.168.0.10', 6443)).toBe(false);
    expect(allowed(i, 'prod/web', '192.168.0.11', 6443)).toBe(true);
    // "Pods in hostNetwork mode on these Nodes are also effectively included".
    expect(allowed(i, 'prod/web', 'kube-system/apiserver', 6443)).toBe(false);
    // Alike to every selector, but on a node the selector does not match.
    expect(allowed(i, 'prod/web', 'kube-system/apiserver-2', 6443)).toBe(true);
    expect(allowed(i, 'prod/web', '192.168.0.10', 443)).toBe(true);
    expect(notEvaluatedOf(i)).toEqual([]);
    const unknown = inv(policy);
    expect(allowed(unknown, 'prod/web', '192.168.0.10', 6443)).toBe(true);
    expect(notEvaluatedOf(unknown)).toEqual([
      'nodeSelector (the input holds no Node objects: it matches nothing here)',
    ]);
  });

  it('source ports are not evaluated: a `Drop` port entry with `sourcePort` matches nothing (the connection goes on), an `Allow` ignores them; both are reported', () => {
    const i = inv(
      acnp('src-ports', {
        priority: 1,
        ...toDb({
          ingress: [
            {
              action: 'Drop',
              ...from({ app: 'web' }),
              ports: [{ protocol: 'TCP', port: 80, sourcePort: 1000, sourceEndPort: 2000 }],
            },
            {
              action: 'Allow',
              ...from({ app: 'mon' }),
              ports: [{ protocol: 'TCP', port: 80, sourcePort: 1000 }],
            },
            { action: 'Drop' },
          ],
        }),
      }),
    );
    expect(allowed(i, 'prod/web', 'prod/db', 80)).toBe(false);
    expect(explain(i, 'prod/web', 'prod/db', { protocol: 'TCP', port: 80 }).ingress.path).toBe(
      'tier antrea: Drop by acnp/application/src-ports (order 1) rule 2',
    );
    expect(allowed(i, 'ops/mon', 'prod/db', 80)).toBe(true);
    expect(notEvaluatedOf(i)).toEqual(['source ports']);
  });

  it("a host-network pod is no member of a pod selection (Antrea leaves host-network pods out of address groups); a nodeSelector matches it by its node's IP", () => {
    const i = inv(
      pod('ops', 'agent', { app: 'mon' }, '192.168.0.20', { hostNetwork: true }),
      acnp('from-mon', {
        priority: 1,
        ...toDb({ ingress: [{ action: 'Allow', ...from({ app: 'mon' }) }, { action: 'Drop' }] }),
      }),
    );
    expect(allowed(i, 'ops/mon', 'prod/db')).toBe(true);
    expect(allowed(i, 'ops/agent', 'prod/db')).toBe(false);
  });

  it('toServices: "direct access to the Endpoints of this Service is not affected by `toServices` rules"', () => {
    const i = inv(
      {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { namespace: 'prod', name: 'db' },
        spec: { selector: { app: 'db' }, ports: [{ port: 5432 }] },
      },
      acnp('acnp-drop-to-services', {
        priority: 5,
        tier: 'securityops',
        appliedTo: [{ podSelector: sel({ app: 'web' }) }],
        egress: [
          {
            action: 'Drop',
            toServices: [{ name: 'db', namespace: 'prod' }],
            name: 'DropToServices',
          },
        ],
      }),
    );
    expect(allowed(i, 'prod/web', 'prod/db', 5432)).toBe(true);
    expect(notEvaluatedOf(i)[0]).toMatch(
      /^toServices prod\/db \(matched on the Service's ClusterIP/,
    );
  });

  it('L7: "the traffic will be allowed if the layer 7 criteria is also matched, otherwise it will be dropped": the L4 Allow stands and the HTTP part is shown (antrea-l7-network-policy.md)', () => {
    const i = inv(
      annp('prod', 'ingress-allow-http-request-to-api-v2', {
        priority: 5,
        tier: 'application',
        appliedTo: [{ podSelector: sel({ app: 'db' }) }],
        ingress: [
          {
            name: 'allow-http',
            action: 'Allow',
            ...from({ app: 'web' }),
            l7Protocols: [{ http: { path: '/api/v2/*', method: 'GET' } }],
          },
          { name: 'drop-other', action: 'Drop' },
        ],
      }),
    );
    expect(allowed(i, 'prod/web', 'prod/db', 80)).toBe(true);
    expect(allowed(i, 'prod/db', 'prod/db', 80)).toBe(false);
    const e = explain(i, 'prod/web', 'prod/db', { protocol: 'TCP', port: 80 });
    expect(
      e.notes.some(
        (n) =>
          n.includes('HTTP {"path":"/api/v2/*","method":"GET"}') && n.includes('not evaluated'),
      ),
    ).toBe(true);
  });
});

describe('network-policy-api kinds under Antrea (cluster-network-policy.md, admin-network-policy.md)', () => {
  const cnpDenyMon = (tierName: 'Admin' | 'Baseline') => ({
    apiVersion: 'policy.networking.k8s.io/v1alpha2',
    kind: 'ClusterNetworkPolicy',
    metadata: { name: `deny-mon-${tierName.toLowerCase()}` },
    spec: {
      tier: tierName,
      priority: 10,
      subject: { namespaces: {} },
      ingress: [{ action: 'Deny', from: [{ namespaces: sel({ org: 'it' }) }] }],
    },
  });

  it('"Antrea-native Policies, Tier priority higher than 220 … > ClusterNetworkPolicy, Admin tier (inherent tier priority == 220) > Antrea-native Policies, Tier priority lower than 220"', () => {
    const app = inv(
      cnpDenyMon('Admin'),
      acnp('app-allow', { priority: 1, ...toDb({ ingress: [{ action: 'Allow' }] }) }),
    );
    expect(allowed(app, 'ops/mon', 'prod/db')).toBe(false);
    const platform = inv(
      cnpDenyMon('Admin'),
      acnp('platform-allow', {
        priority: 1,
        tier: 'platform',
        ...toDb({ ingress: [{ action: 'Allow' }] }),
      }),
    );
    expect(allowed(platform, 'ops/mon', 'prod/db')).toBe(true);
    expect(allowed(platform, 'ops/mon', 'prod/web')).toBe(false);
  });

  it('"any Antrea-native policies that are not created in the `baseline` tier will have higher precedence over … all AdminNetworkPolicies at any `priority`"', () => {
    const anp = {
      apiVersion: 'policy.networking.k8s.io/v1alpha1',
      kind: 'AdminNetworkPolicy',
      metadata: { name: 'cluster-wide-deny-example' },
      spec: {
        priority: 0,
        subject: { namespaces: {} },
        ingress: [{ action: 'Deny', from: [{ namespaces: {} }] }],
      },
    };
    const i = inv(
      anp,
      acnp('app-allow', {
        priority: 10000,
        ...toDb({ ingress: [{ action: 'Allow', ...from({ app: 'web' }) }] }),
      }),
    );
    expect(allowed(i, 'prod/web', 'prod/db')).toBe(true);
    expect(allowed(i, 'ops/mon', 'prod/db')).toBe(false);
    expect(allowed(i, 'ops/mon', 'prod/web')).toBe(false);
  });

  it('"Antrea-native Policies (tier == baseline) > BaselineAdminNetworkPolicy": an Antrea baseline Allow comes before a Baseline-tier Deny', () => {
    const i = inv(
      cnpDenyMon('Baseline'),
      acnp('baseline-allow', {
        priority: 1,
        tier: 'baseline',
        ...toDb({ ingress: [{ action: 'Allow', ...from({ app: 'mon' }) }] }),
      }),
    );
    expect(allowed(i, 'ops/mon', 'prod/db')).toBe(true);
    expect(allowed(i, 'ops/mon', 'prod/web')).toBe(false);
  });
});

describe('logging and the tiered example (../shared/examples/cni/antrea-tiered.yaml)', () => {
  it('"When the `enableLogging` field is set to `true`, the first packet of any traffic flow that matches this rule will be logged": the verdict lists the rule it logged', () => {
    const i = inv(
      acnp('acnp-with-log-setting', {
        priority: 5,
        tier: 'securityops',
        ...toDb({
          ingress: [
            {
              action: 'Allow',
              ...from({ role: 'frontend' }),
              name: 'AllowFromFrontend',
              enableLogging: true,
              logLabel: 'frontend-allowed',
            },
          ],
        }),
      }),
    );
    const v = isAllowed(i, {
      src: end(i, 'prod/web'),
      dst: end(i, 'prod/db'),
      protocol: 'TCP',
      port: 80,
    });
    expect(v.allowed).toBe(true);
    const d = v.ingress.decidedBy;
    expect(
      d.tier === 'Chain' ? d.chain.logged.map((r) => `${r.label} ${r.ruleName} ${r.action}`) : [],
    ).toEqual(['acnp/securityops/acnp-with-log-setting AllowFromFrontend Log']);
    const other = isAllowed(i, {
      src: end(i, 'ops/mon'),
      dst: end(i, 'prod/db'),
      protocol: 'TCP',
      port: 80,
    });
    const od = other.ingress.decidedBy;
    expect(od.tier === 'Chain' ? od.chain.logged : ['not chained']).toEqual([]);
  });

  it('the example: TCP 80 from production frontends is allowed by the application-tier rule and logged; the policy isolates nothing else', () => {
    const file = join(__dirname, '../../../../../../shared/examples/cni/antrea-tiered.yaml');
    const parsed = parseDocuments(readFileSync(file, 'utf8'), 'antrea-tiered.yaml');
    expect(parsed.issues).toEqual([]);
    const i = buildInventory([
      ...[
        ns('app', { environment: 'production' }),
        ns('staging', { environment: 'staging' }),
        pod('app', 'api', { app: 'api' }, '10.1.0.1'),
        pod('app', 'frontend', { app: 'frontend' }, '10.1.0.2'),
        pod('staging', 'frontend', { app: 'frontend' }, '10.1.1.2'),
      ].map((object) => ({ object })),
      ...parsed.objects,
    ]);
    expect(i.issues).toEqual([]);
    const logged = (src: string, port: number): string[] => {
      const d = isAllowed(i, { src: end(i, src), dst: end(i, 'app/api'), protocol: 'TCP', port })
        .ingress.decidedBy;
      return d.tier === 'Chain' ? d.chain.logged.map((r) => `${r.label} ${r.ruleName}`) : [];
    };
    expect(allowed(i, 'app/frontend', 'app/api', 80)).toBe(true);
    expect(logged('app/frontend', 80)).toEqual([
      'acnp/application/api-from-production-frontends frontend-to-api',
    ]);
    expect(explain(i, 'app/frontend', 'app/api', { protocol: 'TCP', port: 80 }).ingress.path).toBe(
      'tier antrea: Allow by acnp/application/api-from-production-frontends (order 5) rule 0',
    );
    // "does not automatically isolate Pods selected in appliedTo": the rest is not decided by it.
    expect(allowed(i, 'staging/frontend', 'app/api', 80)).toBe(true);
    expect(logged('staging/frontend', 80)).toEqual([]);
    expect(
      explain(i, 'staging/frontend', 'app/api', { protocol: 'TCP', port: 80 }).ingress.path,
    ).toBe('tier antrea: no rule matched, default Pass → profile allow');
    expect(allowed(i, 'app/frontend', 'app/api', 443)).toBe(true);
    expect(logged('app/frontend', 443)).toEqual([]);
  });
});
