import { diffBaselineContents, previewPromotion, type BaselineContent } from '../src/index';
import { anp, cnp } from './cluster-fixture';
import { cluster, DB, DEV_WEB, expandedPolicies, SHOP_BASELINE, type Raw } from './shop-fixture';

const team = (name: string): Raw => ({ namespaces: { matchLabels: { team: name } } });
const with_ = (...policies: Raw[]): BaselineContent => ({
  ...SHOP_BASELINE,
  policies: [...SHOP_BASELINE.policies, ...policies],
});
/** Admin Allows that open dev → payments over both namespaces' default deny. */
const OPEN_DEV = [
  anp('dev-egress', {
    priority: 1,
    subject: team('dev'),
    egress: [{ action: 'Allow', to: [team('payments')] }],
  }),
  anp('payments-from-dev', {
    priority: 2,
    subject: team('payments'),
    ingress: [{ action: 'Allow', from: [team('dev')] }],
  }),
];
const wall = (priority: number, ingress: Raw[]): Raw =>
  cnp('payments-wall', { tier: 'Admin', priority, subject: team('payments'), ingress });
const tcp = (port: number): Raw => ({ tcp: { destinationPort: { number: port } } });
const deny22 = { action: 'Deny', from: [{ namespaces: {} }], protocols: [tcp(22)] };
const pass5432 = { action: 'Pass', from: [{ namespaces: {} }], protocols: [tcp(5432)] };
const OPENED = {
  diffType: 'added',
  src: DEV_WEB,
  dst: DB,
  before: 'No Connections',
  after: 'All Connections',
};

describe('diffBaselineContents with cluster policies', () => {
  it('lists cluster policies added, removed and modified by Kind/name, by meaning', () => {
    const v1 = with_(wall(10, [deny22, pass5432]));
    expect(diffBaselineContents(v1, with_(wall(10, [pass5432, deny22]))).policies).toEqual({
      added: [],
      removed: [],
      modified: [],
    });
    expect(
      diffBaselineContents(v1, with_(wall(11, [deny22, pass5432]), ...OPEN_DEV)).policies,
    ).toEqual({
      added: ['AdminNetworkPolicy/dev-egress', 'AdminNetworkPolicy/payments-from-dev'],
      removed: [],
      modified: ['ClusterNetworkPolicy/payments-wall'],
    });
    expect(diffBaselineContents(v1, SHOP_BASELINE).policies.removed).toEqual([
      'ClusterNetworkPolicy/payments-wall',
    ]);
  });

  it('computes the connectivity change through the tiers', () => {
    // dev/web → db: closed by both namespaces' default deny, opened by the Admin tier.
    expect(diffBaselineContents(SHOP_BASELINE, with_(...OPEN_DEV), cluster()).connectivity).toEqual(
      [OPENED],
    );
    // A first version over a cluster that has the Admin Allows: applying it removes them (they
    // are in scope and it does not hold them).
    const opened = cluster([...expandedPolicies(), ...OPEN_DEV]);
    expect(diffBaselineContents(undefined, SHOP_BASELINE, opened).connectivity).toEqual([
      { ...OPENED, diffType: 'removed', before: 'All Connections', after: 'No Connections' },
    ]);
  });
});

describe('previewPromotion with cluster policies', () => {
  it('shows the opened path and the guardrails the candidate newly fails', () => {
    const preview = previewPromotion(SHOP_BASELINE, with_(...OPEN_DEV), cluster());
    expect(preview.connectivity).toEqual([OPENED]);
    expect(preview.newlyFailingGuardrails.map((f) => `${f.severity} ${f.subject}`)).toEqual([
      'critical guardrail no-dev-to-payments',
      `medium guardrail require-dns-egress: ${DEV_WEB}`,
    ]);
  });
});
