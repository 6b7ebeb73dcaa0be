import { IpSet } from '../../cidr/ip-set';
import type { ChainPolicy, ChainRule, PolicyChain } from '../../chain/policy-chain';
import type { Inventory, Pod } from '../../inventory/inventory';
import type { Direction } from '../../policy/network-policy';
import { ConnectionSet } from '../../ports/connection-set';
import type { Endpoint, EvaluationOptions } from '../../reference/traffic';
import { matchesLabels } from '../../selector/label-selector';
import { CiliumContext } from './cilium-endpoint';
import { peerNotes, portRuleConnections, rulePeersMatch } from './cilium-match';
import type { CiliumPeer, CiliumPolicy, CiliumPolicySpec, CiliumRule } from './cilium-objects';
import { matchesCiliumSelector } from './cilium-selector';
import {
  CILIUM_TIERS,
  clusterPoliciesInCiliumChain,
  networkPolicyInCiliumChain,
} from './cilium-tiers';

type GroupPeer = Extract<CiliumPeer, { kind: 'cidrGroup' }>;

/**
 * Cilium's enforcement order of an inventory as an ordered chain (see {@link CILIUM_TIERS}):
 * every rule of every Cilium policy in the tier its action and `enableDefaultDeny` place it,
 * Kubernetes NetworkPolicies with the default-deny allows, cluster-scoped policies around them.
 * Host policies (`nodeSelector`) are out of scope and left out.
 * See https://docs.cilium.io/en/latest/security/policy/
 *
 * @example ciliumChain(inventory, DEFAULT_OPTIONS).tiers.map((t) => t.name)
 */
export function ciliumChain(inventory: Inventory, options: EvaluationOptions): PolicyChain {
  const context = new CiliumContext(inventory);
  const groups = inventory.cilium?.cidrGroups ?? [];
  const resolved = new Map<GroupPeer, IpSet>();
  const groupSet = (peer: GroupPeer): IpSet => {
    let set = resolved.get(peer);
    if (!set) {
      set = groups
        .filter((g) =>
          peer.name !== undefined
            ? g.name === peer.name
            : peer.selector !== undefined && matchesLabels(peer.selector, g.labels),
        )
        .reduce((acc, g) => acc.union(g.cidrs), IpSet.EMPTY);
      resolved.set(peer, set);
    }
    return set;
  };
  const build: SpecBuilder = { context, groupSet, groupNames: new Set(groups.map((g) => g.name)) };
  const policies: ChainPolicy[] = [
    ...clusterPoliciesInCiliumChain(inventory),
    ...(inventory.cilium?.policies ?? []).flatMap((p) =>
      p.specs.flatMap((spec) => specInChain(build, p, spec)),
    ),
    ...inventory.policies.map((p) => networkPolicyInCiliumChain(context, p, options)),
  ];
  return { cni: 'cilium', tiers: CILIUM_TIERS, policies };
}

interface SpecBuilder {
  readonly context: CiliumContext;
  readonly groupSet: (peer: GroupPeer) => IpSet;
  readonly groupNames: ReadonlySet<string>;
}

/**
 * The chain policies of one Cilium rule: its deny rules in `cilium-deny`, its allow rules in
 * `cilium-allow` for a default-deny direction and in `cilium-allow-additive` otherwise. A
 * default-deny direction applies its tier even without allow rules ("Pods will enter
 * default-deny mode as soon as a single policy selects it", deny-only policies included).
 */
function specInChain(
  build: SpecBuilder,
  policy: CiliumPolicy,
  spec: CiliumPolicySpec,
): ChainPolicy[] {
  const selector = spec.endpointSelector;
  if (!selector) return [];
  const { context } = build;
  // Cilium manages no host-network pod as an endpoint: host policies would govern those.
  const selected = new WeakMap<Pod, boolean>();
  const selects = (pod: Pod): boolean => {
    if (pod.hostNetwork || (policy.namespace !== undefined && pod.namespace !== policy.namespace))
      return false;
    let hit = selected.get(pod);
    if (hit === undefined) {
      hit = matchesCiliumSelector(selector, context.labelsOf(pod));
      selected.set(pod, hit);
    }
    return hit;
  };
  const kind = policy.kind === 'CiliumNetworkPolicy' ? 'cnp-cilium' : 'ccnp';
  const label = [kind, policy.namespace, policy.name].filter(Boolean).join('/');
  const base = {
    ref: policy.ref,
    kind,
    label: spec.index === undefined ? label : `${label}/specs[${spec.index}]`,
    order: undefined,
    tieKey: `${policy.namespace ?? ''}/${policy.name}/${spec.index ?? -1}`,
  };
  const rules = (direction: Direction, deny: boolean): ChainRule[] => {
    const list = deny
      ? direction === 'ingress'
        ? spec.ingressDeny
        : spec.egressDeny
      : spec[direction];
    const field = `${direction}${deny ? 'Deny' : ''}`;
    return list.flatMap((r) => chainRules(build, r, direction, deny ? 'Deny' : 'Allow', field));
  };
  const out: ChainPolicy[] = [];
  const denyCount = spec.ingressDeny.length + spec.egressDeny.length;
  if (denyCount > 0)
    out.push({
      ...base,
      tier: 'cilium-deny',
      applies: (pod, d) =>
        (d === 'ingress' ? spec.ingressDeny : spec.egressDeny).length > 0 && selects(pod),
      ingress: rules('ingress', true),
      egress: rules('egress', true),
    });
  const additive = (d: Direction): boolean => !spec.defaultDeny[d] && spec[d].length > 0;
  if (additive('ingress') || additive('egress'))
    out.push({
      ...base,
      tier: 'cilium-allow-additive',
      applies: (pod, d) => additive(d) && selects(pod),
      ingress: additive('ingress') ? rules('ingress', false) : [],
      egress: additive('egress') ? rules('egress', false) : [],
    });
  if (spec.defaultDeny.ingress || spec.defaultDeny.egress)
    out.push({
      ...base,
      tier: 'cilium-allow',
      applies: (pod, d) => spec.defaultDeny[d] && selects(pod),
      ingress: spec.defaultDeny.ingress ? rules('ingress', false) : [],
      egress: spec.defaultDeny.egress ? rules('egress', false) : [],
    });
  return out;
}

/**
 * One Cilium rule as chain rules: one per `toPorts` entry (each with its own L7 note), or one
 * for every port. The rule's peers are the other end; a rule with neither peers nor ports is
 * none (it only makes its direction default deny).
 */
function chainRules(
  build: SpecBuilder,
  rule: CiliumRule,
  direction: Direction,
  action: 'Allow' | 'Deny',
  field: string,
): ChainRule[] {
  if (rule.peers === undefined && rule.toPorts === undefined && !rule.icmps) return [];
  const { context, groupSet } = build;
  // One answer per pod, shared by the rule's toPorts entries (the model asks once per class).
  const byPod = new WeakMap<Pod, boolean>();
  const peer = (e: Endpoint): boolean => {
    if (e.kind !== 'pod') return rulePeersMatch(context, rule, e, action, groupSet);
    let hit = byPod.get(e.pod);
    if (hit === undefined) {
      hit = rulePeersMatch(context, rule, e, action, groupSet);
      byPod.set(e.pod, hit);
    }
    return hit;
  };
  const any = (): boolean => true;
  const side =
    direction === 'egress'
      ? { matchesSource: any, matchesDestination: peer }
      : { matchesSource: peer, matchesDestination: any };
  const notes = [...rule.notEvaluated, ...peerNotes(context, rule, build.groupNames)];
  const name = `${field}[${rule.index}]`;
  if (!rule.toPorts) {
    const all = rule.icmps ? ConnectionSet.NONE : ConnectionSet.ALL;
    return [
      {
        index: rule.index,
        name,
        action,
        ...side,
        namedPorts: false,
        connections: () => all,
        notEvaluated: notes,
      },
    ];
  }
  return rule.toPorts.map((entry, j) => ({
    index: rule.index,
    name: `${name}.toPorts[${j}]`,
    action,
    ...side,
    namedPorts: entry.ports.some((p) => p.port.kind === 'named'),
    connections: (dst: Endpoint) => portRuleConnections(entry, dst),
    notEvaluated: [...notes, ...entry.notEvaluated],
  }));
}
