import {
  defaultDenyOf,
  isCatchAll,
  isMatchAll,
  tierPolicies,
  clusterRuleRef,
  type Direction,
  type Pod,
} from '@fenceline/netpol';
import type { Evidence } from '../framework/types';
import { policyName, type CheckContext } from './check-context';
import { fromSubjects, notApplicable, type Check, type CheckOutcome } from './check-outcome';
import { clusterRuleText, selectionText } from './tier-evidence';

/**
 * A pod the namespace does not have yet: no labels, no ports, no address. Only what selects
 * every pod of the namespace (`podSelector: {}`, a cluster subject naming the namespace alone)
 * is sure to select it, so what makes it default deny is a namespace-wide default.
 */
export function probePod(namespace: string): Pod {
  const ref = { kind: 'Pod', namespace, name: '(any new pod)' };
  return {
    id: `(probe)/${namespace}`,
    namespace,
    name: ref.name,
    labels: {},
    ips: [],
    hostNetwork: false,
    ports: [],
    workload: { kind: 'Pod', namespace, name: ref.name },
    fromTemplate: true,
    ref,
  };
}

/**
 * NSA/CISA Kubernetes Hardening Guidance v1.2 ("Network policies": "create a default policy
 * that selects all pods and denies all traffic"): every namespace has a namespace-wide default
 * deny for `direction`. Either a NetworkPolicy with `podSelector: {}` isolates the direction and
 * no such policy re-opens it with a rule that admits every peer on every port (which would make
 * it allow-all, not deny-all); or a cluster policy whose subject is the whole namespace has a
 * catch-all Deny that decides (Admin tier: rules before it are exceptions; Baseline tier: where
 * no NetworkPolicy isolates). An Admin-tier catch-all Accept for the namespace overrides its
 * NetworkPolicies and fails it. Decided with netpol's `defaultDenyOf` on a pod the namespace
 * does not have yet ({@link probePod}). Subjects are namespaces (none exempt: waive system
 * namespaces explicitly).
 * See https://kubernetes.io/docs/concepts/services-networking/network-policies/#default-policies
 */
export function namespaceDefaultDeny(direction: Direction): Check {
  return (ctx: CheckContext): CheckOutcome => {
    const namespaces = ctx.namespaces;
    if (namespaces.length === 0) return notApplicable('no namespace in the inventory');
    const failures: Evidence[] = [];
    const details: Evidence[] = [];
    for (const namespace of namespaces) {
      const verdict = namespaceVerdict(ctx, namespace, direction);
      if (verdict.pass) details.push({ namespace, direction, defaultDeny: verdict.defaultDeny });
      else failures.push({ namespace, direction, ...verdict.failure });
    }
    return fromSubjects(namespaces.length, failures, details);
  };
}

type NamespaceVerdict =
  | { readonly pass: true; readonly defaultDeny: string[] }
  | { readonly pass: false; readonly failure: Evidence };

function namespaceVerdict(
  ctx: CheckContext,
  namespace: string,
  direction: Direction,
): NamespaceVerdict {
  const probe = probePod(namespace);
  const source = defaultDenyOf(ctx.inventory, probe, direction, ctx.compiled.options);
  if (source?.by === 'ClusterPolicy') {
    const rule = clusterRuleText(source, direction);
    const policy = ctx.inventory.clusterPolicies.find(
      (p) => p.kind === source.policy.kind && p.name === source.policy.name,
    );
    if (!policy || !policy.subject.podSelector || isMatchAll(policy.subject.podSelector))
      return { pass: true, defaultDeny: [rule] };
    return {
      pass: false,
      failure: {
        reason: `${rule} denies by default only the pods its subject selects (${selectionText(policy.subject)})`,
      },
    };
  }
  const selectingAll = ctx.inventory.policies.filter(
    (p) => p.namespace === namespace && isMatchAll(p.podSelector) && p.isolates[direction],
  );
  const allowAllRules = (p: (typeof selectingAll)[number]) =>
    p[direction].filter((r) => r.peers === undefined && r.ports.length === 0).map((r) => r.index);
  const allowAll = selectingAll.filter((p) => allowAllRules(p).length > 0);
  if (source?.by === 'NetworkPolicy' && selectingAll.length > 0 && allowAll.length === 0)
    return { pass: true, defaultDeny: selectingAll.map(policyName) };
  if (selectingAll.length > 0 && allowAll.length === 0) {
    // The NetworkPolicies would deny by default, but the Admin tier decides first.
    return {
      pass: false,
      failure: {
        reason: `an Admin-tier catch-all Accept overrides the podSelector {} policies`,
        overriddenBy: adminCatchAll(ctx, probe, direction),
        policies: selectingAll.map(policyName),
      },
    };
  }
  return {
    pass: false,
    failure: {
      reason:
        selectingAll.length === 0
          ? `no policy with podSelector {} isolates ${direction}`
          : `podSelector {} polic${allowAll.length === 1 ? 'y' : 'ies'} allow every peer on every port`,
      ...(allowAll.length > 0
        ? { allowAll: allowAll.map((p) => ({ policy: policyName(p), rules: allowAllRules(p) })) }
        : {}),
    },
  };
}

/** The Admin-tier catch-all rule that decides for the namespace, as text. */
function adminCatchAll(ctx: CheckContext, probe: Pod, direction: Direction): string | undefined {
  for (const policy of tierPolicies(ctx.inventory, 'Admin', probe, direction)) {
    const rule = policy[direction].find((r) => isCatchAll(r, direction));
    if (rule) return clusterRuleText(clusterRuleRef(policy, rule), direction);
  }
  return undefined;
}
