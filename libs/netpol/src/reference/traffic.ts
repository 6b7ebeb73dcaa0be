import type { IpAddress } from '../cidr/ip-address';
import type { Inventory, Pod } from '../inventory/inventory';
import { NAMESPACE_NAME_LABEL } from '../inventory/inventory';
import type { Protocol } from '../ports/protocol';
import type { Labels } from '../selector/label-selector';

/** One end of a connection: a pod, or an address outside the cluster's pods. */
export type Endpoint =
  | { readonly kind: 'pod'; readonly pod: Pod }
  | { readonly kind: 'external'; readonly ip: IpAddress };

/** A connection attempt: from `src` to `dst` on one protocol and port. Replies are implied. */
export interface Traffic {
  readonly src: Endpoint;
  readonly dst: Endpoint;
  readonly protocol: Protocol;
  readonly port: number;
}

/** Choices the API reference leaves to the implementation. */
export interface EvaluationOptions {
  /**
   * Whether an ipBlock also selects pods whose (primary) IP lies in it. The API reference says
   * ipBlocks are meant for cluster-external addresses and that pod IPs are "ephemeral and
   * unpredictable"; plugins differ. Default false.
   */
  readonly ipBlockMatchesPods: boolean;
  /**
   * How pods with `hostNetwork: true` are treated. The API reference leaves NetworkPolicy
   * behaviour for them undefined; most CNIs do not isolate them. `'as-pods'` (default, as the
   * public connectivity tools do) evaluates them like any pod; `'unrestricted'` never isolates
   * them, the widest view. Outputs warn whenever such pods are present.
   */
  readonly hostNetwork: 'as-pods' | 'unrestricted';
}

export const DEFAULT_OPTIONS: EvaluationOptions = Object.freeze({
  ipBlockMatchesPods: false,
  hostNetwork: 'as-pods',
});

/** Labels of a namespace; one the inventory does not define carries only its name label. */
export function namespaceLabels(inventory: Inventory, name: string): Labels {
  return inventory.namespaces.get(name)?.labels ?? { [NAMESPACE_NAME_LABEL]: name };
}

/** Namespace of the synthetic ingress-controller pod that Ingress/Route reachability uses. */
export const INGRESS_CONTROLLER_NAMESPACE = 'fenceline-ingress-controller';

/**
 * The ingress controller as a pod: no labels, in its own namespace with no policies, so only
 * rules that admit pods of any namespace (`namespaceSelector: {}`) or any peer admit it.
 */
export const INGRESS_CONTROLLER_POD: Pod = Object.freeze({
  id: '{ingress-controller}',
  namespace: INGRESS_CONTROLLER_NAMESPACE,
  name: 'ingress-controller',
  labels: {},
  ips: [],
  hostNetwork: false,
  ports: [],
  workload: {
    kind: 'IngressController',
    namespace: INGRESS_CONTROLLER_NAMESPACE,
    name: '{ingress-controller}',
  },
  fromTemplate: true,
  ref: {
    kind: 'IngressController',
    namespace: INGRESS_CONTROLLER_NAMESPACE,
    name: 'ingress-controller',
  },
});
