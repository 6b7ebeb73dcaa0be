import { run, tempTree } from '../../test/cli-harness';

const deployment = (namespace: string, name: string) => `apiVersion: apps/v1
kind: Deployment
metadata: { name: ${name}, namespace: ${namespace} }
spec: { template: { metadata: { labels: { app: ${name} } } } }
`;

/**
 * shop: web and db, a policy isolating db for ingress only; tools: runner with a podSelector {}
 * Ingress+Egress policy. By hand: shop 1/2 ingress, 0/2 egress; tools 1/1 both; total 2/3, 1/3.
 */
const FILES = {
  'm/all.yaml': [
    deployment('shop', 'web'),
    deployment('shop', 'db'),
    deployment('tools', 'runner'),
    'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: { name: db, namespace: shop }\nspec: { podSelector: { matchLabels: { app: db } } }\n',
    'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: { name: all, namespace: tools }\nspec: { podSelector: {}, policyTypes: [Ingress, Egress] }\n',
  ].join('---\n'),
};

describe('fenceline coverage', () => {
  const tree = tempTree(FILES);
  afterAll(() => tree.remove());

  it('prints per-namespace isolation, totals and unisolated workloads, and exits 0', async () => {
    expect(await run(tree.dir, 'coverage', 'm')).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        'NAMESPACE  PODS  INGRESS ISOLATED  EGRESS ISOLATED',
        'shop       2     1/2 (50%)         0/2 (0%)',
        'tools      1     1/1 (100%)        1/1 (100%)',
        'total      3     2/3 (67%)         1/3 (33%)',
        '',
        'NAMESPACE  INGRESS DEFAULT DENY BY  EGRESS DEFAULT DENY BY',
        'shop       shop/db                  -',
        'tools      tools/all                tools/all',
        '',
        'workloads without ingress isolation (1):',
        '  shop/web[Deployment]',
        '',
        'workloads without egress isolation (2):',
        '  shop/db[Deployment]',
        '  shop/web[Deployment]',
        '',
      ].join('\n'),
    });
  });

  it('prints the report as JSON', async () => {
    const result = await run(tree.dir, 'coverage', 'm', '-o', 'json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      totalPods: 3,
      ingressIsolatedPods: 2,
      egressIsolatedPods: 1,
      namespaces: [
        { namespace: 'shop', totalPods: 2, ingressIsolatedPods: 1, egressIsolatedPods: 0 },
        { namespace: 'tools', totalPods: 1, ingressIsolatedPods: 1, egressIsolatedPods: 1 },
      ],
      workloadsWithoutIngressIsolation: ['shop/web[Deployment]'],
      workloadsWithoutEgressIsolation: ['shop/db[Deployment]', 'shop/web[Deployment]'],
      defaultDeny: [
        { namespace: 'shop', ingress: ['shop/db'], egress: [] },
        { namespace: 'tools', ingress: ['tools/all'], egress: ['tools/all'] },
      ],
      unevaluatedClusterRules: [],
    });
  });

  it('prints Markdown, and exits 2 on a missing path', async () => {
    const md = await run(tree.dir, 'coverage', 'm', '-o', 'md');
    expect(md.stdout).toContain('| shop | 2 | 1/2 (50%) | 0/2 (0%) |');
    expect(md.stdout).toContain('- shop/web[Deployment]');
    expect(md.stdout).toContain('| tools | tools/all | tools/all |');
    const missing = await run(tree.dir, 'coverage', 'nope');
    expect(missing.code).toBe(2);
  });

  it('names the cluster policy that gives default deny, and lists FQDN and nodes rules as not evaluated', async () => {
    // shop/web: no NetworkPolicy; the Baseline deny-all decides both directions (rule 0 each).
    // egress-fqdn (Admin) names an FQDN and nodes: neither matches anything offline, so the
    // Baseline tier still decides, and the two rules are listed apart.
    const tiers = tempTree({
      'm/all.yaml': [
        deployment('shop', 'web'),
        'apiVersion: policy.networking.k8s.io/v1alpha2\nkind: ClusterNetworkPolicy\nmetadata: { name: default-deny }\nspec: { tier: Baseline, priority: 100, subject: { namespaces: {} }, ingress: [{ action: Deny, from: [{ namespaces: {} }] }], egress: [{ action: Deny, to: [{ networks: [0.0.0.0/0] }] }] }\n',
        'apiVersion: policy.networking.k8s.io/v1alpha2\nkind: ClusterNetworkPolicy\nmetadata: { name: egress-fqdn }\nspec: { tier: Admin, priority: 5, subject: { namespaces: {} }, egress: [{ action: Accept, to: [{ domainNames: [api.example.com] }], protocols: [{ tcp: { destinationPort: { number: 443 } } }] }, { action: Deny, to: [{ nodes: { matchLabels: { role: control-plane } } }] }] }\n',
      ].join('---\n'),
    });
    try {
      const result = await run(tiers.dir, 'coverage', 'm');
      expect(result.code).toBe(0);
      expect(result.stdout).toBe(
        [
          'NAMESPACE  PODS  INGRESS ISOLATED  EGRESS ISOLATED',
          'shop       1     1/1 (100%)        1/1 (100%)',
          'total      1     1/1 (100%)        1/1 (100%)',
          '',
          'NAMESPACE  INGRESS DEFAULT DENY BY          EGRESS DEFAULT DENY BY',
          'shop       cnp/default-deny ingress rule 0  cnp/default-deny egress rule 0',
          '',
          'workloads without ingress isolation (0):',
          '',
          'workloads without egress isolation (0):',
          '',
          'cluster-policy rules not evaluated offline (they widen or narrow no verdict above) (2):',
          '  cnp/egress-fqdn egress rule 0 Accept FQDN api.example.com: not resolved offline: widens or narrows no verdict',
          '  cnp/egress-fqdn egress rule 1 Deny nodes role=control-plane: not evaluated: the inventory holds no node addresses',
          '',
        ].join('\n'),
      );
    } finally {
      tiers.remove();
    }
  });
});
