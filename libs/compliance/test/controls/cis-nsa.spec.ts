import { control, deploy, inventoryOf, netpol, ns } from '../cluster';

describe('CIS 5.3.2 every namespace has a NetworkPolicy', () => {
  it('passes when every non-system namespace has one (kube-system exempt)', () => {
    const inventory = inventoryOf(
      ns('kube-system'),
      ns('shop'),
      netpol('shop', 'deny', '{ podSelector: {} }'),
    );
    expect(control('cis-k8s', '5.3.2', { inventory })).toMatchObject({
      status: 'pass',
      score: 1,
      evidence: [{ namespaces: ['shop'] }],
    });
  });

  it('fails with the namespaces that have none', () => {
    // legacy is only referenced by a pod, never defined: it still counts. 1 of 2 passes.
    const inventory = inventoryOf(
      ns('shop'),
      netpol('shop', 'deny', '{ podSelector: {} }'),
      deploy('legacy', 'app', 'app: old'),
    );
    expect(control('cis-k8s', '5.3.2', { inventory })).toMatchObject({
      status: 'fail',
      score: 0.5,
      evidence: [
        {
          status: 'fail',
          namespace: 'legacy',
          reason: 'no NetworkPolicy in the namespace',
          pods: 1,
        },
        { namespaces: ['legacy', 'shop'] },
      ],
    });
  });

  it('is not applicable with only system namespaces', () => {
    expect(
      control('cis-k8s', '5.3.2', { inventory: inventoryOf(ns('kube-system'), ns('kube-public')) })
        .status,
    ).toBe('not-applicable');
  });
});

describe('NSA/CISA default deny per namespace and over-broad rules', () => {
  it('NSA-1 and NSA-2 pass with a podSelector {} policy isolating both directions', () => {
    const inventory = inventoryOf(
      ns('shop'),
      netpol('shop', 'deny-all', '{ podSelector: {}, policyTypes: [Ingress, Egress] }'),
    );
    expect(control('nsa-cisa', 'NSA-1', { inventory })).toMatchObject({
      status: 'pass',
      evidence: [{ namespace: 'shop', direction: 'ingress', defaultDeny: ['shop/deny-all'] }],
    });
    expect(control('nsa-cisa', 'NSA-2', { inventory })).toMatchObject({ status: 'pass' });
  });

  it('NSA-1 fails on an allow-all rule, NSA-2 when nothing isolates egress', () => {
    // shop/open selects every pod for Ingress but rule 0 (no from, no ports) admits everything.
    const inventory = inventoryOf(
      ns('shop'),
      netpol('shop', 'open', '{ podSelector: {}, policyTypes: [Ingress], ingress: [{}] }'),
    );
    expect(control('nsa-cisa', 'NSA-1', { inventory })).toMatchObject({
      status: 'fail',
      evidence: [
        {
          status: 'fail',
          namespace: 'shop',
          direction: 'ingress',
          reason: 'podSelector {} policy allow every peer on every port',
          allowAll: [{ policy: 'shop/open', rules: [0] }],
        },
      ],
    });
    expect(control('nsa-cisa', 'NSA-2', { inventory })).toMatchObject({
      status: 'fail',
      evidence: [
        {
          status: 'fail',
          namespace: 'shop',
          direction: 'egress',
          reason: 'no policy with podSelector {} isolates egress',
        },
      ],
    });
  });

  it('NSA-3 is the over-broad rule check', () => {
    const inventory = inventoryOf(
      ns('shop'),
      netpol('shop', 'open', '{ podSelector: {}, ingress: [{}] }'),
    );
    expect(control('nsa-cisa', 'NSA-3', { inventory })).toMatchObject({
      status: 'fail',
      evidence: [
        { status: 'fail', policy: 'shop/open', direction: 'ingress', rule: 0 },
        { rules: 1 },
      ],
    });
  });
});
