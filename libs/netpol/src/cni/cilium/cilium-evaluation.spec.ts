import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { policyChainOf } from '../../chain/chain-of';
import { explain } from '../../explain/explain';
import type { Inventory } from '../../inventory/inventory';
import { parseDocuments } from '../../load/parse-documents';
import { DEFAULT_OPTIONS } from '../../reference/traffic';
import { allowed, inventoryOf, knp, ns, pod } from '../../../test/cni/agreement-helpers';

// Expected verdicts come from the Cilium documentation's own statements, quoted per case
// (docs.cilium.io/en/latest/security/policy/…), not from this engine's output.
const CIL = 'cilium.io/v2';
const cnp = (namespace: string, name: string, spec: object) => ({
  apiVersion: CIL,
  kind: 'CiliumNetworkPolicy',
  metadata: { namespace, name },
  spec,
});
const ccnp = (name: string, spec: object) => ({
  apiVersion: CIL,
  kind: 'CiliumClusterwideNetworkPolicy',
  metadata: { name },
  spec,
});
const node = (name: string, ip: string, labels: Record<string, string> = {}) => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name, labels },
  status: { addresses: [{ type: 'InternalIP', address: ip }] },
});
const NODES = [
  node('cp-1', '192.168.0.10', { 'node-role.kubernetes.io/control-plane': '' }),
  node('worker-1', '192.168.0.11'),
];

const BASE = [
  ns('shop', { team: 'shop' }),
  ns('ops', { team: 'ops' }),
  ns('kube-system'),
  pod('shop', 'web', { app: 'web', role: 'frontend', 'pod-template-hash': 'abc' }, '10.0.0.1'),
  pod('shop', 'db', { app: 'db', role: 'backend' }, '10.0.0.2', {
    ports: [
      { name: 'pg', containerPort: 5432 },
      { name: 'http', containerPort: 8080 },
    ],
  }),
  pod('ops', 'mon', { app: 'mon' }, '10.0.1.1', { sa: 'monitor' }),
  pod('kube-system', 'dns', { 'k8s-app': 'kube-dns' }, '10.0.2.1', {
    ports: [{ name: 'dns', containerPort: 53, protocol: 'UDP' }],
  }),
  pod('kube-system', 'agent', { app: 'agent' }, '192.168.0.11', { hostNetwork: true }),
];

function inv(...objects: object[]): Inventory {
  return inventoryOf([...BASE, ...objects]);
}
/** The not-evaluated notes of every chain rule of a policy's spec. */
function notesOf(inventory: Inventory, label: string): string[] {
  const chain = policyChainOf(inventory, DEFAULT_OPTIONS);
  return (chain?.policies ?? [])
    .filter((p) => p.label === label)
    .flatMap((p) => [...p.ingress, ...p.egress].flatMap((r) => r.notEvaluated));
}

const fromFrontend = { fromEndpoints: [{ matchLabels: { role: 'frontend' } }] };
const tcp = (port: string, endPort?: number) => ({
  ports: [{ port, protocol: 'TCP', ...(endPort ? { endPort } : {}) }],
});

describe('Cilium: endpoints, default deny and namespaces (security/policy/layer3, intro, kubernetes)', () => {
  it('"An endpoint is allowed to receive traffic from another endpoint if at least one ingress rule exists which selects the destination endpoint"', () => {
    const i = inv(
      cnp('shop', 'db', {
        endpointSelector: { matchLabels: { app: 'db' } },
        ingress: [fromFrontend],
      }),
    );
    expect(allowed(i, 'shop/web', 'shop/db')).toBe(true);
    expect(allowed(i, 'ops/mon', 'shop/db')).toBe(false);
    // db is selected for ingress only: its egress and other pods stay open.
    expect(allowed(i, 'shop/db', 'shop/web')).toBe(true);
    expect(allowed(i, 'shop/db', '203.0.113.9', 443)).toBe(true);
  });

  it('"An endpoint can be put into the default deny mode at ingress or egress if a rule selects the endpoint and contains the respective rule section" (egress: [{}])', () => {
    const i = inv(
      cnp('shop', 'deny-all-egress', {
        endpointSelector: { matchLabels: { app: 'web' } },
        egress: [{}],
      }),
    );
    expect(allowed(i, 'shop/web', 'shop/db')).toBe(false);
    expect(allowed(i, 'shop/web', '203.0.113.9')).toBe(false);
    expect(allowed(i, 'shop/db', 'shop/web')).toBe(true);
  });

  it('"The endpointSelector always applies to pods in the namespace associated with the CiliumNetworkPolicy resource itself"', () => {
    const i = inv(
      cnp('shop', 'lock', {
        endpointSelector: { matchLabels: { 'k8s:io.kubernetes.pod.namespace': 'ops' } },
        ingress: [{}],
      }),
    );
    expect(allowed(i, 'shop/web', 'shop/db')).toBe(false);
    expect(allowed(i, 'shop/web', 'ops/mon')).toBe(true);
  });

  it('"If the namespace label of policy rules is omitted it defaults to the same namespace where the policy itself is applied in"', () => {
    const i = inv(
      cnp('shop', 'same-ns', { endpointSelector: {}, ingress: [{ fromEndpoints: [{}] }] }),
    );
    expect(allowed(i, 'shop/web', 'shop/db')).toBe(true);
    expect(allowed(i, 'ops/mon', 'shop/db')).toBe(false);
    expect(allowed(i, '203.0.113.9', 'shop/db')).toBe(false);
  });

  it('"Specifying the namespace by way of the label k8s:io.kubernetes.pod.namespace in the fromEndpoints and toEndpoints fields is supported"', () => {
    const i = inv(
      cnp('shop', 'from-ops', {
        endpointSelector: { matchLabels: { app: 'db' } },
        ingress: [
          {
            fromEndpoints: [
              { matchLabels: { 'k8s:io.kubernetes.pod.namespace': 'ops', app: 'mon' } },
            ],
          },
        ],
      }),
    );
    expect(allowed(i, 'ops/mon', 'shop/db')).toBe(true);
    expect(allowed(i, 'shop/web', 'shop/db')).toBe(false);
  });

  it('namespace labels in a CiliumNetworkPolicy select other namespaces ("Fix selecting of endpoints by namespace labels in network policies", cilium/cilium#30650)', () => {
    const i = inv(
      cnp('shop', 'by-ns-label', {
        endpointSelector: { matchLabels: { app: 'db' } },
        ingress: [
          { fromEndpoints: [{ matchLabels: { 'io.cilium.k8s.namespace.labels.team': 'ops' } }] },
        ],
      }),
    );
    expect(allowed(i, 'ops/mon', 'shop/db')).toBe(true);
    expect(allowed(i, 'shop/web', 'shop/db')).toBe(false);
  });

  it('CiliumClusterwideNetworkPolicy: "allow ingress traffic from pods matching the label name=luke from any namespace to pods matching the labels name=leia in any namespace"', () => {
    const i = inv(
      ccnp('mon-to-apps', {
        endpointSelector: {
          matchExpressions: [{ key: 'app', operator: 'In', values: ['db', 'dns'] }],
        },
        ingress: [{ fromEndpoints: [{ matchLabels: { app: 'mon' } }] }],
      }),
    );
    expect(allowed(i, 'ops/mon', 'shop/db')).toBe(true);
    expect(allowed(i, 'ops/mon', 'kube-system/dns', 53, 'UDP')).toBe(true);
    expect(allowed(i, 'shop/web', 'shop/db')).toBe(false);
    // fromEndpoints of a clusterwide policy match only Cilium-managed pods, never a host-network pod.
    expect(allowed(i, 'kube-system/agent', 'shop/db')).toBe(false);
  });

  it('a clusterwide wildcard fromEndpoints only matches pods: "we are only allowing traffic for cilium managed k8s endpoints and even if a wildcard is provided in the selector we don\'t proceed with a truly empty(allow all) endpoint selector" (pkg/k8s/apis/cilium.io/utils)', () => {
    const i = inv(
      ccnp('from-pods', {
        endpointSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
        ingress: [{ fromEndpoints: [{}] }],
      }),
    );
    expect(allowed(i, 'shop/web', 'kube-system/dns', 53, 'UDP')).toBe(true);
    // The host-network agent is the host or remote-node identity, which no endpoint selector matches.
    expect(allowed(i, 'kube-system/agent', 'kube-system/dns', 53, 'UDP')).toBe(false);
    expect(allowed(i, '203.0.113.9', 'kube-system/dns', 53, 'UDP')).toBe(false);
  });

  it('the service account label: "grants any pod running under the service account of "luke""', () => {
    const i = inv(
      cnp('shop', 'by-sa', {
        endpointSelector: { matchLabels: { app: 'db' } },
        ingress: [
          {
            fromEndpoints: [
              {
                matchLabels: {
                  'io.cilium.k8s.policy.serviceaccount': 'monitor',
                  'k8s:io.kubernetes.pod.namespace': 'ops',
                },
              },
            ],
          },
        ],
      }),
    );
    expect(allowed(i, 'ops/mon', 'shop/db')).toBe(true);
    expect(allowed(i, 'shop/web', 'shop/db')).toBe(false);
  });

  it('"By default, Cilium considers all labels to be relevant for identities, with the following exceptions": pod-template-hash selects nothing', () => {
    const i = inv(
      cnp('shop', 'by-hash', {
        endpointSelector: { matchLabels: { app: 'db' } },
        ingress: [{ fromEndpoints: [{ matchLabels: { 'pod-template-hash': 'abc' } }] }],
      }),
    );
    expect(allowed(i, 'shop/web', 'shop/db')).toBe(false);
  });

  it('specs: each entry is a rule with its own endpointSelector', () => {
    const i = inv({
      apiVersion: CIL,
      kind: 'CiliumNetworkPolicy',
      metadata: { namespace: 'shop', name: 'two' },
      specs: [
        { endpointSelector: { matchLabels: { app: 'db' } }, ingress: [fromFrontend] },
        {
          endpointSelector: { matchLabels: { app: 'web' } },
          egress: [{ toEndpoints: [{ matchLabels: { app: 'db' } }] }],
        },
      ],
    });
    expect(allowed(i, 'shop/web', 'shop/db')).toBe(true);
    expect(allowed(i, 'shop/web', '203.0.113.9')).toBe(false);
    expect(allowed(i, 'ops/mon', 'shop/db')).toBe(false);
  });
});

describe('Cilium: deny policies (security/policy/deny)', () => {
  it('"Deny policies take precedence over allow policies, regardless of whether they are a Cilium Network Policy, a Clusterwide Cilium Network Policy or even a Kubernetes Network Policy"', () => {
    const i = inv(
      knp('shop', 'allow-web', {
        podSelector: { matchLabels: { app: 'db' } },
        ingress: [{ from: [{ podSelector: { matchLabels: { app: 'web' } } }] }],
      }),
      ccnp('deny-frontend-80', {
        endpointSelector: {},
        ingressDeny: [{ ...fromFrontend, toPorts: [tcp('80')] }],
      }),
    );
    expect(allowed(i, 'shop/web', 'shop/db', 80)).toBe(false);
    expect(allowed(i, 'shop/web', 'shop/db', 5432)).toBe(true);
  });

  it('"Deny policies take precedence over allow policies" also over allow rules of policies with enableDefaultDeny off', () => {
    const soft = { enableDefaultDeny: { ingress: false } };
    const i = inv(
      cnp('shop', 'allow', {
        endpointSelector: { matchLabels: { app: 'db' } },
        ...soft,
        ingress: [fromFrontend],
      }),
      cnp('shop', 'deny', {
        endpointSelector: { matchLabels: { app: 'db' } },
        ...soft,
        ingressDeny: [{ toPorts: [tcp('80')] }],
      }),
    );
    expect(allowed(i, 'shop/web', 'shop/db', 80)).toBe(false);
    expect(allowed(i, 'shop/web', 'shop/db', 81)).toBe(true);
    expect(allowed(i, 'ops/mon', 'shop/db', 81)).toBe(true);
  });

  it('"Curl to port 81 is allowed because there is an allow policy on port 81, and no deny policy on that port; Curl to port 80 is denied because there is a deny policy on that port"', () => {
    const i = inv(
      cnp('shop', 'allow', {
        endpointSelector: { matchLabels: { app: 'db' } },
        ingress: [fromFrontend, { ...fromFrontend, toPorts: [tcp('80'), tcp('81')] }],
      }),
      cnp('shop', 'deny', {
        endpointSelector: { matchLabels: { app: 'db' } },
        ingressDeny: [{ toPorts: [tcp('80')] }],
      }),
    );
    expect(allowed(i, 'shop/web', 'shop/db', 81)).toBe(true);
    expect(allowed(i, 'shop/web', 'shop/db', 80)).toBe(false);
  });

  it('"Similarly to "allow" policies, Pods will enter default-deny mode as soon as a single policy selects it": a deny-only policy closes every other port too', () => {
    const i = inv(
      cnp('shop', 'deny-80', {
        endpointSelector: { matchLabels: { app: 'db' } },
        ingressDeny: [{ toPorts: [tcp('80')] }],
      }),
    );
    expect(allowed(i, 'shop/web', 'shop/db', 80)).toBe(false);
    expect(allowed(i, 'shop/web', 'shop/db', 81)).toBe(false);
    expect(allowed(i, 'shop/db', 'shop/web', 81)).toBe(true);
  });

  it('"The following policy will deny ingress from "world" … as this policy is allowing traffic from everywhere except from "world""', () => {
    const i = inv(
      ...NODES,
      ccnp('external-lockdown', {
        endpointSelector: {},
        ingressDeny: [{ fromEntities: ['world'] }],
        ingress: [{ fromEntities: ['all'] }],
      }),
    );
    expect(allowed(i, '203.0.113.9', 'shop/web')).toBe(false);
    expect(allowed(i, 'ops/mon', 'shop/web')).toBe(true);
    expect(allowed(i, '192.168.0.10', 'shop/web')).toBe(true);
  });

  it('"If an egressDeny rule matches, egress traffic is denied even if the policy contains egress rules that would otherwise allow it"', () => {
    const i = inv(
      cnp('shop', 'web-out', {
        endpointSelector: { matchLabels: { app: 'web' } },
        egress: [{ toEntities: ['all'] }],
        egressDeny: [{ toEndpoints: [{ matchLabels: { role: 'backend' } }] }],
      }),
    );
    expect(allowed(i, 'shop/web', 'shop/db', 5432)).toBe(false);
    expect(allowed(i, 'shop/web', '203.0.113.9', 443)).toBe(true);
  });
});

describe('Cilium: enableDefaultDeny (security/policy/intro#endpoint-default-policy)', () => {
  const dnsOnly = {
    endpointSelector: { matchLabels: { app: 'web' } },
    enableDefaultDeny: { egress: false, ingress: false },
    egress: [
      {
        toEndpoints: [
          { matchLabels: { 'io.kubernetes.pod.namespace': 'kube-system', 'k8s-app': 'kube-dns' } },
        ],
        toPorts: [
          { ports: [{ port: '53', protocol: 'UDP' }], rules: { dns: [{ matchPattern: '*' }] } },
        ],
      },
    ],
  };

  it('"this policy causes all DNS traffic to be intercepted, but does not block any traffic, even if it is the first policy to apply to an endpoint"', () => {
    const i = inv(ccnp('intercept-all-dns', dnsOnly));
    expect(allowed(i, 'shop/web', 'kube-system/dns', 53, 'UDP')).toBe(true);
    expect(allowed(i, 'shop/web', '203.0.113.9', 443)).toBe(true);
    expect(notesOf(i, 'ccnp/intercept-all-dns')).toContain('L7 DNS rules (*)');
  });

  it('"If multiple policies apply to an endpoint, that endpoint\'s default deny will be enabled if any policy requests it": the allows still add up', () => {
    const i = inv(
      ccnp('intercept-all-dns', dnsOnly),
      cnp('shop', 'web-to-world', {
        endpointSelector: { matchLabels: { app: 'web' } },
        egress: [{ toEntities: ['world'] }],
      }),
    );
    expect(allowed(i, 'shop/web', 'kube-system/dns', 53, 'UDP')).toBe(true);
    expect(allowed(i, 'shop/web', '203.0.113.9', 443)).toBe(true);
    expect(allowed(i, 'shop/web', 'shop/db', 5432)).toBe(false);
  });

  it('"Rules with EnableDefaultDeny disabled are ignored when determining the default mode": a non-default-deny deny rule still denies', () => {
    const i = inv(
      cnp('shop', 'soft-deny', {
        endpointSelector: { matchLabels: { app: 'db' } },
        enableDefaultDeny: { ingress: false },
        ingressDeny: [{ fromEndpoints: [{ matchLabels: { app: 'web' } }] }],
      }),
    );
    expect(allowed(i, 'shop/web', 'shop/db')).toBe(false);
    expect(allowed(i, 'ops/mon', 'shop/db')).toBe(true);
  });
});

describe('Cilium: entities (security/policy/layer3#entities-based)', () => {
  it('"The world entity corresponds to all endpoints outside of the cluster. Allowing to world is identical to allowing to CIDR 0.0.0.0/0."', () => {
    const i = inv(
      ...NODES,
      cnp('shop', 'public', {
        endpointSelector: { matchLabels: { app: 'web' } },
        ingress: [{ fromEntities: ['world'] }],
      }),
    );
    expect(allowed(i, '203.0.113.9', 'shop/web')).toBe(true);
    expect(allowed(i, 'shop/db', 'shop/web')).toBe(false);
    // A node address is the host/remote-node identity, not world.
    expect(allowed(i, '192.168.0.10', 'shop/web')).toBe(false);
    const v4 = inv(
      cnp('shop', 'public', {
        endpointSelector: { matchLabels: { app: 'web' } },
        ingress: [{ fromEntities: ['world-ipv4'] }],
      }),
    );
    expect(allowed(v4, '203.0.113.9', 'shop/web')).toBe(true);
    expect(allowed(v4, '2001:db8::9', 'shop/web')).toBe(false);
  });

  it('"Cluster is the logical group of all network endpoints inside of the local cluster … as well as the host, remote-node, and init identities"', () => {
    const i = inv(
      ...NODES,
      cnp('shop', 'in-cluster', {
        endpointSelector: { matchLabels: { app: 'web' } },
        ingress: [{ fromEntities: ['cluster'] }],
      }),
    );
    expect(allowed(i, 'ops/mon', 'shop/web')).toBe(true);
    expect(allowed(i, 'kube-system/agent', 'shop/web')).toBe(true);
    expect(allowed(i, '192.168.0.10', 'shop/web')).toBe(true);
    expect(allowed(i, '203.0.113.9', 'shop/web')).toBe(false);
  });

  it('"The host entity includes the local host. This also includes all containers running in host networking mode on the local host." (placement unknown: an Allow matches every node)', () => {
    const i = inv(
      ...NODES,
      cnp('shop', 'from-host', {
        endpointSelector: { matchLabels: { app: 'db' } },
        ingress: [{ fromEntities: ['host'] }],
      }),
    );
    expect(allowed(i, '192.168.0.10', 'shop/db')).toBe(true);
    expect(allowed(i, 'kube-system/agent', 'shop/db')).toBe(true);
    expect(allowed(i, 'shop/web', 'shop/db')).toBe(false);
    expect(notesOf(i, 'cnp-cilium/shop/from-host').join(' ')).toContain(
      'which node runs the pod is not known',
    );
  });

  it('"remote-node: Any node in any of the connected clusters other than the local host": a Deny of one of host/remote-node denies no node, of both every node', () => {
    const deny = (entities: string[]) =>
      inv(
        ...NODES,
        ccnp('d', {
          endpointSelector: { matchLabels: { app: 'db' } },
          ingressDeny: [{ fromEntities: entities }],
          ingress: [{ fromEntities: ['all'] }],
        }),
      );
    expect(allowed(deny(['remote-node']), '192.168.0.11', 'shop/db')).toBe(true);
    expect(allowed(deny(['remote-node', 'host']), '192.168.0.11', 'shop/db')).toBe(false);
  });

  it('host-network pods are the host ("This also includes all containers running in host networking mode"): no endpointSelector selects them', () => {
    const i = inv(ccnp('lock-all', { endpointSelector: {}, ingress: [{}], egress: [{}] }));
    expect(allowed(i, 'shop/web', 'shop/db')).toBe(false);
    expect(allowed(i, 'shop/web', 'kube-system/agent')).toBe(false);
    expect(allowed(i, '203.0.113.9', 'kube-system/agent')).toBe(true);
    expect(allowed(i, 'kube-system/agent', '203.0.113.9')).toBe(true);
  });

  it('fromNodes: "allow all endpoints with the label env=prod to receive traffic only from control plane (labeled node-role.kubernetes.io/control-plane="") nodes"', () => {
    const i = inv(
      ...NODES,
      pod('kube-system', 'agent-cp', { app: 'agent' }, '192.168.0.10', { hostNetwork: true }),
      cnp('shop', 'from-cp', {
        endpointSelector: { matchLabels: { app: 'db' } },
        ingress: [
          { fromNodes: [{ matchLabels: { 'node-role.kubernetes.io/control-plane': '' } }] },
        ],
      }),
    );
    expect(allowed(i, '192.168.0.10', 'shop/db')).toBe(true);
    expect(allowed(i, '192.168.0.11', 'shop/db')).toBe(false);
    // Host-network pods have their node's address: agent is on worker-1, agent-cp on cp-1.
    expect(allowed(i, 'kube-system/agent', 'shop/db')).toBe(false);
    expect(allowed(i, 'kube-system/agent-cp', 'shop/db')).toBe(true);
  });

  it('host without Node objects: only host-network pods are the host; node addresses are unknown', () => {
    const i = inv(
      cnp('shop', 'from-host', {
        endpointSelector: { matchLabels: { app: 'db' } },
        ingress: [{ fromEntities: ['host', 'remote-node'] }],
      }),
    );
    expect(allowed(i, 'kube-system/agent', 'shop/db')).toBe(true);
    expect(allowed(i, '192.168.0.10', 'shop/db')).toBe(false);
    expect(notesOf(i, 'cnp-cilium/shop/from-host').join(' ')).toContain('no Node objects');
  });

  it('"The kube-apiserver entity represents the kube-apiserver in a Kubernetes cluster": its addresses are not in the inventory, reported not evaluated', () => {
    const i = inv(
      ...NODES,
      cnp('shop', 'api', {
        endpointSelector: { matchLabels: { app: 'web' } },
        egress: [{ toEntities: ['kube-apiserver'] }],
      }),
    );
    expect(allowed(i, 'shop/web', '192.168.0.10', 6443)).toBe(false);
    expect(allowed(i, 'shop/web', '203.0.113.9', 6443)).toBe(false);
    expect(notesOf(i, 'cnp-cilium/shop/api')).toContain(
      'entity kube-apiserver (no such endpoint in the inventory)',
    );
  });
});

describe('Cilium: CIDRs (security/policy/layer3#ip-cidr-based)', () => {
  it('"allow all endpoints with the label app=myService to talk to the external IP 20.1.1.1, as well as the CIDR prefix 10.0.0.0/8, but not CIDR prefix 10.96.0.0/12"; "CIDR-based selectors do not match in-cluster entities (pods or nodes)"', () => {
    const i = inv(
      cnp('shop', 'cidr-rule', {
        endpointSelector: { matchLabels: { app: 'web' } },
        egress: [
          { toCIDR: ['20.1.1.1'] },
          { toCIDRSet: [{ cidr: '10.0.0.0/8', except: ['10.96.0.0/12'] }] },
        ],
      }),
    );
    expect(allowed(i, 'shop/web', '20.1.1.1')).toBe(true);
    expect(allowed(i, 'shop/web', '10.200.0.1')).toBe(true);
    expect(allowed(i, 'shop/web', '10.96.0.5')).toBe(false);
    expect(allowed(i, 'shop/web', '20.1.1.2')).toBe(false);
    // db's address 10.0.0.2 lies in 10.0.0.0/8, but a CIDR never selects a pod.
    expect(allowed(i, 'shop/web', 'shop/db')).toBe(false);
  });

  it('"CIDR rules do not apply to traffic where both sides of the connection are either managed by Cilium or use an IP belonging to a node in the cluster"', () => {
    const i = inv(
      ...NODES,
      cnp('shop', 'lan', {
        endpointSelector: { matchLabels: { app: 'web' } },
        egress: [{ toCIDR: ['192.168.0.0/16'] }],
      }),
    );
    expect(allowed(i, 'shop/web', '192.168.5.5')).toBe(true);
    expect(allowed(i, 'shop/web', '192.168.0.10')).toBe(false);
    expect(allowed(i, 'shop/web', 'kube-system/agent')).toBe(false);
  });

  it('CiliumCIDRGroup: "The CCG can be referenced in a CiliumNetworkPolicy by using the fromCIDRSet directive. CCGs may be selected by names or labels."', () => {
    const group = {
      apiVersion: 'cilium.io/v2alpha1',
      kind: 'CiliumCIDRGroup',
      metadata: { name: 'vpn-example-1', labels: { role: 'vpn' } },
      spec: { externalCIDRs: ['10.48.0.0/24', '10.16.0.0/24'] },
    };
    const byName = inv(
      group,
      cnp('shop', 'vpn', {
        endpointSelector: {},
        ingress: [{ fromCIDRSet: [{ cidrGroupRef: 'vpn-example-1' }] }],
      }),
    );
    expect(allowed(byName, '10.48.0.7', 'shop/web')).toBe(true);
    expect(allowed(byName, '10.49.0.7', 'shop/web')).toBe(false);
    const byLabel = inv(
      group,
      cnp('shop', 'vpn', {
        endpointSelector: {},
        ingress: [{ fromCIDRSet: [{ cidrGroupSelector: { matchLabels: { role: 'vpn' } } }] }],
      }),
    );
    expect(allowed(byLabel, '10.16.0.200', 'shop/db')).toBe(true);
    const missing = inv(
      cnp('shop', 'vpn', {
        endpointSelector: {},
        ingress: [{ fromCIDRSet: [{ cidrGroupRef: 'nope' }] }],
      }),
    );
    expect(allowed(missing, '10.48.0.7', 'shop/web')).toBe(false);
    expect(notesOf(missing, 'cnp-cilium/shop/vpn')).toContain(
      'CiliumCIDRGroup nope (not in the inventory)',
    );
  });
  it('an explicitly empty list selects no peer ("Explicitly check for empty non-nil slices, it should not result in any identity being selected", pkg/policy)', () => {
    const i = inv(
      cnp('shop', 'empty', {
        endpointSelector: { matchLabels: { app: 'db' } },
        ingress: [{ fromEndpoints: [], fromEntities: ['world'], toPorts: [tcp('80')] }],
      }),
    );
    expect(allowed(i, 'shop/web', 'shop/db', 80)).toBe(false);
    expect(allowed(i, '203.0.113.9', 'shop/db', 80)).toBe(false);
  });
});

describe('Cilium: toPorts (security/policy/layer4)', () => {
  it('"only be able to emit packets using TCP on port 80, to any layer 3 destination"', () => {
    const i = inv(
      cnp('shop', 'l4', {
        endpointSelector: { matchLabels: { app: 'web' } },
        egress: [{ toPorts: [tcp('80')] }],
      }),
    );
    expect(allowed(i, 'shop/web', '203.0.113.9', 80)).toBe(true);
    expect(allowed(i, 'shop/web', 'shop/db', 80)).toBe(true);
    expect(allowed(i, 'shop/web', 'shop/db', 443)).toBe(false);
    expect(allowed(i, 'shop/web', '203.0.113.9', 80, 'UDP')).toBe(false);
  });

  it('"only be able to emit packets using TCP on ports 80-444" (endPort)', () => {
    const i = inv(
      cnp('shop', 'range', {
        endpointSelector: { matchLabels: { app: 'web' } },
        egress: [{ toPorts: [tcp('80', 444)] }],
      }),
    );
    expect(allowed(i, 'shop/web', '203.0.113.9', 80)).toBe(true);
    expect(allowed(i, 'shop/web', '203.0.113.9', 444)).toBe(true);
    expect(allowed(i, 'shop/web', '203.0.113.9', 445)).toBe(false);
  });

  it('"If "ANY", omitted or empty, any protocols with transport ports (TCP, UDP, SCTP) match"', () => {
    const i = inv(
      cnp('shop', 'dns', {
        endpointSelector: { matchLabels: { app: 'web' } },
        egress: [
          { toPorts: [{ ports: [{ port: '53', protocol: 'ANY' }] }] },
          { toPorts: [{ ports: [{ port: '5353' }] }] },
        ],
      }),
    );
    expect(allowed(i, 'shop/web', '203.0.113.9', 53, 'UDP')).toBe(true);
    expect(allowed(i, 'shop/web', '203.0.113.9', 53, 'TCP')).toBe(true);
    expect(allowed(i, 'shop/web', '203.0.113.9', 5353, 'SCTP')).toBe(true);
    expect(allowed(i, 'shop/web', '203.0.113.9', 54, 'UDP')).toBe(false);
  });

  it('named ports: "Port can be an L4 port number, or a name in the form of "http" or "http-8080"" (names compared case-insensitively)', () => {
    const i = inv(
      cnp('shop', 'db', {
        endpointSelector: { matchLabels: { app: 'db' } },
        ingress: [{ ...fromFrontend, toPorts: [{ ports: [{ port: 'PG', protocol: 'TCP' }] }] }],
      }),
    );
    expect(allowed(i, 'shop/web', 'shop/db', 5432)).toBe(true);
    expect(allowed(i, 'shop/web', 'shop/db', 8080)).toBe(false);
  });
});

describe('Cilium with Kubernetes NetworkPolicy and cluster policies', () => {
  it('"If there is an intersection between two or more rules, then traffic matching the union of those rules will be allowed": a NetworkPolicy and a CiliumNetworkPolicy add up', () => {
    const i = inv(
      knp('shop', 'from-web', {
        podSelector: { matchLabels: { app: 'db' } },
        ingress: [
          { from: [{ podSelector: { matchLabels: { app: 'web' } } }], ports: [{ port: 5432 }] },
        ],
      }),
      cnp('shop', 'from-mon', {
        endpointSelector: { matchLabels: { app: 'db' } },
        ingress: [
          { fromEndpoints: [{ matchLabels: { 'k8s:io.kubernetes.pod.namespace': 'ops' } }] },
        ],
      }),
    );
    expect(allowed(i, 'shop/web', 'shop/db', 5432)).toBe(true);
    expect(allowed(i, 'shop/web', 'shop/db', 80)).toBe(false);
    expect(allowed(i, 'ops/mon', 'shop/db', 80)).toBe(true);
    expect(allowed(i, '203.0.113.9', 'shop/db', 5432)).toBe(false);
  });

  it('a NetworkPolicy isolates ("the endpoint permits only allowed traffic") even beside a policy with enableDefaultDeny off', () => {
    const i = inv(
      knp('shop', 'isolate', {
        podSelector: { matchLabels: { app: 'db' } },
        policyTypes: ['Ingress'],
      }),
      cnp('shop', 'soft', {
        endpointSelector: { matchLabels: { app: 'db' } },
        enableDefaultDeny: { ingress: false },
        ingress: [fromFrontend],
      }),
    );
    expect(allowed(i, 'shop/web', 'shop/db')).toBe(true);
    expect(allowed(i, 'ops/mon', 'shop/db')).toBe(false);
  });

  it('a NetworkPolicy ipBlock is a CIDR rule under Cilium: it does not match node addresses or host-network pods', () => {
    const i = inv(
      ...NODES,
      knp('shop', 'lan', {
        podSelector: { matchLabels: { app: 'db' } },
        ingress: [{ from: [{ ipBlock: { cidr: '192.168.0.0/16' } }] }],
      }),
      cnp('shop', 'noop', { endpointSelector: { matchLabels: { app: 'none' } }, ingress: [{}] }),
    );
    expect(allowed(i, '192.168.7.7', 'shop/db')).toBe(true);
    expect(allowed(i, '192.168.0.10', 'shop/db')).toBe(false);
    expect(allowed(i, 'kube-system/agent', 'shop/db')).toBe(false);
  });

  it('ClusterNetworkPolicy: "Admin tier rules … take precedence over NetworkPolicy", Baseline decides only where no default-deny policy does', () => {
    const cluster = (name: string, tier: string, action: string) => ({
      apiVersion: 'policy.networking.k8s.io/v1alpha2',
      kind: 'ClusterNetworkPolicy',
      metadata: { name },
      spec: {
        tier,
        priority: 10,
        subject: { namespaces: { matchLabels: { team: 'shop' } } },
        ingress: [{ action, from: [{ namespaces: { matchLabels: { team: 'ops' } } }] }],
      },
    });
    const i = inv(
      cluster('admin-deny-ops', 'Admin', 'Deny'),
      ccnp('allow-all', {
        endpointSelector: { matchLabels: { app: 'db' } },
        ingress: [{ fromEntities: ['all'] }],
      }),
    );
    expect(allowed(i, 'ops/mon', 'shop/db')).toBe(false);
    expect(allowed(i, 'shop/web', 'shop/db')).toBe(true);
    const b = inv(
      cluster('baseline-deny-ops', 'Baseline', 'Deny'),
      ccnp('allow-all', {
        endpointSelector: { matchLabels: { app: 'db' } },
        ingress: [{ fromEntities: ['all'] }],
      }),
    );
    expect(allowed(b, 'ops/mon', 'shop/db')).toBe(true);
    expect(allowed(b, 'ops/mon', 'shop/web')).toBe(false);
  });
});

describe('Cilium: what is restricted beyond L3/L4 is shown, not evaluated', () => {
  it('toFQDNs: "IPs to be allowed are selected via toFQDNs.matchName" — no address matches a name offline', () => {
    const i = inv(
      cnp('shop', 'fqdn', {
        endpointSelector: { matchLabels: { app: 'web' } },
        egress: [{ toFQDNs: [{ matchName: 'api.example.com' }], toPorts: [tcp('443')] }],
      }),
    );
    expect(allowed(i, 'shop/web', '203.0.113.9', 443)).toBe(false);
    expect(notesOf(i, 'cnp-cilium/shop/fqdn')).toContain('FQDN api.example.com');
  });

  it('toServices: "uses the discovered services\' label selector as an endpoint selector within the policy"', () => {
    const svc = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { namespace: 'shop', name: 'db' },
      spec: { selector: { app: 'db' }, ports: [{ port: 5432 }] },
    };
    const i = inv(
      svc,
      cnp('shop', 'to-svc', {
        endpointSelector: { matchLabels: { app: 'web' } },
        egress: [{ toServices: [{ k8sService: { serviceName: 'db', namespace: 'shop' } }] }],
      }),
    );
    expect(allowed(i, 'shop/web', 'shop/db', 5432)).toBe(true);
    expect(allowed(i, 'shop/web', 'ops/mon', 5432)).toBe(false);
  });

  it('the shared example cilium-l7-http.yaml: TCP 80 from the frontend at L4, the HTTP rules shown in explain', () => {
    const text = readFileSync(
      join(__dirname, '../../../../../../shared/examples/cni/cilium-l7-http.yaml'),
      'utf8',
    );
    const parsed = parseDocuments(text, 'cilium-l7-http.yaml');
    expect(parsed.issues).toEqual([]);
    const i = inv(
      ...parsed.objects.map((d) => d.object as object),
      ns('app'),
      pod('app', 'api', { app: 'api' }, '10.1.0.1'),
      pod('app', 'fe', { app: 'frontend' }, '10.1.0.2'),
      pod('app', 'batch', { app: 'batch' }, '10.1.0.3'),
    );
    expect(allowed(i, 'app/fe', 'app/api', 80)).toBe(true);
    expect(allowed(i, 'app/fe', 'app/api', 443)).toBe(false);
    expect(allowed(i, 'app/batch', 'app/api', 80)).toBe(false);
    const e = explain(i, 'app/fe', 'app/api', { protocol: 'TCP', port: 80 });
    expect(e.verdict).toBe(true);
    expect(e.ingress.path).toBe(
      'tier cilium-allow: Allow by cnp-cilium/app/api-http-rules (order none) rule 0',
    );
    expect(e.notes).toContainEqual(
      expect.stringContaining(
        'L7 HTTP rules (GET /api/v1/catalog; POST /api/v1/orders with headers): not evaluated offline',
      ),
    );
    const denied = explain(i, 'app/batch', 'app/api', { protocol: 'TCP', port: 80 });
    expect(denied.ingress.path).toBe('tier cilium-allow: no rule matched, default Deny');
  });
});
