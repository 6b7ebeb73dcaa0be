import fc from 'fast-check';
import {
  clusterPoliciesArbitrary,
  clusterPortObject,
  networkPolicyObject,
  networkPolicyRuleArbitrary,
  policyTypesArbitrary,
  tupleOf,
  type ClusterPolicyVersion,
  type ClusterPolicyVocabulary,
  type ClusterPorts,
} from '@fenceline/netpol-arbitraries';

/**
 * Random small clusters mixing NetworkPolicies with all three cluster-scoped kinds
 * (ClusterNetworkPolicy v1alpha2 of both tiers, AdminNetworkPolicy, the BaselineAdminNetworkPolicy
 * singleton), every action, tied priorities, named ports and networks, drawn by
 * `@fenceline/netpol-arbitraries` from a smaller vocabulary. Empty selectors and
 * `0.0.0.0/0` are frequent so that catch-all rules (default deny, overrides) occur often.
 */
export const NAMESPACES = ['a', 'b', 'c'];
export const PORTS = [80, 443, 5432];
const PROTOCOLS = ['TCP', 'UDP'] as const;
const NETWORKS = ['0.0.0.0/0', '10.0.0.0/8', '10.1.2.3/32'];

const labels = fc.dictionary(fc.constantFrom('app', 'tier'), fc.constantFrom('web', 'db'), {
  maxKeys: 1,
});
// `{}` half the time: selecting everything is what default deny and overrides are made of.
const selector = fc.oneof(
  fc.constant({}),
  fc.record({ matchLabels: labels }, { requiredKeys: [] }),
);

const namespace = (name: string) =>
  labels.map((l) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels: l } }));

const pod = (i: number) =>
  fc
    .record({
      namespace: fc.constantFrom(...NAMESPACES),
      labels,
      named: fc.boolean(),
      ip: fc.constantFrom('10.1.2.3', '10.1.2.4', '192.168.0.9'),
      hostNetwork: fc.constantFrom(false, false, false, true),
      owner: fc.option(fc.constantFrom('rs-1', 'rs-2'), { nil: undefined }),
    })
    .map(({ namespace: ns, labels: l, named, ip, hostNetwork, owner }) => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: `pod${i}`,
        namespace: ns,
        labels: l,
        // Pods of one ReplicaSet may differ (labels, address): workloads are unions of pods.
        ...(owner
          ? { ownerReferences: [{ kind: 'ReplicaSet', name: owner, controller: true }] }
          : {}),
      },
      spec: {
        hostNetwork,
        containers: [{ name: 'main', ports: named ? [{ name: 'http', containerPort: 80 }] : [] }],
      },
      status: { podIP: ip },
    }));

const npPeer = fc.oneof(
  fc.record({ podSelector: selector }),
  fc.record({ namespaceSelector: selector }),
  fc.record({ ipBlock: fc.record({ cidr: fc.constantFrom(...NETWORKS) }) }),
);
const npPort = fc.record({
  protocol: fc.constantFrom(...PROTOCOLS),
  port: fc.constantFrom<number | string>(...PORTS, 'http'),
});
const npRule = (field: 'from' | 'to') =>
  networkPolicyRuleArbitrary(field, npPeer, npPort, { minLength: 1, maxLength: 2 });
const networkPolicy = (i: number) =>
  fc
    .record({
      namespace: fc.constantFrom(...NAMESPACES),
      podSelector: selector,
      policyTypes: policyTypesArbitrary,
      ingress: fc.array(npRule('from'), { maxLength: 2 }),
      egress: fc.array(npRule('to'), { maxLength: 2 }),
    })
    .map(({ namespace: ns, podSelector, policyTypes, ingress, egress }) =>
      networkPolicyObject(`np${i}`, ns, {
        podSelector,
        ...(policyTypes ? { policyTypes } : {}),
        ...(ingress.length ? { ingress } : {}),
        ...(egress.length ? { egress } : {}),
      }),
    );

/** Ports of a rule in both API versions: a number, or the named port `http`. */
const clusterPorts = (version: ClusterPolicyVersion): fc.Arbitrary<ClusterPorts> =>
  fc.oneof(
    fc
      .record({ protocol: fc.constantFrom(...PROTOCOLS), port: fc.constantFrom(...PORTS) })
      .map(({ protocol, port }) => ({
        named: false,
        list: [clusterPortObject(version, { kind: 'number', protocol, port })],
      })),
    fc.constant({
      named: true,
      list: [clusterPortObject(version, { kind: 'named', name: 'http' })],
    }),
  );

/**
 * Catch-alls weighted up: repeated actions, tiers and priorities, and half the rules without
 * ports (default deny and overrides are made of rules that name no port).
 */
const CLUSTER_POLICIES: ClusterPolicyVocabulary = {
  namespaces: selector,
  pods: fc.record({ namespaceSelector: selector, podSelector: selector }),
  networks: fc.uniqueArray(fc.constantFrom(...NETWORKS), { minLength: 1 }),
  ports: clusterPorts,
  portlessFreq: 2,
  actions: {
    ClusterNetworkPolicy: ['Accept', 'Accept', 'Deny', 'Pass'],
    AdminNetworkPolicy: ['Allow', 'Allow', 'Deny', 'Pass'],
    BaselineAdminNetworkPolicy: ['Allow', 'Deny'],
  },
  tiers: ['Admin', 'Admin', 'Baseline'],
  priorities: [0, 5, 5, 10],
};

/** Raw objects: 3 namespaces, 2–5 pods, 0–4 NetworkPolicies, 1–3 cluster policies (one BANP at most). */
export const tieredCluster = fc
  .record({ pods: fc.integer({ min: 2, max: 5 }), policies: fc.integer({ min: 0, max: 4 }) })
  .chain(({ pods, policies }) =>
    fc.tuple(
      fc.tuple(...NAMESPACES.map(namespace)),
      tupleOf(pods, pod),
      tupleOf(policies, networkPolicy),
      clusterPoliciesArbitrary(CLUSTER_POLICIES, { min: 1, max: 3 }),
    ),
  )
  .map(
    ([namespaces, pods, policies, cluster]) =>
      [...namespaces, ...pods, ...policies, ...cluster] as unknown[],
  );

/**
 * {@link tieredCluster} plus what makes an override likely: namespace `a` denies all ingress by
 * NetworkPolicy, and an AdminNetworkPolicy (priority tied with the generated ones at times)
 * allows every pod source, on TCP 80 or everything. Earlier rules may still decide first.
 */
export const overridingCluster = fc
  .tuple(tieredCluster, fc.constantFrom(0, 5, 10), fc.boolean())
  .map(([objects, priority, port80]) => [
    ...objects,
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'forced-deny', namespace: 'a' },
      spec: { podSelector: {}, policyTypes: ['Ingress'] },
    },
    {
      apiVersion: 'policy.networking.k8s.io/v1alpha1',
      kind: 'AdminNetworkPolicy',
      metadata: { name: 'forced' },
      spec: {
        priority,
        subject: { namespaces: {} },
        ingress: [
          {
            action: 'Allow',
            from: [{ namespaces: {} }],
            ...(port80 ? { ports: [{ portNumber: { protocol: 'TCP', port: 80 } }] } : {}),
          },
        ],
      },
    },
  ]);
