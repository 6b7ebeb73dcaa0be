import type { IpAddress } from '../cidr/ip-address';
import type { ObjectRef } from '../errors/object-ref';
import type { ValidationIssue } from '../errors/validation-issue';
import type { ClusterPolicy } from '../cluster/cluster-policy';
import type { AntreaObjects } from '../cni/antrea/antrea-objects';
import type { CalicoObjects } from '../cni/calico/calico-objects';
import type { CiliumObjects } from '../cni/cilium/cilium-objects';
import type { CniObject } from '../cni/cni-collectors';
import type { NetworkPolicy } from '../policy/network-policy';
import type { Protocol } from '../ports/protocol';
import type { Labels } from '../selector/label-selector';

/** Label the API server sets on every namespace (immutable, always equal to the name). */
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

export interface Namespace {
  readonly name: string;
  /** Always includes `kubernetes.io/metadata.name=<name>`. */
  readonly labels: Labels;
  /** False when the namespace was only referenced (by a pod or policy), not defined. */
  readonly defined: boolean;
}

/** What pods are reported as: their controlling owner, or the pod itself. */
export interface WorkloadRef {
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
}

/**
 * How pods are named: `top` follows the owner chain the inventory holds (Pod → ReplicaSet →
 * Deployment, Pod → Job → CronJob) to its end, a name that survives a rollout; `direct` names the
 * pod's own controller (`ns/web-5c6d8f[ReplicaSet]`), as np-guard does.
 */
export type WorkloadNaming = 'top' | 'direct';

/** Choices made once, while the inventory is built. */
export interface InventoryOptions {
  /** Default `top`. */
  readonly workloadName?: WorkloadNaming;
  /**
   * The cluster's CNI as the user states it (`--cni calico|cilium|antrea|flannel|…`): only its
   * own policy kinds are enforced (`canal` is Calico's).
   */
  readonly cni?: string;
  /**
   * The CNI the agent detected: decides like `cni` when it is one whose policies the engine
   * evaluates; another (flannel, aws-vpc-cni) does not exclude a policy engine installed beside
   * it (Calico in policy-only mode), so the objects present are then evaluated.
   */
  readonly detectedCni?: string;
}

/**
 * One link of an owner chain: a ReplicaSet or Job and the controller that owns it
 * (`metadata.ownerReferences[]` with `controller: true`; the owner is in the same namespace).
 */
export interface ControllerLink {
  readonly ref: ObjectRef;
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
  readonly owner: { readonly kind: string; readonly name: string };
}

/** A container port; named ports are what NetworkPolicy named ports resolve against. */
export interface ContainerPort {
  readonly name: string | undefined;
  readonly port: number;
  readonly protocol: Protocol;
}

/**
 * A pod: a real Pod object, or the pod a workload's template would create (`fromTemplate`,
 * which has no IP).
 */
export interface Pod {
  /** Unique within an inventory: `namespace/name` for real pods, `Kind:namespace/name` for templates. */
  readonly id: string;
  readonly namespace: string;
  readonly name: string;
  readonly labels: Labels;
  /** Primary address first (status.podIPs order). Empty when unknown. */
  readonly ips: readonly IpAddress[];
  readonly hostNetwork: boolean;
  readonly ports: readonly ContainerPort[];
  readonly workload: WorkloadRef;
  /**
   * The pod's own controller when `workload` names one further up the owner chain (`top`
   * naming); absent when the two are the same.
   */
  readonly directWorkload?: WorkloadRef;
  readonly fromTemplate: boolean;
  readonly ref: ObjectRef;
  /**
   * `spec.serviceAccountName` when set (Calico and Cilium policies can select by it); the API
   * server defaults it to `default`.
   */
  readonly serviceAccount?: string;
}

export interface ServicePort {
  readonly name: string | undefined;
  readonly port: number;
  /** Defaults to `port`; a string is a container port name on the selected pods. */
  readonly targetPort: number | string;
  readonly protocol: Protocol;
}

export interface Service {
  readonly ref: ObjectRef;
  readonly namespace: string;
  readonly name: string;
  /** `spec.selector`; undefined for a service without selector (it selects no pods). */
  readonly selector: Labels | undefined;
  readonly ports: readonly ServicePort[];
}

/**
 * A route from outside through the cluster's ingress controller to a service: one backend of an
 * Ingress, or an OpenShift Route. `port` undefined means every port of the service.
 */
export interface Exposure {
  readonly ref: ObjectRef;
  readonly namespace: string;
  readonly service: string;
  /** Ingress: service port number or name. Route: target port number, or service port name. */
  readonly port:
    { readonly kind: 'servicePort' | 'targetPort'; readonly value: number | string } | undefined;
}

/**
 * A node (`v1` Node): its labels (what `nodes` peers select) and its InternalIP and ExternalIP
 * addresses (what they then match). Other address types (Hostname, InternalDNS) are names.
 */
export interface InventoryNode {
  readonly ref: ObjectRef;
  readonly name: string;
  readonly labels: Labels;
  /** In `status.addresses` order, duplicates removed. */
  readonly addresses: readonly IpAddress[];
}

/** Everything the engine knows about one cluster (or one set of manifests). */
export interface Inventory {
  readonly namespaces: ReadonlyMap<string, Namespace>;
  readonly pods: readonly Pod[];
  readonly policies: readonly NetworkPolicy[];
  /**
   * ClusterNetworkPolicy, AdminNetworkPolicy and BaselineAdminNetworkPolicy objects, in input
   * order (evaluation sorts them per tier).
   */
  readonly clusterPolicies: readonly ClusterPolicy[];
  readonly services: readonly Service[];
  readonly exposures: readonly Exposure[];
  /** The owner-chain links read from ReplicaSet and Job objects, in input order. */
  readonly controllers: readonly ControllerLink[];
  /** The Node objects read, in input order; empty when `nodesKnown` is false. */
  readonly nodes: readonly InventoryNode[];
  /**
   * Whether the input held Node objects at all. Without them `nodes` peers cannot be resolved
   * (they match nothing and are reported as not evaluated); with them they match node IPs.
   */
  readonly nodesKnown: boolean;
  /** Objects of kinds the engine does not evaluate, counted per `apiVersion/kind`. */
  readonly ignoredKinds: Readonly<Record<string, number>>;
  /** Calico's own policies, tiers and network sets, when the input holds any. */
  readonly calico?: CalicoObjects;
  /** Cilium's own policies, when the input holds any. */
  readonly cilium?: CiliumObjects;
  /** Antrea's own policies, tiers and groups, when the input holds any. */
  readonly antrea?: AntreaObjects;
  /** The cluster's CNI, when stated (see {@link InventoryOptions.cni}). */
  readonly cni?: string;
  /** The CNI the agent detected (see {@link InventoryOptions.detectedCni}). */
  readonly detectedCni?: string;
  /** Every CNI-native object read without issues, as written (what snapshots carry). */
  readonly cniObjects?: readonly CniObject[];
  /** Objects that were understood but deliberately left out, with the reason. */
  readonly skipped: readonly { readonly object: ObjectRef; readonly reason: string }[];
  readonly issues: readonly ValidationIssue[];
}
