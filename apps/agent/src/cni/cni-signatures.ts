import type { CniWorkload } from './cni-workload';
import {
  awsVpcCniVerdict,
  ciliumVerdict,
  DOES_NOT_ENFORCE,
  ENFORCES,
  kindnetVerdict,
  kubeRouterVerdict,
  NOT_DECIDED,
  weaveVerdict,
  type CniVerdict,
} from './cni-verdicts';

/**
 * How one piece of a CNI is recognised. A workload matches when one of its containers runs one
 * of `images` or is named one of `containers`, or when the workload is named one of `workloads`.
 */
export interface CniSignature {
  /** The name detection reports. */
  readonly cni: string;
  /**
   * `agent`: the per-node DaemonSet that programs the dataplane; only it decides enforcement.
   * `companion`: operators, controllers and side DaemonSets, kept as evidence only (an operator
   * whose node agent is missing enforces nothing yet).
   */
  readonly role: 'agent' | 'companion';
  /** Repository paths, matched registry-independently by `imageMatches` (image-repository.ts). */
  readonly images: readonly string[];
  readonly containers: readonly string[];
  /** `namespace/name` pins the namespace; a bare name also matches a release prefix (`rke2-canal`). */
  readonly workloads: readonly string[];
  /** Decides enforcement for an agent DaemonSet. */
  readonly verdict: (workload: CniWorkload) => CniVerdict;
}

const agent = (cni: string, match: Omit<CniSignature, 'cni' | 'role'>): CniSignature => ({
  cni,
  role: 'agent',
  ...match,
});

const companion = (
  cni: string,
  match: Pick<CniSignature, 'images' | 'containers' | 'workloads'>,
): CniSignature => ({
  cni,
  role: 'companion',
  ...match,
  verdict: () => NOT_DECIDED,
});

/**
 * Canal: Calico's policy engine (felix) over Flannel's network, one DaemonSet running both.
 * A workload matching the agents of all of {@link CANAL_PARTS} is reported as canal too.
 */
export const CANAL: CniSignature = agent('canal', {
  images: [],
  containers: [],
  workloads: ['canal'],
  verdict: () => ENFORCES,
});
export const CANAL_PARTS: readonly string[] = ['calico', 'flannel'];

/** Every CNI piece detection knows. Order does not matter: results are sorted. */
export const CNI_SIGNATURES: readonly CniSignature[] = [
  agent('calico', {
    images: ['calico/node', 'calico/node-windows', 'tigera/cnx-node', 'rancher/hardened-calico'],
    containers: ['calico-node'],
    workloads: ['calico-node', 'calico-node-windows'],
    verdict: () => ENFORCES,
  }),
  companion('calico', {
    images: [
      'calico/kube-controllers',
      'calico/typha',
      'calico/apiserver',
      'calico/csi',
      'tigera/operator',
    ],
    containers: ['calico-kube-controllers', 'calico-typha', 'tigera-operator'],
    workloads: ['calico-kube-controllers', 'calico-typha', 'calico-apiserver', 'tigera-operator'],
  }),
  CANAL,
  agent('cilium', {
    images: ['cilium/cilium'],
    containers: ['cilium-agent'],
    // GKE Dataplane V2 runs Cilium as `anetd`.
    workloads: ['cilium', 'kube-system/anetd'],
    verdict: ciliumVerdict,
  }),
  companion('cilium', {
    images: [
      'cilium/operator',
      'cilium/operator-generic',
      'cilium/operator-aws',
      'cilium/operator-azure',
      'cilium/cilium-envoy',
      'cilium/hubble-relay',
    ],
    containers: ['cilium-operator', 'cilium-envoy'],
    workloads: ['cilium-operator', 'cilium-envoy'],
  }),
  agent('antrea', {
    images: [
      'antrea/antrea-agent-ubuntu',
      'antrea/antrea-agent-ubi',
      'antrea/antrea-ubuntu',
      'antrea/antrea-ubi',
    ],
    containers: ['antrea-agent'],
    workloads: ['antrea-agent'],
    verdict: () => ENFORCES,
  }),
  companion('antrea', {
    images: ['antrea/antrea-controller-ubuntu', 'antrea/antrea-controller-ubi'],
    containers: ['antrea-controller'],
    workloads: ['antrea-controller'],
  }),
  agent('weave', {
    images: ['weave-kube', 'weave-npc'],
    containers: ['weave-npc'],
    workloads: ['weave-net'],
    verdict: weaveVerdict,
  }),
  agent('kube-router', {
    images: ['kube-router', 'cloudnativelabs/kube-router'],
    containers: ['kube-router'],
    workloads: ['kube-router'],
    verdict: kubeRouterVerdict,
  }),
  agent('flannel', {
    images: [
      'flannel/flannel',
      'coreos/flannel',
      'flannelcni/flannel',
      'flannel/flannel-cni-plugin',
      'flannelcni/flannel-cni-plugin',
      'rancher/hardened-flannel',
    ],
    containers: ['kube-flannel'],
    workloads: ['kube-flannel-ds', 'kube-flannel', 'flannel'],
    verdict: () => DOES_NOT_ENFORCE,
  }),
  agent('aws-vpc-cni', {
    images: ['amazon-k8s-cni', 'amazon-k8s-cni-init', 'amazon/aws-network-policy-agent'],
    containers: ['aws-node', 'aws-eks-nodeagent'],
    workloads: ['aws-node'],
    verdict: awsVpcCniVerdict,
  }),
  agent('azure-cni', {
    images: ['containernetworking/azure-cns', 'containernetworking/azure-cni'],
    containers: ['azure-cns'],
    workloads: ['azure-cns', 'azure-cns-win'],
    verdict: () => DOES_NOT_ENFORCE,
  }),
  agent('azure-npm', {
    images: ['containernetworking/azure-npm'],
    containers: ['azure-npm'],
    workloads: ['azure-npm', 'azure-npm-win'],
    verdict: () => ENFORCES,
  }),
  agent('ovn-kubernetes', {
    images: ['ovn-kube-ubuntu', 'ovn-kube-fedora'],
    containers: ['ovnkube-node', 'ovnkube-controller'],
    workloads: ['ovnkube-node'],
    verdict: () => ENFORCES,
  }),
  companion('ovn-kubernetes', {
    images: [],
    containers: ['ovnkube-master', 'ovnkube-cluster-manager'],
    workloads: ['ovnkube-master', 'ovnkube-control-plane', 'ovnkube-db'],
  }),
  // OpenShift SDN ships its images by digest from the release payload: known by object names only.
  // Its mode (NetworkPolicy, Multitenant, Subnet) lives in the cluster Network config, out of
  // reach here; the default NetworkPolicy mode is assumed and said so in the evidence.
  agent('openshift-sdn', {
    images: [],
    containers: [],
    workloads: ['openshift-sdn/sdn'],
    verdict: () => ({ enforces: true, note: 'default NetworkPolicy mode assumed' }),
  }),
  companion('openshift-sdn', {
    images: [],
    containers: [],
    workloads: ['openshift-sdn/sdn-controller', 'openshift-sdn/ovs'],
  }),
  agent('kindnet', {
    images: ['kindnetd'],
    containers: ['kindnet-cni'],
    workloads: ['kindnet'],
    verdict: kindnetVerdict,
  }),
  agent('kube-network-policies', {
    images: ['kube-network-policies'],
    containers: ['kube-network-policies'],
    workloads: ['kube-network-policies'],
    verdict: () => ENFORCES,
  }),
];
