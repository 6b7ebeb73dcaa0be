import type { SnapshotPod } from '@fenceline/contracts';
import type { SnapshotPolicy } from './policy-spec';
import { workloadPods, type PodContext, type WorkloadDraft } from './workload-pods';

/** The namespaces every cluster has; they count towards the spec's namespaces. */
export const SYSTEM_NAMESPACES: readonly {
  readonly name: string;
  readonly labels: Record<string, string>;
}[] = [
  { name: 'ingress-nginx', labels: { 'app.kubernetes.io/name': 'ingress-nginx' } },
  { name: 'kube-system', labels: {} },
  { name: 'monitoring', labels: { 'app.kubernetes.io/part-of': 'kube-prometheus' } },
];

/** Policies of the system namespaces: only monitoring has one (kube-system and ingress-nginx are open, as usual). */
export const SYSTEM_POLICY_COUNT = 1;

/** DNS and ingress replicas grow with the cluster, as their autoscalers make them. */
function scaledReplicas(pods: number): number {
  return 2 + Math.floor(pods / 25_000);
}

/** Pods the system namespaces take out of the spec's pod count. */
export function systemPodCount(pods: number): number {
  return systemWorkloads(pods).reduce((sum, w) => sum + w.replicas, 0);
}

function systemWorkloads(pods: number): WorkloadDraft[] {
  const replicas = scaledReplicas(pods);
  return [
    {
      kind: 'Deployment',
      namespace: 'ingress-nginx',
      name: 'ingress-nginx-controller',
      labels: {
        'app.kubernetes.io/name': 'ingress-nginx',
        'app.kubernetes.io/component': 'controller',
      },
      ports: [
        { name: 'http', port: 80, protocol: 'TCP' },
        { name: 'https', port: 443, protocol: 'TCP' },
        { name: 'metrics', port: 10254, protocol: 'TCP' },
      ],
      replicas,
    },
    {
      kind: 'Deployment',
      namespace: 'kube-system',
      name: 'coredns',
      labels: { 'k8s-app': 'kube-dns' },
      ports: [
        { name: 'dns', port: 53, protocol: 'UDP' },
        { name: 'dns-tcp', port: 53, protocol: 'TCP' },
        { name: 'metrics', port: 9153, protocol: 'TCP' },
      ],
      replicas,
    },
    {
      kind: 'Deployment',
      namespace: 'kube-system',
      name: 'metrics-server',
      labels: { 'k8s-app': 'metrics-server' },
      ports: [{ name: 'https', port: 10250, protocol: 'TCP' }],
      replicas: 1,
    },
    {
      kind: 'StatefulSet',
      namespace: 'monitoring',
      name: 'prometheus-k8s',
      labels: { 'app.kubernetes.io/name': 'prometheus' },
      ports: [{ name: 'web', port: 9090, protocol: 'TCP' }],
      replicas: 2,
    },
    {
      kind: 'Deployment',
      namespace: 'monitoring',
      name: 'grafana',
      labels: { 'app.kubernetes.io/name': 'grafana' },
      ports: [{ name: 'http', port: 3000, protocol: 'TCP' }],
      replicas: 1,
    },
    {
      kind: 'Deployment',
      namespace: 'monitoring',
      name: 'statsd-exporter',
      labels: { 'app.kubernetes.io/name': 'statsd-exporter' },
      ports: [
        { name: 'statsd', port: 9125, protocol: 'UDP' },
        { name: 'metrics', port: 9102, protocol: 'TCP' },
      ],
      replicas: 1,
    },
  ];
}

/** The pods of kube-system (CoreDNS, metrics-server), monitoring and ingress-nginx. */
export function systemPods(ctx: PodContext, pods: number): SnapshotPod[] {
  return systemWorkloads(pods).flatMap((w) => workloadPods(ctx, w));
}

/** Only Grafana may query Prometheus; Prometheus itself scrapes everywhere (egress open). */
export function systemPolicies(): SnapshotPolicy[] {
  return [
    {
      namespace: 'monitoring',
      name: 'prometheus-from-grafana',
      spec: {
        podSelector: { matchLabels: { 'app.kubernetes.io/name': 'prometheus' } },
        policyTypes: ['Ingress'],
        ingress: [
          {
            from: [{ podSelector: { matchLabels: { 'app.kubernetes.io/name': 'grafana' } } }],
            ports: [{ protocol: 'TCP', port: 'web' }],
          },
        ],
      },
    },
  ];
}
