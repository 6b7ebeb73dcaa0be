import { buildModel } from '@fenceline/netpol';
import { computeDrift, type BaselineContent, type DriftFinding } from '../src/index';
import { anp, BASELINE_DENY_ALL, cnp } from './cluster-fixture';
import {
  cluster,
  DB,
  DEV_WEB,
  expandedPolicies,
  inventoryOf,
  SHOP_BASELINE,
  WEB,
  WORKLOADS,
  type Raw,
} from './shop-fixture';

const summary = (findings: readonly DriftFinding[]): string[] =>
  findings.map((f) => `${f.severity} ${f.kind} ${f.subject}`);
const only = (findings: readonly DriftFinding[], subject: string): DriftFinding => {
  const found = findings.filter((f) => f.subject === subject);
  expect(found).toHaveLength(1);
  return found[0]!;
};
const withClusterPolicies = (...policies: Raw[]): BaselineContent => ({
  ...SHOP_BASELINE,
  policies: [...SHOP_BASELINE.policies, ...policies],
});
const team = (name: string): Raw => ({ namespaces: { matchLabels: { team: name } } });

/**
 * payments' Admin wall: shop's web pods (and any app=web pod) are denied into payments, other
 * shop pods are accepted. Order matters: shop/web matches both rules.
 */
const wall = (ingress: Raw[]): Raw =>
  cnp('payments-wall', {
    tier: 'Admin',
    priority: 10,
    subject: team('payments'),
    ingress,
  });
const DENY_WEB = {
  action: 'Deny',
  from: [{ pods: { namespaceSelector: {}, podSelector: { matchLabels: { app: 'web' } } } }],
};
const ACCEPT_SHOP = { action: 'Accept', from: [team('shop')] };

describe('computeDrift with cluster-scoped policies (expected findings derived by hand)', () => {
  it('finds nothing when the cluster holds the baseline cluster policies too', () => {
    const content = withClusterPolicies(BASELINE_DENY_ALL);
    expect(computeDrift(content, cluster([...expandedPolicies(), BASELINE_DENY_ALL]))).toEqual([]);
  });

  it('reports a missing cluster policy', () => {
    // Every in-scope pod is isolated by NetworkPolicies both ways, which decide: the Baseline
    // tier is never reached, so its absence changes no path.
    const content = withClusterPolicies(BASELINE_DENY_ALL);
    const findings = computeDrift(content, cluster());
    expect(summary(findings)).toEqual([
      'high policy-missing ClusterNetworkPolicy baseline-deny-all',
    ]);
    expect(findings[0]!.evidence).toEqual({
      kind: 'ClusterNetworkPolicy',
      name: 'baseline-deny-all',
    });
  });

  it('an Admin Allow overriding the namespaces’ deny is unknown, widens the path and breaks the guardrails', () => {
    // dev/web → payments/db: dev's egress and db's ingress are both default-deny NetworkPolicy
    // isolated; the Admin tier decides first and accepts every port, both ways.
    const objects = [
      ...WORKLOADS,
      ...expandedPolicies(),
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
    const reference = buildModel(inventoryOf([...WORKLOADS, ...expandedPolicies()]))
      .connlist()
      .map((r) => ({ src: r.src, dst: r.dst, conn: r.conn.toString() }));
    const findings = computeDrift(SHOP_BASELINE, inventoryOf(objects), { reference });
    expect(summary(findings)).toEqual([
      'critical path-widened dev → payments',
      'critical connectivity-widened dev → payments',
      'critical guardrail-violated guardrail no-dev-to-payments',
      'medium policy-unknown AdminNetworkPolicy dev-egress',
      'medium policy-unknown AdminNetworkPolicy payments-from-dev',
      // dev/web now reaches db on port 53 too: a way around the cluster's resolver.
      `medium guardrail-violated guardrail require-dns-egress: ${DEV_WEB}`,
    ]);
    const widened = findings.find((f) => f.kind === 'path-widened')!;
    expect(widened.evidence).toEqual({
      rows: [{ src: DEV_WEB, dst: DB, cluster: 'All Connections', baseline: 'No Connections' }],
    });
    const connectivity = findings.find((f) => f.kind === 'connectivity-widened')!;
    expect(connectivity.evidence).toEqual({
      rows: [
        {
          src: DEV_WEB,
          dst: DB,
          added: 'All Connections',
          reference: 'No Connections',
          current: 'All Connections',
        },
      ],
    });
    expect(only(findings, 'guardrail no-dev-to-payments').evidence['allowed']).toEqual([
      { src: DEV_WEB, dst: DB, conn: 'All Connections' },
    ]);
  });

  it('leaves out of scope a cluster policy whose subject selects only out-of-scope namespaces', () => {
    const dnsWall = anp('kube-system-wall', {
      priority: 1,
      subject: { namespaces: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } } },
      ingress: [{ action: 'Deny', from: [team('dev')] }],
    });
    // dev/web can no longer reach coredns: a change, but on both sides (kept in the baseline's
    // desired cluster as an out-of-scope NetworkPolicy would be), so no drift at all...
    const findings = computeDrift(SHOP_BASELINE, cluster([...expandedPolicies(), dnsWall]));
    // ... except the DNS guardrail, which is about the cluster as it is.
    expect(summary(findings)).toEqual([
      `medium guardrail-violated guardrail require-dns-egress: ${DEV_WEB}`,
    ]);
  });

  it('reports a changed priority, with what changed', () => {
    const expected = wall([ACCEPT_SHOP]);
    const actual = cnp('payments-wall', {
      ...(expected['spec'] as Raw),
      priority: 20,
    });
    const findings = computeDrift(
      withClusterPolicies(expected),
      cluster([...expandedPolicies(), actual]),
    );
    expect(summary(findings)).toEqual(['high policy-modified ClusterNetworkPolicy payments-wall']);
    expect(findings[0]!.evidence).toEqual({
      kind: 'ClusterNetworkPolicy',
      name: 'payments-wall',
      changed: ['priority'],
      priority: { expected: 10, actual: 20 },
    });
  });

  it('a pure reorder of rules with different actions is a modification, and here it opens web → db', () => {
    const content = withClusterPolicies(wall([DENY_WEB, ACCEPT_SHOP]));
    // In the baseline's order, shop/web is denied into payments by the Admin tier: the baseline
    // itself breaks its web-reaches-db guardrail (and only that).
    expect(
      summary(
        computeDrift(content, cluster([...expandedPolicies(), wall([DENY_WEB, ACCEPT_SHOP])])),
      ),
    ).toEqual(['high guardrail-violated guardrail web-reaches-db']);
    // Reordered: shop/web is accepted first, on every port at db's ingress; its egress
    // (web-to-db) still allows only TCP 5432. shop/worker's egress stays closed.
    const findings = computeDrift(
      content,
      cluster([...expandedPolicies(), wall([ACCEPT_SHOP, DENY_WEB])]),
    );
    expect(summary(findings)).toEqual([
      'critical path-widened shop → payments',
      'high policy-modified ClusterNetworkPolicy payments-wall',
    ]);
    expect(findings[0]!.evidence).toEqual({
      rows: [{ src: WEB, dst: DB, cluster: 'TCP 5432', baseline: 'No Connections' }],
    });
    const ingress = findings[1]!.evidence['ingress'] as Record<string, unknown>;
    expect(ingress['reordered']).toBe(true);
    expect(ingress['missing']).toEqual([]);
  });

  it('a reorder that cannot change any verdict is no drift; one that could, is, even when no path changes here', () => {
    const deny53 = {
      action: 'Deny',
      from: [{ namespaces: {} }],
      protocols: [{ udp: { destinationPort: { number: 53 } } }],
    };
    const pass = {
      action: 'Pass',
      from: [{ namespaces: {} }],
      protocols: [{ tcp: { destinationPort: { number: 5432 } } }],
    };
    // Disjoint ports: no connection meets both rules.
    const content = withClusterPolicies(wall([deny53, pass]));
    expect(computeDrift(content, cluster([...expandedPolicies(), wall([pass, deny53])]))).toEqual(
      [],
    );
    // Deny dev, then Pass everyone: dev is denied into payments either way on this cluster
    // (payments' NetworkPolicies deny dev anyway), but on a cluster where they did not, the
    // swapped order would let dev in: that is a change of meaning.
    const denyDev = { action: 'Deny', from: [team('dev')] };
    const passAll = { action: 'Pass', from: [{ namespaces: {} }] };
    const findings = computeDrift(
      withClusterPolicies(wall([denyDev, passAll])),
      cluster([...expandedPolicies(), wall([passAll, denyDev])]),
    );
    expect(summary(findings)).toEqual(['high policy-modified ClusterNetworkPolicy payments-wall']);
  });

  it('an AdminNetworkPolicy and a ClusterNetworkPolicy of one name are different objects', () => {
    const asCnp = cnp('payments-from-shop', {
      tier: 'Admin',
      priority: 3,
      subject: team('payments'),
      ingress: [{ action: 'Accept', from: [team('shop')] }],
    });
    const asAnp = anp('payments-from-shop', {
      priority: 3,
      subject: team('payments'),
      ingress: [{ action: 'Allow', from: [team('shop')] }],
    });
    // Same meaning, other kind: the baseline's object is missing and the cluster's unknown.
    const findings = computeDrift(
      withClusterPolicies(asCnp),
      cluster([...expandedPolicies(), asAnp]),
    );
    expect(summary(findings)).toEqual([
      'high policy-missing ClusterNetworkPolicy payments-from-shop',
      'medium policy-unknown AdminNetworkPolicy payments-from-shop',
    ]);
  });
});

describe('require-default-deny through the tiers', () => {
  const guard: BaselineContent = {
    scope: SHOP_BASELINE.scope,
    policies: [],
    guardrails: [{ type: 'require-default-deny', direction: 'both' }],
  };
  const workloads = ['dev/web[Deployment]', DB, WEB, 'shop/worker[Deployment]'];

  it('is satisfied by a Baseline-tier deny-all without any NetworkPolicy', () => {
    const findings = computeDrift(guard, inventoryOf([...WORKLOADS, BASELINE_DENY_ALL]));
    expect(findings.filter((f) => f.kind === 'guardrail-violated')).toEqual([]);
    // Without it, every in-scope workload is open both ways.
    const open = computeDrift(guard, inventoryOf(WORKLOADS));
    expect(open.map((f) => f.subject)).toEqual(
      workloads.map((w) => `guardrail require-default-deny: ${w}`),
    );
  });

  it('is satisfied by an Admin catch-all Deny with Pass exceptions, and broken by an Admin catch-all Accept', () => {
    const walls = anp('walls', {
      priority: 1,
      subject: { namespaces: {} },
      ingress: [
        { action: 'Pass', from: [team('shop')] },
        { action: 'Deny', from: [{ namespaces: {} }] },
      ],
      egress: [{ action: 'Deny', to: [{ networks: ['0.0.0.0/0'] }] }],
    });
    const ok = computeDrift(guard, inventoryOf([...WORKLOADS, walls]));
    expect(ok.filter((f) => f.kind === 'guardrail-violated')).toEqual([]);
    // An Admin Accept of everything comes first: the NetworkPolicies' isolation never applies.
    const open = anp('open', {
      priority: 0,
      subject: team('shop'),
      ingress: [{ action: 'Allow', from: [{ namespaces: {} }] }],
    });
    const broken = computeDrift(guard, inventoryOf([...WORKLOADS, ...expandedPolicies(), open]));
    expect(
      broken
        .filter((f) => f.kind === 'guardrail-violated')
        .map((f) => [f.subject, f.evidence['notIsolated']]),
    ).toEqual([
      [`guardrail require-default-deny: ${WEB}`, { ingress: ['web'] }],
      ['guardrail require-default-deny: shop/worker[Deployment]', { ingress: ['worker'] }],
    ]);
  });
});
