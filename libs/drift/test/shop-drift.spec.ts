import { buildModel } from '@fenceline/netpol';
import { computeDrift, driftFingerprint, type DriftFinding, type ReferenceRow } from '../src/index';
import {
  ALL_V4,
  ALLOW_DNS,
  cluster,
  COREDNS,
  DB,
  deployment,
  expandedPolicies,
  inventoryOf,
  namespace,
  placed,
  policy,
  SHOP_BASELINE,
  WEB,
  WEB_TO_DB,
  withPolicy,
  WORKER,
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
const referenceOf = (objects: readonly Raw[]): ReferenceRow[] =>
  buildModel(inventoryOf(objects))
    .connlist()
    .map((r) => ({ src: r.src, dst: r.dst, conn: r.conn.toString() }));
const CANARY = 'shop-canary/web[Deployment]';

describe('computeDrift on the shop cluster (expected findings derived by hand)', () => {
  it('finds nothing when the cluster holds exactly the expanded baseline', () => {
    // Every in-scope pod is isolated both ways, reaches kube-dns on UDP/TCP 53 and nothing else
    // on 53; no external address reaches payments; dev reaches nothing in payments; web reaches
    // db on TCP 5432 (egress web-to-db AND ingress db-from-web).
    const reference = referenceOf([...WORKLOADS, ...expandedPolicies()]);
    expect(computeDrift(SHOP_BASELINE, cluster(), { reference })).toEqual([]);
  });

  it('reports a deleted policy, the path it closed and the allow guardrail it breaks', () => {
    // Without db-from-web, db's ingress is isolated by default-deny alone: web -> db closes.
    const findings = computeDrift(
      SHOP_BASELINE,
      cluster(withPolicy('payments/db-from-web', undefined)),
    );
    expect(summary(findings)).toEqual([
      'high policy-missing NetworkPolicy payments/db-from-web',
      'high guardrail-violated guardrail web-reaches-db',
      'medium path-narrowed shop → payments',
    ]);
    expect(findings[0]!.evidence).toEqual({
      namespace: 'payments',
      name: 'db-from-web',
      fromTemplate: false,
    });
    expect(only(findings, 'shop → payments').evidence).toEqual({
      rows: [{ src: WEB, dst: DB, cluster: 'No Connections', baseline: 'TCP 5432' }],
    });
    expect(only(findings, 'guardrail web-reaches-db').evidence).toEqual({
      guardrail: 'web-reaches-db',
      type: 'allow',
      ports: 'TCP 5432',
      missing: [{ src: WEB, dst: DB, missing: 'TCP 5432', allowed: 'No Connections' }],
    });
  });

  it('ignores reformatting: rule/peer/port order, explicit TCP, policyTypes spelled out, endPort = port, matchExpressions In', () => {
    const dbFromWeb = policy('db-from-web', 'payments', {
      policyTypes: ['Ingress'],
      podSelector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['db'] }] },
      ingress: [
        {
          ports: [{ protocol: 'TCP', port: 5432, endPort: 5432 }],
          from: [
            {
              podSelector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['web'] }] },
              namespaceSelector: { matchLabels: { team: 'shop' } },
            },
          ],
        },
        // The same rule again: rules are a union.
        {
          from: [
            {
              namespaceSelector: { matchLabels: { team: 'shop' } },
              podSelector: { matchLabels: { app: 'web' } },
            },
          ],
          ports: [{ port: 5432 }],
        },
      ],
    });
    // Egress rules of a policy whose policyTypes lack Egress never apply.
    const webIngress = policy('web-ingress', 'shop', {
      podSelector: { matchLabels: { app: 'web' } },
      policyTypes: ['Ingress'],
      ingress: [
        { from: [{ ipBlock: { cidr: '0.0.0.0/0' } }], ports: [{ port: 8080, protocol: 'TCP' }] },
      ],
      egress: [{}],
    });
    const dns = policy('allow-dns', 'shop', {
      podSelector: {},
      policyTypes: ['Egress'],
      egress: [
        {
          ports: [{ port: 53 }, { port: 53, protocol: 'UDP' }],
          to: [
            {
              podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
              namespaceSelector: {
                matchExpressions: [
                  { key: 'kubernetes.io/metadata.name', operator: 'In', values: ['kube-system'] },
                ],
              },
            },
          ],
        },
      ],
    });
    const deny = policy('default-deny', 'payments', {
      podSelector: {},
      policyTypes: ['Egress', 'Ingress'],
      ingress: [],
    });
    let policies = withPolicy('payments/db-from-web', dbFromWeb);
    policies = withPolicy('shop/web-ingress', webIngress, policies);
    policies = withPolicy('shop/allow-dns', dns, policies);
    policies = withPolicy('payments/default-deny', deny, policies);
    expect(computeDrift(SHOP_BASELINE, cluster(policies))).toEqual([]);
  });

  it('reports a semantic edit with what differs, and the paths it widens and narrows', () => {
    // web-ingress now admits TCP 8443 instead of 8080: External -> web gains 8443, loses 8080.
    const edited = policy('web-ingress', 'shop', {
      podSelector: { matchLabels: { app: 'web' } },
      ingress: [{ from: [{ ipBlock: { cidr: '0.0.0.0/0' } }], ports: [{ port: 8443 }] }],
    });
    const findings = computeDrift(SHOP_BASELINE, cluster(withPolicy('shop/web-ingress', edited)));
    expect(summary(findings)).toEqual([
      'high policy-modified NetworkPolicy shop/web-ingress',
      'high path-widened External → shop',
      'medium path-narrowed External → shop',
    ]);
    expect(findings[0]!.evidence).toEqual({
      namespace: 'shop',
      name: 'web-ingress',
      fromTemplate: false,
      changed: ['ingress'],
      ingress: {
        missing: ['from addresses 0.0.0.0/0 on TCP 8080'],
        unexpected: ['from addresses 0.0.0.0/0 on TCP 8443'],
      },
    });
    const row = { src: ALL_V4, dst: WEB, cluster: 'TCP 8443', baseline: 'TCP 8080' };
    expect(findings[1]!.evidence).toEqual({ rows: [row] });
    expect(findings[2]!.evidence).toEqual({ rows: [row] });
  });

  it('reports a policyTypes change that allows nothing new as policy-modified only', () => {
    // Without policyTypes, web-to-db also isolates web for ingress (Ingress is always implied);
    // web is already isolated for ingress by default-deny, and web-ingress still admits 8080.
    const edited = policy('web-to-db', 'shop', {
      ...(WEB_TO_DB['spec'] as Raw),
      policyTypes: undefined,
    });
    const findings = computeDrift(SHOP_BASELINE, cluster(withPolicy('shop/web-to-db', edited)));
    expect(summary(findings)).toEqual(['high policy-modified NetworkPolicy shop/web-to-db']);
    expect(findings[0]!.evidence['policyTypes']).toEqual({
      expected: ['Egress'],
      actual: ['Ingress', 'Egress'],
    });
  });

  it('reports an extra policy the baseline does not know as policy-unknown only when it changes nothing', () => {
    const extra = policy('extra-deny', 'shop', { podSelector: {}, policyTypes: ['Ingress'] });
    const findings = computeDrift(SHOP_BASELINE, cluster([...expandedPolicies(), extra]));
    expect(summary(findings)).toEqual(['medium policy-unknown NetworkPolicy shop/extra-deny']);
  });

  it('makes a widening into a sensitive namespace critical, and fails the deny guardrail', () => {
    // db-from-web also admits 203.0.113.0/24: External -> db on TCP 5432, into payments (sensitive).
    const edited = policy('db-from-web', 'payments', {
      podSelector: { matchLabels: { app: 'db' } },
      ingress: [
        {
          from: [
            {
              namespaceSelector: { matchLabels: { team: 'shop' } },
              podSelector: { matchLabels: { app: 'web' } },
            },
            { ipBlock: { cidr: '203.0.113.0/24' } },
          ],
          ports: [{ port: 5432 }],
        },
      ],
    });
    const findings = computeDrift(
      SHOP_BASELINE,
      cluster(withPolicy('payments/db-from-web', edited)),
    );
    const range = '203.0.113.0-203.0.113.255[External]';
    expect(summary(findings)).toEqual([
      'critical path-widened External → payments',
      'critical guardrail-violated guardrail no-external-to-payments',
      'high policy-modified NetworkPolicy payments/db-from-web',
    ]);
    expect(findings[0]!.evidence).toEqual({
      rows: [{ src: range, dst: DB, cluster: 'TCP 5432', baseline: 'No Connections' }],
    });
    expect(findings[1]!.evidence).toEqual({
      guardrail: 'no-external-to-payments',
      type: 'deny',
      ports: 'All Connections',
      allowed: [{ src: range, dst: DB, conn: 'TCP 5432' }],
    });
  });

  it('catches a pod relabelled into a wider selector against the reference, with no path drift', () => {
    // worker becomes app=web: web-to-db, db-from-web and web-ingress now select it. The
    // policies still equal the baseline, so only the comparison with the reference sees it.
    const reference = referenceOf([...WORKLOADS, ...expandedPolicies()]);
    const relabelled = WORKLOADS.map((o) =>
      o === WORKLOADS[6] ? deployment('shop', 'worker', { app: 'web' }) : o,
    );
    const findings = computeDrift(SHOP_BASELINE, cluster(expandedPolicies(), relabelled), {
      reference,
    });
    expect(summary(findings)).toEqual([
      'critical connectivity-widened shop → payments',
      'high connectivity-widened External → shop',
    ]);
    expect(findings[0]!.evidence).toEqual({
      rows: [
        {
          src: WORKER,
          dst: DB,
          added: 'TCP 5432',
          reference: 'No Connections',
          current: 'TCP 5432',
        },
      ],
    });
    expect(findings[1]!.evidence).toEqual({
      rows: [
        {
          src: ALL_V4,
          dst: WORKER,
          added: 'TCP 8080',
          reference: 'No Connections',
          current: 'TCP 8080',
        },
      ],
    });
    // Without a reference the relabel is invisible: policies and their meaning are unchanged.
    expect(computeDrift(SHOP_BASELINE, cluster(expandedPolicies(), relabelled))).toEqual([]);
  });

  it('catches a new namespace whose labels match a namespaceSelector', () => {
    // shop-canary (team=shop) has a web pod and no policies yet. db-from-web admits team=shop's
    // app=web, so canary -> db opens on TCP 5432; the canary is open both ways otherwise.
    const objects = [
      ...WORKLOADS,
      namespace('shop-canary', { team: 'shop' }),
      deployment('shop-canary', 'web', { app: 'web' }),
    ];
    const reference = referenceOf([...WORKLOADS, ...expandedPolicies()]);
    const findings = computeDrift(SHOP_BASELINE, cluster(expandedPolicies(), objects), {
      reference,
    });
    const pairs = [
      'External → shop-canary',
      'kube-system → shop-canary',
      'shop-canary → External',
      'shop-canary → kube-system',
    ];
    expect(summary(findings)).toEqual([
      'critical path-widened shop-canary → payments',
      'critical connectivity-widened shop-canary → payments',
      'high policy-missing NetworkPolicy shop-canary/allow-dns',
      'high policy-missing NetworkPolicy shop-canary/default-deny',
      ...pairs.map((p) => `high path-widened ${p}`),
      ...pairs.map((p) => `high connectivity-widened ${p}`),
      `high guardrail-violated guardrail require-default-deny: ${CANARY}`,
    ]);
    expect(findings[1]!.evidence).toEqual({
      rows: [
        {
          src: CANARY,
          dst: DB,
          added: 'TCP 5432',
          reference: 'No Connections',
          current: 'TCP 5432',
        },
      ],
    });
    // The baseline would let the canary resolve names: only the rest of All Connections is new.
    expect(
      only(
        findings.filter((f) => f.kind === 'path-widened'),
        'shop-canary → kube-system',
      ).evidence,
    ).toEqual({
      rows: [{ src: CANARY, dst: COREDNS, cluster: 'All Connections', baseline: 'TCP 53,UDP 53' }],
    });
    expect(only(findings, `guardrail require-default-deny: ${CANARY}`).evidence).toEqual({
      guardrail: 'require-default-deny',
      type: 'require-default-deny',
      workload: CANARY,
      notIsolated: { ingress: ['web'], egress: ['web'] },
    });
  });

  it('expands templates per in-scope namespace, and a namespaced policy overrides a template of its name', () => {
    const noDenies = expandedPolicies().filter(
      (p) => (p['metadata'] as Raw)['name'] !== 'default-deny',
    );
    const missing = computeDrift(SHOP_BASELINE, cluster(noDenies)).filter(
      (f) => f.kind === 'policy-missing',
    );
    expect(summary(missing)).toEqual(
      ['dev', 'payments', 'shop'].map(
        (ns) => `high policy-missing NetworkPolicy ${ns}/default-deny`,
      ),
    );
    expect(missing.every((f) => f.evidence['fromTemplate'] === true)).toBe(true);
    // shop gets its own allow-dns (UDP only): the cluster's copy of the template differs from it.
    const override = {
      ...SHOP_BASELINE,
      policies: [
        ...SHOP_BASELINE.policies,
        placed(
          policy('allow-dns', undefined, {
            ...(ALLOW_DNS['spec'] as Raw),
            egress: [{ ports: [{ protocol: 'UDP', port: 53 }] }],
          }),
          'shop',
        ),
      ],
    };
    const findings = computeDrift(override, cluster()).filter((f) => f.kind.startsWith('policy-'));
    expect(summary(findings)).toEqual(['high policy-modified NetworkPolicy shop/allow-dns']);
  });

  it('leaves kube-system out of the default scope: its policies and pods are not governed', () => {
    const systemPolicy = policy('coredns-ingress', 'kube-system', {
      podSelector: {},
      ingress: [{}],
    });
    const withSystem = {
      ...SHOP_BASELINE,
      policies: [
        ...SHOP_BASELINE.policies,
        policy('expected-here', 'kube-system', { podSelector: {} }),
        policy('for-later', 'billing', { podSelector: {} }),
      ],
    };
    // coredns is not isolated, yet require-default-deny does not flag it; neither policy is drift.
    // A policy for a namespace the cluster does not have (billing) is not expected there either.
    expect(computeDrift(withSystem, cluster([...expandedPolicies(), systemPolicy]))).toEqual([]);
    // Once billing exists (and is in scope), its policy and the templates are expected.
    const billing = computeDrift(
      withSystem,
      cluster(expandedPolicies(), [...WORKLOADS, namespace('billing')]),
    );
    expect(billing.filter((f) => f.kind === 'policy-missing').map((f) => f.subject)).toEqual([
      'NetworkPolicy billing/allow-dns',
      'NetworkPolicy billing/default-deny',
      'NetworkPolicy billing/for-later',
    ]);
  });

  it('passes require-default-deny when other policies isolate the pods', () => {
    // db stays isolated: db-from-web for ingress, allow-dns for egress. Connectivity is unchanged.
    const findings = computeDrift(
      SHOP_BASELINE,
      cluster(withPolicy('payments/default-deny', undefined)),
    );
    expect(summary(findings)).toEqual(['high policy-missing NetworkPolicy payments/default-deny']);
  });

  it('fails require-default-deny for a workload left open', () => {
    const policies = withPolicy(
      'dev/allow-dns',
      undefined,
      withPolicy('dev/default-deny', undefined),
    );
    const findings = computeDrift(SHOP_BASELINE, cluster(policies));
    expect(summary(findings)).toEqual([
      'high policy-missing NetworkPolicy dev/allow-dns',
      'high policy-missing NetworkPolicy dev/default-deny',
      'high path-widened External → dev',
      'high path-widened dev → External',
      'high path-widened dev → kube-system',
      'high path-widened kube-system → dev',
      'high guardrail-violated guardrail require-default-deny: dev/web[Deployment]',
    ]);
  });

  it('fails require-dns-egress when DNS over TCP is not allowed', () => {
    const udpOnly = placed(
      policy('allow-dns', undefined, {
        podSelector: {},
        policyTypes: ['Egress'],
        egress: [
          {
            to: (ALLOW_DNS['spec'] as { egress: Raw[] }).egress[0]!['to'],
            ports: [{ protocol: 'UDP', port: 53 }],
          },
        ],
      }),
      'shop',
    );
    const findings = computeDrift(SHOP_BASELINE, cluster(withPolicy('shop/allow-dns', udpOnly)));
    expect(summary(findings)).toEqual([
      'high policy-modified NetworkPolicy shop/allow-dns',
      'medium path-narrowed shop → kube-system',
      `medium guardrail-violated guardrail require-dns-egress: ${WEB}`,
      `medium guardrail-violated guardrail require-dns-egress: ${WORKER}`,
    ]);
    expect(findings[2]!.evidence).toEqual({
      guardrail: 'require-dns-egress',
      type: 'require-dns-egress',
      workload: WEB,
      unreachableDns: [{ dst: COREDNS, missing: 'TCP 53', allowed: 'UDP 53' }],
      otherPort53: [],
    });
  });

  it('fails require-dns-egress when a workload can query another resolver on port 53', () => {
    const resolver = policy('resolver-out', 'shop', {
      podSelector: { matchLabels: { app: 'web' } },
      policyTypes: ['Egress'],
      egress: [
        { to: [{ ipBlock: { cidr: '8.8.8.8/32' } }], ports: [{ protocol: 'UDP', port: 53 }] },
      ],
    });
    const findings = computeDrift(SHOP_BASELINE, cluster([...expandedPolicies(), resolver]));
    expect(summary(findings)).toEqual([
      'high path-widened shop → External',
      'medium policy-unknown NetworkPolicy shop/resolver-out',
      `medium guardrail-violated guardrail require-dns-egress: ${WEB}`,
    ]);
    expect(findings[2]!.evidence['otherPort53']).toEqual([
      { dst: '8.8.8.8-8.8.8.8[External]', conn: 'UDP 53' },
    ]);
    expect(findings[2]!.evidence['unreachableDns']).toEqual([]);
  });

  it('reports once that DNS egress cannot be verified when no DNS pod is in the inventory', () => {
    const findings = computeDrift(
      SHOP_BASELINE,
      cluster(
        expandedPolicies(),
        WORKLOADS.filter((o) => o !== WORKLOADS[4]),
      ),
    );
    expect(summary(findings)).toEqual(['medium guardrail-violated guardrail require-dns-egress']);
  });

  it('keeps the fingerprint of a widened pair when only its ports change', () => {
    const open = (port: number): DriftFinding =>
      only(
        computeDrift(
          SHOP_BASELINE,
          cluster(
            withPolicy(
              'shop/web-ingress',
              policy('web-ingress', 'shop', {
                podSelector: { matchLabels: { app: 'web' } },
                ingress: [{ ports: [{ port }] }],
              }),
            ),
          ),
        ).filter((f) => f.kind === 'path-widened'),
        'External → shop',
      );
    const a = open(8443);
    const b = open(9443);
    expect(a.evidence).not.toEqual(b.evidence);
    expect(a.fingerprint).toBe(b.fingerprint);
    expect(a.fingerprint).toBe(driftFingerprint('path-widened', 'External → shop'));
    expect(a.fingerprint).not.toBe(driftFingerprint('path-narrowed', 'External → shop'));
  });
});
