import type { ChainAction, ChainRule } from '../../chain/policy-chain';
import type { Pod } from '../../inventory/inventory';
import type { Direction } from '../../policy/network-policy';
import type { Endpoint } from '../../reference/traffic';
import {
  antreaRuleConnections,
  appliesToPod,
  peerMatches,
  ruleNotEvaluated,
  type AntreaContext,
} from './antrea-match';
import type { AntreaRule, AntreaSelection } from './antrea-objects';

/** Which pods a rule may apply to beyond the policy's own `appliedTo`, and its peers' namespaces. */
interface Layout {
  readonly subject: (pod: Pod) => boolean;
  readonly peers: readonly AntreaSelection[];
  readonly bound: ReadonlySet<string> | undefined;
}

const perNamespace = (s: AntreaSelection): boolean =>
  s.kind === 'pods' && (s.namespaces.kind === 'self' || s.namespaces.kind === 'sameLabels');

/**
 * An Antrea rule as chain rules, laid out as Antrea's controller lays it out: one rule for its
 * cluster-wide peers, and for `namespaces: match: Self` one rule per namespace ("for each Pod
 * targeted by the appliedTo of the policy/rule, this field will cause the rule to select
 * endpoints in the same Namespace as that Pod"), for `sameLabels` one per group of namespaces
 * sharing the values ("grouped together ONLY IF ALL the values of the label keys listed …
 * have the same value"; a namespace without them gets none: "a no-op"). Each chain rule's
 * criteria then hold on either end alone. A rule with `enableLogging` is preceded by a `Log` rule
 * of the same criteria ("the first packet of any traffic flow that matches this rule will be
 * logged").
 * See https://antrea.io/docs/main/docs/antrea-network-policy/#selecting-pods-in-the-same-namespace-with-self
 */
export function antreaChainRules(
  ctx: AntreaContext,
  rule: AntreaRule,
  direction: Direction,
): ChainRule[] {
  const own = rule.appliedTo;
  const applied = own ? (pod: Pod) => appliesToPod(ctx, own, pod) : () => true;
  const cluster = rule.peers.filter((p) => !perNamespace(p));
  const self = rule.peers.filter((p) => p.kind === 'pods' && p.namespaces.kind === 'self');
  const layouts: Layout[] = [];
  if (cluster.length > 0 || cluster.length === rule.peers.length)
    layouts.push({ subject: applied, peers: cluster, bound: undefined });
  const namespaces = [...ctx.inventory.namespaces.keys()];
  if (self.length > 0)
    for (const ns of namespaces)
      layouts.push({
        subject: (pod) => pod.namespace === ns && applied(pod),
        peers: self,
        bound: new Set([ns]),
      });
  for (const peer of rule.peers) {
    if (peer.kind !== 'pods' || peer.namespaces.kind !== 'sameLabels') continue;
    for (const group of sameLabelGroups(ctx, namespaces, peer.namespaces.keys))
      layouts.push({
        subject: (pod) => group.has(pod.namespace) && applied(pod),
        peers: [peer],
        bound: group,
      });
  }
  const notEvaluated = ruleNotEvaluated(ctx, rule);
  return layouts.flatMap((layout) => {
    const chained = chainRule(ctx, rule, direction, layout, rule.action, notEvaluated);
    return rule.enableLogging
      ? [chainRule(ctx, rule, direction, layout, 'Log', []), chained]
      : [chained];
  });
}

function chainRule(
  ctx: AntreaContext,
  rule: AntreaRule,
  direction: Direction,
  layout: Layout,
  action: ChainAction,
  notEvaluated: readonly string[],
): ChainRule {
  const subject = (e: Endpoint): boolean => e.kind === 'pod' && layout.subject(e.pod);
  // `toServices` match ClusterIPs, which are not modelled: such a rule matches no peer here.
  const peer =
    rule.toServices.length > 0
      ? () => false
      : layout.peers.length === 0
        ? () => true
        : (e: Endpoint) => layout.peers.some((p) => peerMatches(ctx, p, e, layout.bound));
  return {
    index: rule.index,
    name: rule.name,
    action,
    matchesSource: direction === 'ingress' ? peer : subject,
    matchesDestination: direction === 'ingress' ? subject : peer,
    namedPorts: rule.ports.some((p) => typeof p.port === 'string'),
    connections: (dst: Endpoint) => antreaRuleConnections(rule, dst),
    notEvaluated,
  };
}

/** The namespaces with every key, grouped by their values. */
function sameLabelGroups(
  ctx: AntreaContext,
  namespaces: readonly string[],
  keys: readonly string[],
): Set<string>[] {
  const groups = new Map<string, Set<string>>();
  for (const ns of namespaces) {
    const labels = ctx.inventory.namespaces.get(ns)?.labels ?? {};
    if (!keys.every((k) => Object.prototype.hasOwnProperty.call(labels, k))) continue;
    const key = JSON.stringify(keys.map((k) => labels[k]));
    const group = groups.get(key);
    if (group) group.add(ns);
    else groups.set(key, new Set([ns]));
  }
  return [...groups.values()];
}
