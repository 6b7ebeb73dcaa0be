/**
 * A small live-looking cluster, objects shaped as the API server holds them (managedFields,
 * status, owner references): two app namespaces, pods of ReplicaSets and a StatefulSet, a
 * hostNetwork pod, a finished Job pod, services, an ingress, policies, an AdminNetworkPolicy,
 * Calico policies, and the calico-node DaemonSet the CNI is detected from.
 */
type Raw = Record<string, unknown>;

/** What the API server adds to every stored object: views must drop it. */
export const managedFields = [
  {
    manager: 'kube-controller-manager',
    operation: 'Update',
    apiVersion: 'v1',
    time: '2026-11-20T10:00:00Z',
    fieldsType: 'FieldsV1',
    fieldsV1: { 'f:status': { 'f:conditions': {} } },
  },
];

export function namespace(name: string, labels: Record<string, string> = {}): Raw {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name, labels: { 'kubernetes.io/metadata.name': name, ...labels }, managedFields },
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  };
}

export function pod(
  ns: string,
  name: string,
  labels: Record<string, string>,
  options: {
    ip?: string;
    owner?: [string, string];
    ports?: Raw[];
    hostNetwork?: boolean;
    phase?: string;
  } = {},
): Raw {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: ns,
      labels,
      annotations: { 'kubectl.kubernetes.io/restartedAt': '2026-11-20T10:00:00Z' },
      ...(options.owner
        ? {
            ownerReferences: [
              {
                apiVersion: 'apps/v1',
                kind: options.owner[0],
                name: options.owner[1],
                uid: `uid-${options.owner[1]}`,
                controller: true,
                blockOwnerDeletion: true,
              },
            ],
          }
        : {}),
      managedFields,
    },
    spec: {
      ...(options.hostNetwork ? { hostNetwork: true } : {}),
      containers: [
        {
          name: 'main',
          image: `registry.example.com/${name.split('-')[0]}:1.0`,
          ports: options.ports ?? [],
          resources: { requests: { cpu: '10m' } },
          env: [{ name: 'LOG_LEVEL', value: 'info' }],
        },
      ],
      nodeName: 'node-1',
      serviceAccountName: 'default',
    },
    status: {
      phase: options.phase ?? 'Running',
      ...(options.ip ? { podIP: options.ip, podIPs: [{ ip: options.ip }] } : {}),
      hostIP: '192.168.1.10',
      conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: '2026-11-20T10:00:00Z' }],
      containerStatuses: [{ name: 'main', ready: true, restartCount: 0 }],
    },
  };
}

export function policy(ns: string, name: string, spec: Raw): Raw {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name, namespace: ns, generation: 1, managedFields },
    spec,
  };
}

/** The objects of the fixture cluster, in the order a test applies them. */
export function shopCluster(): Raw[] {
  return [
    namespace('shop', { team: 'shop', env: 'prod' }),
    namespace('payments', { team: 'payments', pci: 'true' }),
    namespace('monitoring', { team: 'obs' }),
    namespace('calico-system'),
    pod(
      'shop',
      'web-7d4b9c-x2k8p',
      { app: 'web', 'pod-template-hash': '7d4b9c' },
      {
        ip: '10.0.1.10',
        owner: ['ReplicaSet', 'web-7d4b9c'],
        ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }],
      },
    ),
    pod(
      'shop',
      'web-7d4b9c-q9z7m',
      { app: 'web', 'pod-template-hash': '7d4b9c' },
      {
        ip: '10.0.1.11',
        owner: ['ReplicaSet', 'web-7d4b9c'],
        ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }],
      },
    ),
    pod(
      'payments',
      'api-0',
      { app: 'payments-api' },
      {
        ip: '10.0.2.10',
        owner: ['StatefulSet', 'api'],
        ports: [{ name: 'grpc', containerPort: 9090, protocol: 'TCP' }],
      },
    ),
    pod(
      'payments',
      'db-5f6c7-abcde',
      { app: 'db' },
      {
        ip: '10.0.2.20',
        owner: ['ReplicaSet', 'db-5f6c7'],
        ports: [{ containerPort: 5432, protocol: 'TCP' }],
      },
    ),
    pod(
      'monitoring',
      'prometheus-0',
      { app: 'prometheus' },
      { ip: '10.0.3.10', owner: ['StatefulSet', 'prometheus'] },
    ),
    pod(
      'monitoring',
      'node-exporter-x1',
      { app: 'node-exporter' },
      {
        ip: '192.168.1.10',
        owner: ['DaemonSet', 'node-exporter'],
        hostNetwork: true,
        ports: [{ name: 'metrics', containerPort: 9100, protocol: 'TCP' }],
      },
    ),
    pod(
      'shop',
      'migrate-29w8x',
      { job: 'migrate' },
      { owner: ['Job', 'migrate'], phase: 'Succeeded' },
    ),
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web', namespace: 'shop', managedFields },
      spec: {
        selector: { app: 'web' },
        ports: [{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }],
        clusterIP: '10.96.0.10',
        type: 'ClusterIP',
      },
      status: { loadBalancer: {} },
    },
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'shop', namespace: 'shop', managedFields },
      spec: {
        ingressClassName: 'nginx',
        rules: [
          {
            host: 'shop.example.com',
            http: {
              paths: [
                {
                  path: '/',
                  pathType: 'Prefix',
                  backend: { service: { name: 'web', port: { name: 'http' } } },
                },
              ],
            },
          },
        ],
      },
      status: { loadBalancer: {} },
    },
    policy('shop', 'default-deny', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] }),
    policy('shop', 'web-from-ingress', {
      podSelector: { matchLabels: { app: 'web' } },
      ingress: [{ ports: [{ port: 'http' }] }],
    }),
    policy('payments', 'db-from-api', {
      podSelector: { matchLabels: { app: 'db' } },
      ingress: [
        {
          from: [{ podSelector: { matchLabels: { app: 'payments-api' } } }],
          ports: [{ port: 5432 }],
        },
      ],
    }),
    policy('payments', 'api-from-shop', {
      podSelector: { matchLabels: { app: 'payments-api' } },
      ingress: [
        {
          from: [
            {
              namespaceSelector: { matchLabels: { team: 'shop' } },
              podSelector: { matchLabels: { app: 'web' } },
            },
          ],
        },
      ],
    }),
    {
      apiVersion: 'policy.networking.k8s.io/v1alpha1',
      kind: 'AdminNetworkPolicy',
      metadata: { name: 'pci-isolation' },
      spec: {
        priority: 10,
        subject: { namespaces: { matchLabels: { pci: 'true' } } },
        ingress: [],
      },
    },
    {
      apiVersion: 'crd.projectcalico.org/v1',
      kind: 'GlobalNetworkPolicy',
      metadata: { name: 'default.deny-egress' },
      // Evaluated since Calico policies are: it fences the CNI's own namespace only, so the
      // fixture's application traffic (what the tests change and watch) stays decided by the
      // Kubernetes policies.
      spec: { selector: "projectcalico.org/namespace == 'calico-system'", types: ['Egress'] },
    },
    {
      apiVersion: 'crd.projectcalico.org/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'default.allow-dns', namespace: 'shop' },
      spec: { selector: 'all()' },
    },
    {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: {
        name: 'calico-node',
        namespace: 'calico-system',
        labels: { 'k8s-app': 'calico-node' },
      },
      spec: {
        selector: { matchLabels: { 'k8s-app': 'calico-node' } },
        template: {
          metadata: { labels: { 'k8s-app': 'calico-node' } },
          spec: {
            hostNetwork: true,
            containers: [
              {
                name: 'calico-node',
                image: 'docker.io/calico/node:v3.28.0',
                env: [{ name: 'CALICO_NETWORKING_BACKEND', value: 'bird' }],
              },
            ],
            initContainers: [{ name: 'install-cni', image: 'docker.io/calico/cni:v3.28.0' }],
          },
        },
      },
    },
  ];
}

/** The CRDs the fixture uses, as the fake API server registers them. */
export const FIXTURE_CRDS = [
  {
    group: 'policy.networking.k8s.io',
    version: 'v1alpha1',
    resource: 'adminnetworkpolicies',
    kind: 'AdminNetworkPolicy',
    namespaced: false,
  },
  {
    group: 'policy.networking.k8s.io',
    version: 'v1alpha1',
    resource: 'baselineadminnetworkpolicies',
    kind: 'BaselineAdminNetworkPolicy',
    namespaced: false,
  },
  {
    group: 'crd.projectcalico.org',
    version: 'v1',
    resource: 'globalnetworkpolicies',
    kind: 'GlobalNetworkPolicy',
    namespaced: false,
  },
  {
    group: 'crd.projectcalico.org',
    version: 'v1',
    resource: 'networkpolicies',
    kind: 'NetworkPolicy',
    namespaced: true,
  },
];
