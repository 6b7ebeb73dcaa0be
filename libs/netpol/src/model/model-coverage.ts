import type { ReachabilityModel } from './reachability-model';

/**
 * Pods, per namespace and in total, whose ingress / egress is default deny: isolated by a
 * NetworkPolicy or under a catch-all cluster-policy Deny (the `…IsolatedPods` names predate the
 * cluster tiers and are kept for the API).
 */
export interface Coverage {
  readonly totalPods: number;
  readonly ingressIsolatedPods: number;
  readonly egressIsolatedPods: number;
  readonly namespaces: readonly {
    readonly namespace: string;
    readonly totalPods: number;
    readonly ingressIsolatedPods: number;
    readonly egressIsolatedPods: number;
  }[];
}

/** {@link ReachabilityModel.coverage}: class by class, each counted for all its pods. */
export function modelCoverage(model: ReachabilityModel): Coverage {
  const perNs = new Map<
    string,
    {
      namespace: string;
      totalPods: number;
      ingressIsolatedPods: number;
      egressIsolatedPods: number;
    }
  >();
  for (const cls of model.pc.classes.slice(0, model.pc.ingressControllerId)) {
    const ns = perNs.get(cls.namespace) ?? {
      namespace: cls.namespace,
      totalPods: 0,
      ingressIsolatedPods: 0,
      egressIsolatedPods: 0,
    };
    ns.totalPods += cls.pods.length;
    if (model.isDefaultDeny(cls, 'ingress')) ns.ingressIsolatedPods += cls.pods.length;
    if (model.isDefaultDeny(cls, 'egress')) ns.egressIsolatedPods += cls.pods.length;
    perNs.set(cls.namespace, ns);
  }
  const namespaces = [...perNs.values()].sort((a, b) => (a.namespace < b.namespace ? -1 : 1));
  const sum = (f: (n: (typeof namespaces)[number]) => number): number =>
    namespaces.reduce((acc, n) => acc + f(n), 0);
  return {
    totalPods: sum((n) => n.totalPods),
    ingressIsolatedPods: sum((n) => n.ingressIsolatedPods),
    egressIsolatedPods: sum((n) => n.egressIsolatedPods),
    namespaces,
  };
}
