/**
 * What the agent reads from the Kubernetes API. `inventory` objects become the snapshot's
 * namespaces, pods, policies (namespaced and cluster-scoped), services and exposures; `chain`
 * objects (ReplicaSets, Jobs) are kept as metadata only — name, namespace, controller owner —
 * to name pods by their top controller; `node` objects (Nodes) are kept as labels and
 * InternalIP/ExternalIP addresses only, for the `nodes` peers of cluster policies; `counted` objects are policy kinds the engine does not
 * evaluate, counted per `apiVersion/kind` (the snapshot's `ignoredKinds`) so reports can say
 * what was left out; `cni` objects only feed CNI detection.
 */
export type ResourceRole = 'inventory' | 'chain' | 'node' | 'counted' | 'cni';

export interface ResourceDef {
  /** Unique id, used in metrics and logs: `<group or core>/<resource>`. */
  readonly id: string;
  /** '' for the core group. */
  readonly group: string;
  /** Versions in order of preference; the first one the server serves is used. */
  readonly versions: readonly string[];
  readonly resource: string;
  readonly kind: string;
  readonly role: ResourceRole;
  /** Required resources must list before the first push; optional ones exist only with their CRD/API. */
  readonly required: boolean;
}

const def = (
  group: string,
  versions: readonly string[],
  resource: string,
  kind: string,
  role: ResourceRole,
  required = false,
): ResourceDef => ({
  id: `${group || 'core'}/${resource}`,
  group,
  versions,
  resource,
  kind,
  role,
  required,
});

/** The resources, in the order they are listed at start. ClusterRole rules mirror this list. */
export const RESOURCES: readonly ResourceDef[] = [
  def('', ['v1'], 'namespaces', 'Namespace', 'inventory', true),
  def('', ['v1'], 'pods', 'Pod', 'inventory', true),
  def('', ['v1'], 'services', 'Service', 'inventory', true),
  // Nodes (labels and addresses only) resolve the `nodes` peers of cluster policies. Optional:
  // where RBAC forbids them the agent carries on, and those peers are reported as not evaluated.
  def('', ['v1'], 'nodes', 'Node', 'node'),
  def('networking.k8s.io', ['v1'], 'networkpolicies', 'NetworkPolicy', 'inventory', true),
  def('networking.k8s.io', ['v1'], 'ingresses', 'Ingress', 'inventory'),
  def('route.openshift.io', ['v1'], 'routes', 'Route', 'inventory'),
  // The owner chain: Pod → ReplicaSet → Deployment, Pod → Job → CronJob.
  def('apps', ['v1'], 'replicasets', 'ReplicaSet', 'chain'),
  def('batch', ['v1'], 'jobs', 'Job', 'chain'),
  // The cluster-scoped tiers of the sig-network policy API (all three cluster-scoped).
  def(
    'policy.networking.k8s.io',
    ['v1alpha2'],
    'clusternetworkpolicies',
    'ClusterNetworkPolicy',
    'inventory',
  ),
  def(
    'policy.networking.k8s.io',
    ['v1alpha1'],
    'adminnetworkpolicies',
    'AdminNetworkPolicy',
    'inventory',
  ),
  def(
    'policy.networking.k8s.io',
    ['v1alpha1'],
    'baselineadminnetworkpolicies',
    'BaselineAdminNetworkPolicy',
    'inventory',
  ),
  // Calico keeps its objects in crd.projectcalico.org (projectcalico.org/v3 serves the same
  // objects through its API server: counting both would count each policy twice).
  def('crd.projectcalico.org', ['v1'], 'networkpolicies', 'NetworkPolicy', 'counted'),
  def('crd.projectcalico.org', ['v1'], 'globalnetworkpolicies', 'GlobalNetworkPolicy', 'counted'),
  def('crd.projectcalico.org', ['v1'], 'stagednetworkpolicies', 'StagedNetworkPolicy', 'counted'),
  def(
    'crd.projectcalico.org',
    ['v1'],
    'stagedglobalnetworkpolicies',
    'StagedGlobalNetworkPolicy',
    'counted',
  ),
  def(
    'crd.projectcalico.org',
    ['v1'],
    'stagedkubernetesnetworkpolicies',
    'StagedKubernetesNetworkPolicy',
    'counted',
  ),
  def('cilium.io', ['v2'], 'ciliumnetworkpolicies', 'CiliumNetworkPolicy', 'counted'),
  def(
    'cilium.io',
    ['v2'],
    'ciliumclusterwidenetworkpolicies',
    'CiliumClusterwideNetworkPolicy',
    'counted',
  ),
  def('crd.antrea.io', ['v1beta1', 'v1alpha1'], 'networkpolicies', 'NetworkPolicy', 'counted'),
  def(
    'crd.antrea.io',
    ['v1beta1', 'v1alpha1'],
    'clusternetworkpolicies',
    'ClusterNetworkPolicy',
    'counted',
  ),
  // CNI agents run on every node, so DaemonSets are where they show (read at start and resync).
  def('apps', ['v1'], 'daemonsets', 'DaemonSet', 'cni', true),
];

/** A resource at the version the server serves. */
export interface ServedResource extends ResourceDef {
  readonly version: string;
  readonly apiVersion: string;
  /** The cluster-wide collection path, e.g. `/api/v1/pods`, `/apis/networking.k8s.io/v1/networkpolicies`. */
  readonly path: string;
}

export function served(resource: ResourceDef, version: string): ServedResource {
  const apiVersion = resource.group ? `${resource.group}/${version}` : version;
  return {
    ...resource,
    version,
    apiVersion,
    path: resource.group
      ? `/apis/${apiVersion}/${resource.resource}`
      : `/api/${version}/${resource.resource}`,
  };
}
