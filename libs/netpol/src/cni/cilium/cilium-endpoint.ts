import { IpSet } from '../../cidr/ip-set';
import type { Inventory, Pod } from '../../inventory/inventory';
import { namespaceLabels, type Endpoint } from '../../reference/traffic';
import type { Labels } from '../../selector/label-selector';
import { CILIUM_LABELS } from './cilium-selector';

/**
 * Pod label keys Cilium leaves out of identities by default ("Cilium considers all labels to be
 * relevant for identities, with the following exceptions"); the patterns are anchored at the
 * start of the key, so each is a prefix.
 * See https://docs.cilium.io/en/latest/operations/performance/scalability/identity-relevant-labels/
 */
export const IDENTITY_IRRELEVANT_PREFIXES: readonly string[] = Object.freeze([
  'io.kubernetes',
  'kubernetes.io',
  'statefulset.kubernetes.io/pod-name',
  'apps.kubernetes.io/pod-index',
  'batch.kubernetes.io/job-completion-index',
  'batch.kubernetes.io/controller-uid',
  'beta.kubernetes.io',
  'k8s.io',
  'pod-template-generation',
  'pod-template-hash',
  'controller-revision-hash',
  'annotation',
  'controller-uid',
  'etcd_node',
]);

/** The cluster name Cilium uses unless configured (`cluster-name`). */
export const DEFAULT_CLUSTER_NAME = 'default';

/**
 * A pod's labels as Cilium endpoint selectors see them: its identity-relevant labels, the
 * namespace (`io.kubernetes.pod.namespace`), the namespace's labels under
 * `io.cilium.k8s.namespace.labels.`, the service account and the cluster name, all of source
 * `k8s` (`cilium-dbg endpoint list` shows them so).
 * See https://docs.cilium.io/en/latest/security/policy/kubernetes/
 */
export function ciliumPodLabels(inventory: Inventory, pod: Pod): Labels {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(pod.labels)) {
    if (!IDENTITY_IRRELEVANT_PREFIXES.some((p) => k.startsWith(p))) out[k] = v;
  }
  for (const [k, v] of Object.entries(namespaceLabels(inventory, pod.namespace)))
    out[`${CILIUM_LABELS.namespaceLabels}${k}`] = v;
  out[CILIUM_LABELS.namespace] = pod.namespace;
  out[CILIUM_LABELS.serviceAccount] = pod.serviceAccount ?? 'default';
  out[CILIUM_LABELS.cluster] = DEFAULT_CLUSTER_NAME;
  return out;
}

/**
 * What an endpoint is to Cilium: a `pod` endpoint it manages; a `node` (a host-network pod, or an
 * address of a known Node: the `host`/`remote-node` identities, "This also includes all
 * containers running in host networking mode"); or `world`, every other address ("all endpoints
 * outside of the cluster").
 * See https://docs.cilium.io/en/latest/security/policy/layer3/#entities-based
 */
export type CiliumPeerKind = 'pod' | 'node' | 'world';

/** What a chain's matchers share for one inventory: node addresses and cached pod labels. */
export class CiliumContext {
  /** The InternalIP/ExternalIP addresses of the inventory's nodes. */
  readonly nodeAddresses: IpSet;
  private readonly labels = new Map<Pod, Labels>();

  constructor(readonly inventory: Inventory) {
    this.nodeAddresses = IpSet.fromRanges(
      inventory.nodes.flatMap((n) =>
        n.addresses.map((a) => ({ family: a.family, first: a.value, last: a.value })),
      ),
    );
  }

  labelsOf(pod: Pod): Labels {
    let labels = this.labels.get(pod);
    if (!labels) {
      labels = ciliumPodLabels(this.inventory, pod);
      this.labels.set(pod, labels);
    }
    return labels;
  }

  kindOf(endpoint: Endpoint): CiliumPeerKind {
    if (endpoint.kind === 'pod') return endpoint.pod.hostNetwork ? 'node' : 'pod';
    return this.nodeAddresses.contains(endpoint.ip.family, endpoint.ip.value) ? 'node' : 'world';
  }
}
