// Raw apps/v1 objects as the API server lists them (list items carry no kind/apiVersion), modelled
// on the upstream manifests and managed offerings they are named after. Test data only.

type Raw = Record<string, unknown>;

interface RawContainer {
  name: string;
  image: string;
  command?: string[];
  args?: string[];
  env?: ({ name: string; value: string } | { name: string; valueFrom: Raw })[];
}

interface RawWorkloadSpec {
  namespace: string;
  name: string;
  labels?: Record<string, string>;
  containers: RawContainer[];
  initContainers?: RawContainer[];
}

const fieldRef = (fieldPath: string): Raw => ({ fieldRef: { apiVersion: 'v1', fieldPath } });

function rawWorkload(spec: RawWorkloadSpec, extra: Raw): Raw {
  const selector = { 'k8s-app': spec.labels?.['k8s-app'] ?? spec.name };
  return {
    metadata: {
      name: spec.name,
      namespace: spec.namespace,
      uid: `uid-${spec.namespace}-${spec.name}`,
      resourceVersion: '4711',
      generation: 1,
      labels: spec.labels ?? {},
      annotations: { 'deprecated.daemonset.template.generation': '1' },
    },
    spec: {
      selector: { matchLabels: selector },
      template: {
        metadata: { labels: selector },
        spec: {
          containers: spec.containers.map((c) => ({
            terminationMessagePolicy: 'File',
            imagePullPolicy: 'IfNotPresent',
            ...c,
          })),
          ...(spec.initContainers ? { initContainers: spec.initContainers } : {}),
          hostNetwork: true,
          priorityClassName: 'system-node-critical',
          serviceAccountName: spec.name,
        },
      },
      ...extra,
    },
    status: { desiredNumberScheduled: 3, numberReady: 3 },
  };
}

/** A DaemonSet list item (no kind: pass 'DaemonSet' to cniWorkloadOf). */
export const rawDaemonSet = (spec: RawWorkloadSpec): Raw =>
  rawWorkload(spec, {
    updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } },
  });

/** A Deployment fetched on its own, so it carries kind and apiVersion. */
export const rawDeployment = (spec: RawWorkloadSpec): Raw => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  ...rawWorkload(spec, { replicas: 1, strategy: { type: 'RollingUpdate' } }),
});

// Calico v3.28 installed by the tigera operator.
export const tigeraCalicoNode = rawDaemonSet({
  namespace: 'calico-system',
  name: 'calico-node',
  labels: { 'app.kubernetes.io/name': 'calico-node', 'k8s-app': 'calico-node' },
  containers: [
    {
      name: 'calico-node',
      image: 'docker.io/calico/node:v3.28.0',
      env: [
        { name: 'DATASTORE_TYPE', value: 'kubernetes' },
        { name: 'WAIT_FOR_DATASTORE', value: 'true' },
        { name: 'CALICO_NETWORKING_BACKEND', value: 'bird' },
        { name: 'CALICO_IPV4POOL_CIDR', value: '192.168.0.0/16' },
        { name: 'FELIX_DEFAULTENDPOINTTOHOSTACTION', value: 'ACCEPT' },
        { name: 'NODENAME', valueFrom: fieldRef('spec.nodeName') },
      ],
    },
  ],
  initContainers: [
    { name: 'flexvol-driver', image: 'docker.io/calico/pod2daemon-flexvol:v3.28.0' },
    {
      name: 'install-cni',
      image: 'docker.io/calico/cni:v3.28.0',
      command: ['/opt/cni/bin/install'],
    },
  ],
});
export const calicoKubeControllers = rawDeployment({
  namespace: 'calico-system',
  name: 'calico-kube-controllers',
  labels: {
    'app.kubernetes.io/name': 'calico-kube-controllers',
    'k8s-app': 'calico-kube-controllers',
  },
  containers: [
    { name: 'calico-kube-controllers', image: 'docker.io/calico/kube-controllers:v3.28.0' },
  ],
});
export const calicoTypha = rawDeployment({
  namespace: 'calico-system',
  name: 'calico-typha',
  containers: [{ name: 'calico-typha', image: 'docker.io/calico/typha:v3.28.0' }],
});
export const tigeraOperator = rawDeployment({
  namespace: 'tigera-operator',
  name: 'tigera-operator',
  labels: { 'k8s-app': 'tigera-operator' },
  containers: [
    { name: 'tigera-operator', image: 'quay.io/tigera/operator:v1.34.0', command: ['operator'] },
  ],
});

// canal.yaml from the Calico docs.
export const canal = rawDaemonSet({
  namespace: 'kube-system',
  name: 'canal',
  labels: { 'k8s-app': 'canal' },
  containers: [
    {
      name: 'calico-node',
      image: 'docker.io/calico/node:v3.28.0',
      env: [{ name: 'CALICO_NETWORKING_BACKEND', value: 'none' }],
    },
    {
      name: 'kube-flannel',
      image: 'docker.io/flannel/flannel:v0.24.4',
      command: ['/opt/bin/flanneld', '--ip-masq'],
    },
  ],
  initContainers: [
    {
      name: 'install-cni',
      image: 'docker.io/calico/cni:v3.28.0',
      command: ['/opt/cni/bin/install'],
    },
  ],
});
// RKE2's canal chart: renamed, hardened images.
export const rke2Canal = rawDaemonSet({
  namespace: 'kube-system',
  name: 'rke2-canal',
  labels: { 'k8s-app': 'canal', 'app.kubernetes.io/managed-by': 'Helm' },
  containers: [
    { name: 'calico-node', image: 'rancher/hardened-calico:v3.28.1-build20240806' },
    { name: 'kube-flannel', image: 'rancher/hardened-flannel:v0.25.5-build20240801' },
  ],
  initContainers: [{ name: 'install-cni', image: 'rancher/hardened-calico:v3.28.1-build20240806' }],
});

// kube-flannel.yml (flannel v0.25).
export const kubeFlannelDs = rawDaemonSet({
  namespace: 'kube-flannel',
  name: 'kube-flannel-ds',
  labels: { app: 'flannel', 'k8s-app': 'flannel', tier: 'node' },
  containers: [
    {
      name: 'kube-flannel',
      image: 'docker.io/flannel/flannel:v0.25.5',
      command: ['/opt/bin/flanneld'],
      args: ['--ip-masq', '--kube-subnet-mgr'],
      env: [
        { name: 'POD_NAME', valueFrom: fieldRef('metadata.name') },
        { name: 'POD_NAMESPACE', valueFrom: fieldRef('metadata.namespace') },
        { name: 'EVENT_QUEUE_DEPTH', value: '5000' },
      ],
    },
  ],
  initContainers: [
    {
      name: 'install-cni-plugin',
      image: 'docker.io/flannel/flannel-cni-plugin:v1.5.1-flannel2',
      command: ['cp'],
    },
    { name: 'install-cni', image: 'docker.io/flannel/flannel:v0.25.5', command: ['cp'] },
  ],
});
// The 2020 manifest: one DaemonSet per architecture, CoreOS images.
export const kubeFlannelDsAmd64 = rawDaemonSet({
  namespace: 'kube-system',
  name: 'kube-flannel-ds-amd64',
  labels: { app: 'flannel', tier: 'node' },
  containers: [
    {
      name: 'kube-flannel',
      image: 'quay.io/coreos/flannel:v0.12.0-amd64',
      command: ['/opt/bin/flanneld'],
      args: ['--ip-masq', '--kube-subnet-mgr'],
    },
  ],
  initContainers: [
    { name: 'install-cni', image: 'quay.io/coreos/flannel:v0.12.0-amd64', command: ['cp'] },
  ],
});

// kube-router's generic manifests: full (router, firewall, proxy) and firewall-only beside flannel.
export const kubeRouter = (args: string[]): Raw =>
  rawDaemonSet({
    namespace: 'kube-system',
    name: 'kube-router',
    labels: { 'k8s-app': 'kube-router', tier: 'node' },
    containers: [
      {
        name: 'kube-router',
        image: 'docker.io/cloudnativelabs/kube-router:v2.2.0',
        args,
        env: [
          { name: 'NODE_NAME', valueFrom: fieldRef('spec.nodeName') },
          { name: 'KUBE_ROUTER_CNI_CONF_FILE', value: '/etc/cni/net.d/10-kuberouter.conflist' },
        ],
      },
    ],
    initContainers: [
      {
        name: 'install-cni',
        image: 'docker.io/cloudnativelabs/kube-router:v2.2.0',
        command: ['/bin/sh', '-c', 'set -e -x; cp /etc/kube-router/cni-conf.json ${TMP}'],
      },
    ],
  });

export const kubeNetworkPolicies = rawDaemonSet({
  namespace: 'kube-system',
  name: 'kube-network-policies',
  labels: { app: 'kube-network-policies', 'k8s-app': 'kube-network-policies' },
  containers: [
    {
      name: 'kube-network-policies',
      image: 'registry.k8s.io/networking/kube-network-policies:v0.6.0',
      args: ['/bin/netpol', '--hostname-override=$(MY_NODE_NAME)', '--v=2'],
      env: [{ name: 'MY_NODE_NAME', valueFrom: fieldRef('spec.nodeName') }],
    },
  ],
});

// Cilium 1.15 Helm chart.
export const cilium = (
  agent: Partial<RawContainer> = {},
  image = 'quay.io/cilium/cilium:v1.15.6@sha256:6aa840986a3a9722cd967ef63248d675a87add7e1704740902d5d3162f0c0def',
): Raw =>
  rawDaemonSet({
    namespace: 'kube-system',
    name: 'cilium',
    labels: {
      'k8s-app': 'cilium',
      'app.kubernetes.io/name': 'cilium-agent',
      'app.kubernetes.io/part-of': 'cilium',
    },
    containers: [
      {
        name: 'cilium-agent',
        image,
        command: ['cilium-agent'],
        args: ['--config-dir=/tmp/cilium/config-map'],
        env: [
          { name: 'K8S_NODE_NAME', valueFrom: fieldRef('spec.nodeName') },
          { name: 'CILIUM_K8S_NAMESPACE', valueFrom: fieldRef('metadata.namespace') },
          { name: 'CILIUM_CLUSTERMESH_CONFIG', value: '/var/lib/cilium/clustermesh/' },
        ],
        ...agent,
      },
    ],
    initContainers: [
      { name: 'config', image, command: ['cilium-dbg', 'build-config'] },
      {
        name: 'mount-cgroup',
        image,
        command: ['sh', '-ec', 'cp /usr/bin/cilium-mount /hostbin/cilium-mount'],
      },
      { name: 'clean-cilium-state', image, command: ['/init-container.sh'] },
      { name: 'install-cni-binaries', image, command: ['/install-plugin.sh'] },
    ],
  });
export const ciliumOperator = rawDeployment({
  namespace: 'kube-system',
  name: 'cilium-operator',
  labels: {
    'io.cilium/app': 'operator',
    name: 'cilium-operator',
    'app.kubernetes.io/name': 'cilium-operator',
  },
  containers: [
    {
      name: 'cilium-operator',
      image: 'quay.io/cilium/operator-generic:v1.15.6',
      command: ['cilium-operator-generic'],
      args: ['--config-dir=/tmp/cilium/config-map'],
    },
  ],
});
// GKE Dataplane V2.
export const gkeAnetd = rawDaemonSet({
  namespace: 'kube-system',
  name: 'anetd',
  labels: { 'k8s-app': 'cilium', 'addonmanager.kubernetes.io/mode': 'Reconcile' },
  containers: [
    {
      name: 'cilium-agent',
      image: 'gke.gcr.io/cilium/cilium:v1.14.12-gke3700',
      command: ['cilium-agent'],
    },
  ],
});

// antrea.yml (Antrea v2.1).
export const antreaAgent = rawDaemonSet({
  namespace: 'kube-system',
  name: 'antrea-agent',
  labels: { app: 'antrea', component: 'antrea-agent' },
  containers: [
    {
      name: 'antrea-agent',
      image: 'antrea/antrea-agent-ubuntu:v2.1.0',
      command: ['antrea-agent'],
      args: ['--config=/etc/antrea/antrea-agent.conf', '--logtostderr=false'],
    },
    { name: 'antrea-ovs', image: 'antrea/antrea-agent-ubuntu:v2.1.0', command: ['start_ovs'] },
  ],
  initContainers: [
    { name: 'install-cni', image: 'antrea/antrea-agent-ubuntu:v2.1.0', command: ['install_cni'] },
  ],
});
export const antreaController = rawDeployment({
  namespace: 'kube-system',
  name: 'antrea-controller',
  labels: { app: 'antrea', component: 'antrea-controller' },
  containers: [
    {
      name: 'antrea-controller',
      image: 'antrea/antrea-controller-ubuntu:v2.1.0',
      command: ['antrea-controller'],
    },
  ],
});

// Weave Net 2.8.1 (weave-daemonset-k8s.yaml), with and without its policy controller.
const weaveContainer: RawContainer = {
  name: 'weave',
  image: 'weaveworks/weave-kube:latest',
  command: ['/home/weave/launch.sh'],
  env: [
    { name: 'INIT_CONTAINER', value: 'true' },
    { name: 'HOSTNAME', valueFrom: fieldRef('spec.nodeName') },
  ],
};
export const weaveNet = rawDaemonSet({
  namespace: 'kube-system',
  name: 'weave-net',
  labels: { name: 'weave-net' },
  containers: [
    weaveContainer,
    {
      name: 'weave-npc',
      image: 'weaveworks/weave-npc:latest',
      env: [{ name: 'HOSTNAME', valueFrom: fieldRef('spec.nodeName') }],
    },
  ],
  initContainers: [
    { name: 'weave-init', image: 'weaveworks/weave-kube:latest', command: ['/home/weave/init.sh'] },
  ],
});
export const weaveNetWithoutNpc = rawDaemonSet({
  namespace: 'kube-system',
  name: 'weave-net',
  labels: { name: 'weave-net' },
  containers: [weaveContainer],
  initContainers: [
    { name: 'weave-init', image: 'weaveworks/weave-kube:latest', command: ['/home/weave/init.sh'] },
  ],
});

// The EKS managed add-on; `enableNetworkPolicy` toggles the node agent's flag.
const ecr = '602401143452.dkr.ecr.us-west-2.amazonaws.com';
const awsNodeContainer: RawContainer = {
  name: 'aws-node',
  image: `${ecr}/amazon-k8s-cni:v1.18.3-eksbuild.1`,
  env: [
    { name: 'ADDITIONAL_ENI_TAGS', value: '{}' },
    { name: 'AWS_VPC_K8S_CNI_LOGLEVEL', value: 'DEBUG' },
    { name: 'NETWORK_POLICY_ENFORCING_MODE', value: 'standard' },
    { name: 'MY_NODE_NAME', valueFrom: fieldRef('spec.nodeName') },
  ],
};
const awsInit: RawContainer = {
  name: 'aws-vpc-cni-init',
  image: `${ecr}/amazon-k8s-cni-init:v1.18.3-eksbuild.1`,
};
export const awsNode = (enableNetworkPolicy: boolean): Raw =>
  rawDaemonSet({
    namespace: 'kube-system',
    name: 'aws-node',
    labels: {
      'k8s-app': 'aws-node',
      'app.kubernetes.io/name': 'aws-node',
      'app.kubernetes.io/instance': 'aws-vpc-cni',
    },
    containers: [
      awsNodeContainer,
      {
        name: 'aws-eks-nodeagent',
        image: `${ecr}/amazon/aws-network-policy-agent:v1.1.2-eksbuild.1`,
        args: [
          '--enable-ipv6=false',
          `--enable-network-policy=${enableNetworkPolicy}`,
          '--enable-cloudwatch-logs=false',
          '--enable-policy-event-logs=false',
          '--log-file=/var/log/aws-routed-eni/network-policy-agent.log',
          '--metrics-bind-addr=:8162',
          '--health-probe-bind-addr=:8163',
          '--conntrack-cache-cleanup-period=300',
        ],
        env: [{ name: 'MY_NODE_NAME', valueFrom: fieldRef('spec.nodeName') }],
      },
    ],
    initContainers: [awsInit],
  });
// VPC CNI before v1.14: no network policy agent at all.
export const awsNodeWithoutAgent = rawDaemonSet({
  namespace: 'kube-system',
  name: 'aws-node',
  labels: { 'k8s-app': 'aws-node' },
  containers: [{ ...awsNodeContainer, image: `${ecr}/amazon-k8s-cni:v1.12.6-eksbuild.2` }],
  initContainers: [{ ...awsInit, image: `${ecr}/amazon-k8s-cni-init:v1.12.6-eksbuild.2` }],
});

// AKS: Azure CNI's container networking service, Azure NPM, and Azure CNI powered by Cilium.
export const azureCns = rawDaemonSet({
  namespace: 'kube-system',
  name: 'azure-cns',
  labels: { 'k8s-app': 'azure-cns', 'kubernetes.azure.com/managedby': 'aks' },
  containers: [
    {
      name: 'cns-container',
      image: 'mcr.microsoft.com/containernetworking/azure-cns:v1.5.32',
      args: ['-c', 'tcp://$(CNSIpAddress):$(CNSPort)', '-t', '$(CNSLogTarget)'],
    },
  ],
  initContainers: [
    {
      name: 'cni-installer',
      image: 'mcr.microsoft.com/containernetworking/azure-cni:v1.5.32',
      command: ['/dropgz'],
    },
  ],
});
export const azureNpm = rawDaemonSet({
  namespace: 'kube-system',
  name: 'azure-npm',
  labels: { app: 'azure-npm', 'addonmanager.kubernetes.io/mode': 'Reconcile' },
  containers: [
    {
      name: 'azure-npm',
      image: 'mcr.microsoft.com/containernetworking/azure-npm:v1.5.34',
      command: ['azure-npm', 'start'],
    },
  ],
});
export const aksCilium = cilium({}, 'mcr.microsoft.com/oss/cilium/cilium:1.14.10-1');

// OpenShift 4.15: images come by digest from the release payload.
const ocpImage =
  'quay.io/openshift-release-dev/ocp-v4.0-art-dev@sha256:3b4f5c3d1e0f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0a1b';
export const ovnkubeNode = rawDaemonSet({
  namespace: 'openshift-ovn-kubernetes',
  name: 'ovnkube-node',
  labels: { 'networkoperator.openshift.io/generates-operator-status': 'stand-alone' },
  containers: [
    'ovn-controller',
    'ovn-acl-logging',
    'kube-rbac-proxy-node',
    'northd',
    'nbdb',
    'sbdb',
    'ovnkube-controller',
  ].map((name) => ({
    name,
    image: ocpImage,
    command: ['/bin/bash', '-c', `exec ${name}`],
  })),
  initContainers: [{ name: 'kubecfg-setup', image: ocpImage }],
});
export const ovnkubeControlPlane = rawDeployment({
  namespace: 'openshift-ovn-kubernetes',
  name: 'ovnkube-control-plane',
  containers: [
    { name: 'kube-rbac-proxy', image: ocpImage },
    { name: 'ovnkube-cluster-manager', image: ocpImage },
  ],
});
export const openshiftSdn = rawDaemonSet({
  namespace: 'openshift-sdn',
  name: 'sdn',
  labels: { app: 'sdn', component: 'network', type: 'infra' },
  containers: [
    {
      name: 'sdn',
      image: ocpImage,
      command: [
        '/bin/bash',
        '-c',
        'exec openshift-sdn-node --node-name ${K8S_NODE_NAME} --v ${OPENSHIFT_SDN_LOG_LEVEL:-2}',
      ],
    },
    { name: 'kube-rbac-proxy', image: ocpImage },
  ],
});
export const openshiftSdnController = rawDaemonSet({
  namespace: 'openshift-sdn',
  name: 'sdn-controller',
  labels: { app: 'sdn-controller' },
  containers: [{ name: 'sdn-controller', image: ocpImage }],
});

// kind v0.24.
export const kindnet = (args?: string[]): Raw =>
  rawDaemonSet({
    namespace: 'kube-system',
    name: 'kindnet',
    labels: { app: 'kindnet', 'k8s-app': 'kindnet', tier: 'node' },
    containers: [
      {
        name: 'kindnet-cni',
        image: 'docker.io/kindest/kindnetd:v20240813-c6f155d6',
        ...(args ? { args } : {}),
        env: [
          { name: 'HOST_IP', valueFrom: fieldRef('status.hostIP') },
          { name: 'POD_IP', valueFrom: fieldRef('status.podIP') },
          { name: 'POD_SUBNET', value: '10.244.0.0/16' },
          { name: 'CONTROL_PLANE_ENDPOINT', value: 'kind-control-plane:6443' },
        ],
      },
    ],
  });

// Present in every cluster and not CNIs.
export const kubeProxy = rawDaemonSet({
  namespace: 'kube-system',
  name: 'kube-proxy',
  labels: { 'k8s-app': 'kube-proxy' },
  containers: [
    {
      name: 'kube-proxy',
      image: 'registry.k8s.io/kube-proxy:v1.30.2',
      command: ['/usr/local/bin/kube-proxy', '--config=/var/lib/kube-proxy/config.conf'],
    },
  ],
});
export const coreDns = rawDeployment({
  namespace: 'kube-system',
  name: 'coredns',
  labels: { 'k8s-app': 'kube-dns' },
  containers: [
    {
      name: 'coredns',
      image: 'registry.k8s.io/coredns/coredns:v1.11.1',
      args: ['-conf', '/etc/coredns/Corefile'],
    },
  ],
});
