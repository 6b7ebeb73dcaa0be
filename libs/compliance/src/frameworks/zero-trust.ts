import type { Framework } from '../framework/types';

const NP = 'https://kubernetes.io/docs/concepts/services-networking/network-policies/';
const NPAPI = 'https://network-policy-api.sigs.k8s.io/reference/spec/';

/** Fenceline's zero-trust network baseline for Kubernetes. */
export const ZERO_TRUST: Framework = {
  id: 'zero-trust',
  version: '1.1',
  title: 'Zero-trust network baseline',
  controls: [
    {
      id: 'ZT-1',
      title: 'Default-deny ingress coverage',
      severity: 'high',
      check: 'ingress-isolation',
      description:
        'Every pod is default deny for ingress: isolated by a NetworkPolicy of its namespace, or under a catch-all cluster-policy Deny.',
      references: [`${NP}#the-two-sorts-of-pod-isolation`, NPAPI],
    },
    {
      id: 'ZT-2',
      title: 'Default-deny egress coverage',
      severity: 'high',
      check: 'egress-isolation',
      description:
        'Every pod is default deny for egress: isolated by a NetworkPolicy of its namespace, or under a catch-all cluster-policy Deny.',
      references: [`${NP}#the-two-sorts-of-pod-isolation`, NPAPI],
    },
    {
      id: 'ZT-3',
      title: 'DNS egress is correct',
      severity: 'medium',
      check: 'dns-egress',
      description:
        'Egress-isolated workloads reach the cluster DNS (k8s-app=kube-dns in kube-system) on UDP 53 and TCP 53, and nothing else on port 53.',
      references: [`${NP}#default-deny-all-egress-traffic`],
    },
    {
      id: 'ZT-4',
      title: 'Namespace isolation',
      severity: 'high',
      check: 'namespace-isolation',
      description:
        'Cross-namespace ingress only where a rule names the source namespaces with a namespaceSelector.',
      references: [`${NP}#behavior-of-to-and-from-selectors`],
    },
    {
      id: 'ZT-5',
      title: 'No over-broad rules',
      severity: 'high',
      check: 'over-broad-rules',
      description:
        'No rule admits any peer (from/to missing or empty), every address (0.0.0.0/0, ::/0) or every namespace (namespaceSelector {}).',
      references: [`${NP}#networkpolicy-resource`],
    },
    {
      id: 'ZT-6',
      title: 'No internet exposure',
      severity: 'high',
      check: 'internet-exposure',
      description:
        'No workload receives connections from, or opens connections to, addresses outside the cluster, nor is reachable through the ingress controller.',
    },
    {
      id: 'ZT-7',
      title: 'No policy selects nothing',
      severity: 'low',
      check: 'policies-selecting-nothing',
      description: 'Every NetworkPolicy selects at least one pod.',
    },
    {
      id: 'ZT-8',
      title: 'No rule matches nothing',
      severity: 'low',
      check: 'rules-matching-nothing',
      description: 'Every rule with peers matches some pod or names an ipBlock.',
    },
    {
      id: 'ZT-9',
      title: 'Named ports resolve',
      severity: 'medium',
      check: 'unresolved-named-ports',
      description: 'Every named port of a rule resolves on some destination pod.',
      references: [
        'https://kubernetes.io/docs/reference/kubernetes-api/policy-resources/network-policy-v1/#NetworkPolicyPort',
      ],
    },
    {
      id: 'ZT-10',
      title: 'CNI enforces NetworkPolicy',
      severity: 'critical',
      check: 'cni-enforcement',
      description: 'The network plugin enforces NetworkPolicy; otherwise no policy has any effect.',
      references: [`${NP}#prerequisites`],
    },
    {
      id: 'ZT-11',
      title: 'No Admin-tier Accept overrides a namespace deny',
      severity: 'high',
      check: 'admin-accept-overrides',
      description:
        'No Admin-tier Accept (Allow) rule of a ClusterNetworkPolicy or AdminNetworkPolicy opens connections into a pod that its NetworkPolicies isolate and do not allow (critical when the pod is in the CDE).',
      references: [NPAPI],
    },
  ],
};
