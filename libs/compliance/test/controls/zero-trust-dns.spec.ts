import { control, DB, deploy, inventoryOf, netpol, ns, WEB } from '../cluster';

const COREDNS = 'kube-system/coredns[Deployment]';
const DNS_CLUSTER = [
  ns('kube-system'),
  deploy(
    'kube-system',
    'coredns',
    'k8s-app: kube-dns',
    '[{ name: dns, containerPort: 53, protocol: UDP }, { name: dns-tcp, containerPort: 53, protocol: TCP }]',
  ),
  ns('shop'),
  deploy('shop', 'web', 'app: web'),
  deploy('shop', 'db', 'app: db'),
];

describe('ZT-3 DNS egress correctness', () => {
  it('is not applicable when no pod is egress-isolated', () => {
    const inventory = inventoryOf(...DNS_CLUSTER);
    expect(control('zero-trust', 'ZT-3', { inventory })).toMatchObject({
      status: 'not-applicable',
      evidence: [{ reason: 'no pod (DNS pods excepted) is isolated for egress' }],
    });
  });

  it('passes when isolated workloads reach kube-dns on UDP and TCP 53 and nothing else on 53', () => {
    // Egress of web and db: only to kube-system/k8s-app=kube-dns on UDP 53 + TCP 53; coredns is
    // not isolated for ingress, so both directions allow it. Nothing else is reachable at all.
    const inventory = inventoryOf(
      ...DNS_CLUSTER,
      netpol(
        'shop',
        'dns-only',
        `{ podSelector: {}, policyTypes: [Egress], egress: [{ to: [{ namespaceSelector: { matchLabels: { kubernetes.io/metadata.name: kube-system } }, podSelector: { matchLabels: { k8s-app: kube-dns } } }], ports: [{ protocol: UDP, port: 53 }, { protocol: TCP, port: 53 }] }] }`,
      ),
    );
    expect(control('zero-trust', 'ZT-3', { inventory })).toMatchObject({
      status: 'pass',
      score: 1,
      evidence: [{ dnsPods: [COREDNS], egressIsolatedWorkloads: 2 }],
    });
  });

  it('fails when TCP 53 is missing and UDP 53 reaches every pod', () => {
    // Egress UDP 53 to namespaceSelector {} (every pod of every namespace): coredns is reached on
    // UDP 53 only (TCP 53 missing), and web and db reach each other on UDP 53 (db and web are
    // not isolated for ingress) — both are failing subjects.
    const inventory = inventoryOf(
      ...DNS_CLUSTER,
      netpol(
        'shop',
        'udp53',
        '{ podSelector: {}, policyTypes: [Egress], egress: [{ to: [{ namespaceSelector: {} }], ports: [{ protocol: UDP, port: 53 }] }] }',
      ),
    );
    const result = control('zero-trust', 'ZT-3', { inventory });
    expect(result.status).toBe('fail');
    expect(result.score).toBe(0);
    expect(result.evidence.slice(0, 2)).toEqual([
      {
        status: 'fail',
        namespace: 'shop',
        workload: DB,
        unreachableDns: [{ dst: COREDNS, missing: 'TCP 53', allowed: 'UDP 53' }],
        otherPort53: [{ dst: WEB, conn: 'UDP 53' }],
      },
      {
        status: 'fail',
        namespace: 'shop',
        workload: WEB,
        unreachableDns: [{ dst: COREDNS, missing: 'TCP 53', allowed: 'UDP 53' }],
        otherPort53: [{ dst: DB, conn: 'UDP 53' }],
      },
    ]);
  });

  it('fails, saying it cannot verify, when the inventory has no DNS pod', () => {
    const inventory = inventoryOf(
      ns('shop'),
      deploy('shop', 'web', 'app: web'),
      netpol('shop', 'deny-out', '{ podSelector: {}, policyTypes: [Egress] }'),
    );
    const result = control('zero-trust', 'ZT-3', { inventory });
    expect(result.status).toBe('fail');
    expect(result.evidence[0]).toMatchObject({
      workload: WEB,
      reason: expect.stringContaining('cannot be verified'),
    });
  });
});
