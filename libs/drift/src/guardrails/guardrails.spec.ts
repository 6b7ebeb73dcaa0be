import { DEFAULT_OPTIONS, type EvaluationOptions } from '@fenceline/netpol';
import { deployment, inventoryOf, namespace, policy, type Raw } from '../../test/shop-fixture';
import { DEFAULT_SCOPE, type Guardrail, type PeerSpec } from '../baseline/baseline-content';
import { computeDrift } from '../drift/compute-drift';

/** Guardrail findings only, for a baseline of guardrails alone over `objects`. */
function violations(
  guardrails: Guardrail[],
  objects: Raw[],
  options: EvaluationOptions = DEFAULT_OPTIONS,
) {
  const content = { scope: { namespaceSelector: {} }, policies: [], guardrails };
  return computeDrift(content, inventoryOf(objects), { evaluation: options }).filter(
    (f) => f.kind === 'guardrail-violated',
  );
}

function pod(name: string, labels: Record<string, string>, extra: Raw = {}): Raw {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'shop', labels, ...(extra['metadata'] as Raw) },
    spec: extra['spec'] ?? {},
    status: extra['status'] ?? {},
  };
}

const webToWeb: Guardrail = {
  type: 'deny',
  name: 'no-web-to-web',
  from: { podSelector: { matchLabels: { app: 'web' } } },
  to: { podSelector: { matchLabels: { app: 'web' } } },
};

describe('deny guardrail', () => {
  it('counts the replicas of a workload template as pairs, but not a lone pod with itself', () => {
    // No policy: everything is allowed. A Deployment stands for replicas that may talk.
    const replicas = violations(
      [webToWeb],
      [namespace('shop'), deployment('shop', 'web', { app: 'web' })],
    );
    expect(replicas.map((f) => f.evidence['allowed'])).toEqual([
      [{ src: 'shop/web[Deployment]', dst: 'shop/web[Deployment]', conn: 'All Connections' }],
    ]);
    expect(violations([webToWeb], [namespace('shop'), pod('a', { app: 'web' })])).toEqual([]);
    const two = violations(
      [webToWeb],
      [namespace('shop'), pod('a', { app: 'web' }), pod('b', { app: 'web' })],
    );
    expect(two[0]?.evidence['allowed']).toEqual([
      { src: 'shop/a[Pod]', dst: 'shop/b[Pod]', conn: 'All Connections' },
      { src: 'shop/b[Pod]', dst: 'shop/a[Pod]', conn: 'All Connections' },
    ]);
  });

  it('reports only what reaches the selected pods of a partly selected workload', () => {
    // A ReplicaSet whose pods differ: primary admits the client on 5432; replica on 5432 and
    // 9999. The workload row is the union (5432, 9999); the primary alone gets only 5432.
    const owned = (name: string, tier: string): Raw =>
      pod(
        name,
        { app: 'db', tier },
        { metadata: { ownerReferences: [{ kind: 'ReplicaSet', name: 'db', controller: true }] } },
      );
    const objects = [
      namespace('shop'),
      owned('db-1', 'primary'),
      owned('db-2', 'replica'),
      pod('client', { app: 'client' }),
      policy('db', 'shop', {
        podSelector: { matchLabels: { app: 'db' } },
        ingress: [
          { from: [{ podSelector: { matchLabels: { app: 'client' } } }], ports: [{ port: 5432 }] },
        ],
      }),
      policy('replica', 'shop', {
        podSelector: { matchLabels: { tier: 'replica' } },
        ingress: [
          { from: [{ podSelector: { matchLabels: { app: 'client' } } }], ports: [{ port: 9999 }] },
        ],
      }),
    ];
    const found = violations(
      [
        {
          type: 'deny',
          name: 'no-client-to-primary',
          from: { podSelector: { matchLabels: { app: 'client' } } },
          to: { podSelector: { matchLabels: { tier: 'primary' } } },
        },
      ],
      objects,
    );
    expect(found.map((f) => [f.severity, f.evidence['allowed']])).toEqual([
      ['critical', [{ src: 'shop/client[Pod]', dst: 'shop/db[ReplicaSet]', conn: 'TCP 5432' }]],
    ]);
    const ports = violations(
      [
        {
          type: 'deny',
          name: 'no-9999',
          from: { podSelector: { matchLabels: { app: 'client' } } },
          to: { podSelector: { matchLabels: { tier: 'primary' } } },
          ports: [{ port: 9999 }],
        },
      ],
      objects,
    );
    expect(ports).toEqual([]);
  });

  it('matches pods by IP with a CIDR only when ipBlocks match pods', () => {
    const objects = [
      namespace('shop'),
      pod('a', { app: 'a' }, { status: { podIP: '10.1.1.1' } }),
      pod('db', { app: 'db' }, { status: { podIP: '192.168.0.9' } }),
    ];
    const g: Guardrail = {
      type: 'deny',
      name: 'no-10-to-db',
      from: { cidr: '10.0.0.0/8' },
      to: { podSelector: { matchLabels: { app: 'db' } } },
    };
    const external = {
      src: '10.0.0.0-10.255.255.255[External]',
      dst: 'shop/db[Pod]',
      conn: 'All Connections',
    };
    expect(violations([g], objects)[0]?.evidence['allowed']).toEqual([external]);
    expect(
      violations([g], objects, { ...DEFAULT_OPTIONS, ipBlockMatchesPods: true })[0]?.evidence[
        'allowed'
      ],
    ).toEqual([external, { src: 'shop/a[Pod]', dst: 'shop/db[Pod]', conn: 'All Connections' }]);
  });
});

describe('allow guardrail', () => {
  const web = deployment('shop', 'web', { app: 'web' });
  const egress = policy('web-out', 'shop', {
    podSelector: {},
    policyTypes: ['Egress'],
    egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0/9' } }], ports: [{ port: 443 }] }],
  });

  it('requires every address of a CIDR end, and names the ones missing', () => {
    const g: Guardrail = {
      type: 'allow',
      name: 'web-to-10',
      from: { podSelector: { matchLabels: { app: 'web' } } },
      to: { cidr: '10.0.0.0/8' },
      ports: [{ port: 443 }],
    };
    const found = violations([g], [namespace('shop'), web, egress]);
    expect(found.map((f) => [f.severity, f.subject, f.evidence['missing']])).toEqual([
      [
        'high',
        'guardrail web-to-10',
        [
          {
            src: 'shop/web[Deployment]',
            dst: '10.128.0.0-10.255.255.255[External]',
            missing: 'TCP 443',
            allowed: 'No Connections',
          },
        ],
      ],
    ]);
    expect(
      violations([{ ...g, to: { cidr: '10.0.0.0/9' } }], [namespace('shop'), web, egress]),
    ).toEqual([]);
  });

  it('fails when an end selects no pod', () => {
    const g: Guardrail = {
      type: 'allow',
      name: 'ghost',
      from: { podSelector: { matchLabels: { app: 'ghost' } } },
      to: {},
    };
    expect(violations([g], [namespace('shop'), web]).map((f) => f.evidence['reason'])).toEqual([
      'from selects no pod',
    ]);
  });

  it('does not require a pod to reach itself', () => {
    const g: Guardrail = {
      type: 'allow',
      name: 'self',
      from: { podSelector: { matchLabels: { app: 'web' } } },
      to: { podSelector: { matchLabels: { app: 'web' } } },
    };
    const isolated = policy('deny', 'shop', {
      podSelector: {},
      policyTypes: ['Ingress', 'Egress'],
    });
    expect(violations([g], [namespace('shop'), web, isolated])).toEqual([]);
  });
});

describe('require-default-deny and require-dns-egress', () => {
  it('checks only the direction asked for', () => {
    const ingressOnly = policy('deny-in', 'shop', { podSelector: {} });
    const objects = [namespace('shop'), deployment('shop', 'web', { app: 'web' }), ingressOnly];
    expect(violations([{ type: 'require-default-deny', direction: 'ingress' }], objects)).toEqual(
      [],
    );
    expect(
      violations([{ type: 'require-default-deny', direction: 'both' }], objects).map(
        (f) => f.evidence['notIsolated'],
      ),
    ).toEqual([{ egress: ['web'] }]);
  });

  it('follows the hostNetwork option: unrestricted pods are never isolated', () => {
    const host = pod('agent', { app: 'agent' }, { spec: { hostNetwork: true } });
    const objects = [
      namespace('shop'),
      host,
      policy('deny', 'shop', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] }),
    ];
    const g: Guardrail = { type: 'require-default-deny', direction: 'both' };
    expect(violations([g], objects)).toEqual([]);
    expect(
      violations([g], objects, { ...DEFAULT_OPTIONS, hostNetwork: 'unrestricted' }).map(
        (f) => f.subject,
      ),
    ).toEqual(['guardrail require-default-deny: shop/agent[Pod]']);
  });

  it('exempts the DNS pods themselves: they forward to upstream resolvers on port 53', () => {
    const objects = [
      namespace('kube-system'),
      deployment('kube-system', 'coredns', { 'k8s-app': 'kube-dns' }),
      policy('upstream', 'kube-system', {
        podSelector: {},
        policyTypes: ['Egress'],
        egress: [
          { to: [{ ipBlock: { cidr: '0.0.0.0/0' } }], ports: [{ protocol: 'UDP', port: 53 }] },
        ],
      }),
    ];
    const everywhere = {
      scope: { namespaceSelector: {} },
      policies: [],
      guardrails: [{ type: 'require-dns-egress' as const }],
    };
    expect(
      computeDrift(everywhere, inventoryOf(objects)).filter((f) => f.kind === 'guardrail-violated'),
    ).toEqual([]);
  });

  it('uses the DNS pods the guardrail names, in any namespace', () => {
    const objects = [
      namespace('shop'),
      namespace('dns'),
      deployment('shop', 'web', { app: 'web' }),
      deployment('dns', 'resolver', { 'k8s-app': 'coredns' }),
      policy('egress', 'shop', {
        podSelector: {},
        policyTypes: ['Egress'],
        egress: [
          {
            to: [{ namespaceSelector: {}, podSelector: { matchLabels: { 'k8s-app': 'coredns' } } }],
            ports: [{ port: 53, protocol: 'UDP' }, { port: 53 }],
          },
        ],
      }),
    ];
    const g: Guardrail = {
      type: 'require-dns-egress',
      name: 'dns',
      dns: { podSelector: { matchLabels: { 'k8s-app': 'coredns' } } },
    };
    expect(violations([g], objects)).toEqual([]);
    // With the default DNS pods (kube-dns in kube-system) there are none in this inventory, and
    // the resolver web reaches on port 53 is then "something else".
    const defaults = violations([{ type: 'require-dns-egress' }], objects);
    expect(defaults.map((f) => f.subject)).toEqual([
      'guardrail require-dns-egress',
      'guardrail require-dns-egress: shop/web[Deployment]',
    ]);
    expect(defaults[1]?.evidence['otherPort53']).toEqual([
      { dst: 'dns/resolver[Deployment]', conn: 'TCP 53,UDP 53' },
    ]);
  });
});

describe('guardrail peers', () => {
  it('cover in-scope namespaces without a namespaceSelector, and any namespace named by one', () => {
    const objects = [
      namespace('shop'),
      namespace('kube-system'),
      deployment('shop', 'web', { app: 'web' }),
      deployment('kube-system', 'api', { app: 'api' }),
    ];
    const run = (to: PeerSpec) =>
      computeDrift(
        {
          scope: DEFAULT_SCOPE,
          policies: [],
          guardrails: [
            {
              type: 'deny',
              name: 'no-web-out',
              from: { podSelector: { matchLabels: { app: 'web' } } },
              to,
            },
          ],
        },
        inventoryOf(objects),
      ).flatMap(
        (f) => (f.evidence['allowed'] as { dst: string }[] | undefined)?.map((r) => r.dst) ?? [],
      );
    // Default scope: kube-system is out of it, so {} (here: web's own replicas) and podSelector
    // alone do not reach it ...
    expect(run({})).toEqual(['shop/web[Deployment]']);
    expect(run({ podSelector: { matchLabels: { app: 'api' } } })).toEqual([]);
    // ... but a namespaceSelector naming it does.
    expect(
      run({ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } } }),
    ).toEqual(['kube-system/api[Deployment]']);
  });
});
