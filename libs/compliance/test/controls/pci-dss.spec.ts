import type { ComplianceContext } from '../../src/index';
import { control, deploy, inventoryOf, netpol, ns, WEB } from '../cluster';

const API = 'payments/api[Deployment]';
const CDE = { namespaceSelector: { matchLabels: { pci: 'true' } } };
const paymentsPolicy = (extraFrom = '') =>
  netpol(
    'payments',
    'api',
    `{ podSelector: {}, policyTypes: [Ingress, Egress], ingress: [{ from: [{ namespaceSelector: { matchLabels: { team: shop } }, podSelector: { matchLabels: { app: web } } }${extraFrom}], ports: [{ port: 8443 }] }], egress: [{ to: [{ ipBlock: { cidr: 198.51.100.0/24 } }], ports: [{ port: 443 }] }] }`,
  );
/**
 * shop/web (not isolated) and payments/api (the CDE). api admits web on TCP 8443 and may open
 * TCP 443 to 198.51.100.0/24. Flows across the CDE boundary, by hand:
 *   inbound  shop/web → payments/api : TCP 8443
 *   outbound payments/api → 198.51.100.0-198.51.100.255[External] : TCP 443
 */
const inventory = inventoryOf(
  ns('shop', 'team: shop'),
  ns('payments', 'pci: "true"'),
  deploy('shop', 'web', 'app: web'),
  deploy('payments', 'api', 'app: api'),
  paymentsPolicy(),
);
const DECLARED: ComplianceContext['cdeAllowed'] = {
  inbound: [{ podSelector: { matchLabels: { app: 'web' } }, ports: [{ port: 8443 }] }],
  outbound: [{ cidr: '198.51.100.0/24', ports: [{ port: 443 }] }],
};
const INBOUND = {
  namespace: 'payments',
  workload: API,
  direction: 'inbound',
  src: WEB,
  dst: API,
  conn: 'TCP 8443',
};
const OUTBOUND = {
  namespace: 'payments',
  workload: API,
  direction: 'outbound',
  src: API,
  dst: '198.51.100.0-198.51.100.255[External]',
  conn: 'TCP 443',
};

describe('PCI DSS CDE flow controls', () => {
  const declared = { inventory, cde: CDE, cdeAllowed: DECLARED };

  it('1.2.5 passes and lists every flow when each is declared', () => {
    const result = control('pci-dss', '1.2.5', declared);
    expect(result).toMatchObject({ status: 'pass', score: 1 });
    expect(result.evidence).toEqual([
      { cdeWorkloads: [API] },
      // Rows are in connlist order (src, then dst): payments/api before shop/web.
      {
        ...OUTBOUND,
        declared: 'TCP 443',
        undeclared: 'No Connections',
        declaredBy: ['cdeAllowed.outbound[0]'],
      },
      {
        ...INBOUND,
        declared: 'TCP 8443',
        undeclared: 'No Connections',
        declaredBy: ['cdeAllowed.inbound[0]'],
      },
    ]);
  });

  it('1.2.5, 1.3.1, 1.3.2 and 11.4.5 fail when nothing is declared', () => {
    const context = { inventory, cde: CDE };
    expect(control('pci-dss', '1.2.5', context)).toMatchObject({ status: 'fail', score: 0 });
    expect(control('pci-dss', '1.3.1', context).evidence[0]).toEqual({
      status: 'fail',
      ...INBOUND,
      declared: 'No Connections',
      undeclared: 'TCP 8443',
    });
    expect(control('pci-dss', '1.3.2', context).evidence[0]).toEqual({
      status: 'fail',
      ...OUTBOUND,
      declared: 'No Connections',
      undeclared: 'TCP 443',
    });
    expect(control('pci-dss', '11.4.5', context)).toMatchObject({
      status: 'fail',
      evidence: [{ status: 'fail', src: WEB, dst: API }, { cdeWorkloads: [API] }],
    });
  });

  it('1.3.1 reports only the undeclared part of a flow', () => {
    // Declared: TCP 80 only → of TCP 8443 nothing is declared.
    const result = control('pci-dss', '1.3.1', {
      inventory,
      cde: CDE,
      cdeAllowed: {
        inbound: [{ podSelector: { matchLabels: { app: 'web' } }, ports: [{ port: 80 }] }],
      },
    });
    expect(result.evidence[0]).toMatchObject({
      undeclared: 'TCP 8443',
      declared: 'No Connections',
      declaredBy: ['cdeAllowed.inbound[0]'],
    });
  });

  it('1.3.1, 1.3.2 and 11.4.5 pass when the flows are declared', () => {
    for (const id of ['1.3.1', '1.3.2', '11.4.5'])
      expect(control('pci-dss', id, declared)).toMatchObject({ status: 'pass', score: 1 });
    expect(control('pci-dss', '11.4.5', declared).evidence[1]).toMatchObject({
      src: WEB,
      dst: API,
      undeclared: 'No Connections',
    });
  });

  it('1.4.1 passes when CDE workloads are isolated both ways, fails otherwise', () => {
    expect(control('pci-dss', '1.4.1', declared)).toMatchObject({ status: 'pass', score: 1 });
    const open = inventoryOf(
      ns('payments', 'pci: "true"'),
      deploy('payments', 'api', 'app: api'),
      netpol('payments', 'in', '{ podSelector: {}, ingress: [] }'),
    );
    expect(control('pci-dss', '1.4.1', { inventory: open, cde: CDE })).toMatchObject({
      status: 'fail',
      score: 0,
      evidence: [
        { status: 'fail', namespace: 'payments', workload: API, notIsolated: ['egress'] },
        { cdeWorkloads: [API] },
      ],
    });
  });

  it('1.4.2 passes without external ingress into the CDE, and splits external ranges at declared CIDRs', () => {
    expect(control('pci-dss', '1.4.2', declared)).toMatchObject({
      status: 'pass',
      evidence: [{ reason: 'the CDE is not reachable from outside the cluster' }],
    });
    // api now also admits 0.0.0.0/0 on 8443. Model atoms: cut at 198.51.100.0/24 (3 ranges); the
    // declared 203.0.113.0/24 cuts the last one in three → 5 pieces, only 203.0.113.0/24
    // declared: 1 of 5 flows passes.
    const exposed = inventoryOf(
      ns('shop', 'team: shop'),
      ns('payments', 'pci: "true"'),
      deploy('shop', 'web', 'app: web'),
      deploy('payments', 'api', 'app: api'),
      paymentsPolicy(', { ipBlock: { cidr: 0.0.0.0/0 } }'),
    );
    const result = control('pci-dss', '1.4.2', {
      inventory: exposed,
      cde: CDE,
      cdeAllowed: { inbound: [{ cidr: '203.0.113.0/24', ports: [{ port: 8443 }] }] },
    });
    expect(result.status).toBe('fail');
    expect(result.score).toBe(0.2);
    expect(
      result.evidence.map(
        (e) => `${String(e['status'])} ${String(e['src'])} ${String(e['undeclared'])}`,
      ),
    ).toEqual([
      'fail 0.0.0.0-198.51.99.255[External] TCP 8443',
      'fail 198.51.100.0-198.51.100.255[External] TCP 8443',
      'fail 198.51.101.0-203.0.112.255[External] TCP 8443',
      'fail 203.0.114.0-255.255.255.255[External] TCP 8443',
      'undefined undefined undefined',
      'undefined 203.0.113.0-203.0.113.255[External] No Connections',
    ]);
  });

  it('every CDE control is not applicable without a CDE, and fails when the CDE selects no pod', () => {
    for (const id of ['1.2.5', '1.3.1', '1.3.2', '1.4.1', '1.4.2', '11.4.5']) {
      expect(control('pci-dss', id, { inventory })).toMatchObject({
        status: 'not-applicable',
        evidence: [{ reason: 'no CDE declared' }],
      });
      expect(
        control('pci-dss', id, {
          inventory,
          cde: { namespaceSelector: { matchLabels: { pci: 'yes' } } },
        }),
      ).toMatchObject({
        status: 'fail',
        evidence: [
          {
            status: 'fail',
            reason: 'the declared CDE selects no pod: its segmentation cannot be evaluated',
          },
        ],
      });
    }
  });
});

describe('PCI DSS 1.2.2 and 1.2.7 (records)', () => {
  it('1.2.2: not applicable without records; pass with 0 unapproved changes; fail otherwise', () => {
    expect(control('pci-dss', '1.2.2', { inventory })).toMatchObject({
      status: 'not-applicable',
      evidence: [{ reason: 'no change records given' }],
    });
    expect(
      control('pci-dss', '1.2.2', {
        inventory,
        changeControl: { unapprovedChanges: 0, lastApprovedChangeAt: '2025-05-01T00:00:00Z' },
      }),
    ).toMatchObject({ status: 'pass' });
    expect(
      control('pci-dss', '1.2.2', { inventory, changeControl: { unapprovedChanges: 2 } }),
    ).toMatchObject({
      status: 'fail',
      evidence: [
        { status: 'fail', unapprovedChanges: 2, reason: '2 change(s) applied without approval' },
      ],
    });
  });

  it('1.2.7: review within six calendar months of now', () => {
    // Reviewed 2025-01-10 → due 2025-07-10T00:00:00Z.
    const base = { inventory, lastReviewAt: '2025-01-10T00:00:00Z' };
    expect(control('pci-dss', '1.2.7', { inventory })).toMatchObject({
      status: 'not-applicable',
      evidence: [{ reason: 'no review date given' }],
    });
    expect(control('pci-dss', '1.2.7', { ...base, now: '2025-07-01T00:00:00Z' })).toMatchObject({
      status: 'pass',
      evidence: [
        {
          lastReviewAt: '2025-01-10T00:00:00Z',
          now: '2025-07-01T00:00:00.000Z',
          dueBy: '2025-07-10T00:00:00.000Z',
        },
      ],
    });
    expect(control('pci-dss', '1.2.7', { ...base, now: '2025-07-11T00:00:00Z' })).toMatchObject({
      status: 'fail',
      evidence: [{ status: 'fail', reason: 'last review is more than six months old' }],
    });
  });
});

describe('invalid PCI input', () => {
  it('throws a ComplianceInputError with every field path', () => {
    expect(() =>
      control('pci-dss', '1.3.1', {
        inventory,
        cde: { podSelector: { matchLabels: { 'bad key!': 'x' } } },
        cdeAllowed: { inbound: [{ cidr: '10.0.0.0/33' }, { cidr: '10.0.0.0/8', podSelector: {} }] },
      }),
    ).toThrow(
      /cde.podSelector.matchLabels: .*cdeAllowed.inbound\[0\].cidr: "10.0.0.0\/33" is not a CIDR.*cdeAllowed.inbound\[1\]: name exactly one peer/,
    );
  });
});
