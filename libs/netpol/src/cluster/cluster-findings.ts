import type { Inventory, Pod } from '../inventory/inventory';
import type { Direction } from '../policy/network-policy';
import type { ConnectionSet } from '../ports/connection-set';
import {
  clusterRulePeersMatch,
  clusterRuleConnections,
  selectionMatchesPod,
} from '../reference/cluster-match';
import type { Endpoint } from '../reference/traffic';
import {
  clusterPolicyLabel,
  compareClusterPolicies,
  type ClusterPolicy,
  type ClusterRule,
} from './cluster-policy';

/** Codes of the findings about cluster-scoped policies (stable: users grep for them). */
export type ClusterFindingCode =
  'SAME_PRIORITY_CONFLICT' | 'NODES_PEER_NOT_EVALUATED' | 'DOMAIN_NAMES_NOT_EVALUATED';

export interface ClusterFinding {
  readonly code: ClusterFindingCode;
  readonly policies: readonly string[];
  readonly message: string;
}

/**
 * What a reader must know about the cluster policies: same-tier policies of equal priority that
 * can disagree on a connection (the API leaves that verdict to the implementation; the engine
 * uses the order of {@link compareClusterPolicies}), and rules with `domainNames` peers, or with
 * `nodes` peers when the inventory holds no nodes, which cannot be resolved offline and so match
 * no pod and no address range.
 * See https://network-policy-api.sigs.k8s.io/reference/spec/#policy.networking.k8s.io/v1alpha2.ClusterNetworkPolicySpec
 *
 * @example clusterPolicyFindings(inventory).map((f) => f.code) // ['SAME_PRIORITY_CONFLICT']
 */
export function clusterPolicyFindings(inventory: Inventory): ClusterFinding[] {
  const findings: ClusterFinding[] = [];
  const sorted = [...inventory.clusterPolicies].sort(compareClusterPolicies);
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i] as ClusterPolicy;
    for (let j = i + 1; j < sorted.length; j++) {
      const b = sorted[j] as ClusterPolicy;
      if (b.tier !== a.tier || b.priority !== a.priority) continue;
      const conflict = firstConflict(inventory, a, b);
      if (conflict) findings.push(conflict);
    }
    for (const direction of ['ingress', 'egress'] as const) {
      for (const rule of a[direction]) findings.push(...unresolvedPeers(a, rule, direction));
    }
  }
  return findings;
}

function unresolvedPeers(
  policy: ClusterPolicy,
  rule: ClusterRule,
  direction: Direction,
): ClusterFinding[] {
  const label = clusterPolicyLabel(policy);
  const where = `${label} ${direction} rule ${rule.index}${rule.name ? ` (${rule.name})` : ''}`;
  const out: ClusterFinding[] = [];
  for (const peer of rule.peers) {
    if (peer.kind === 'nodes' && !peer.addresses) {
      out.push({
        code: 'NODES_PEER_NOT_EVALUATED',
        policies: [label],
        message: `${where}: a nodes peer is not evaluated (the inventory holds no node addresses); it matches no pod or address range here`,
      });
    } else if (peer.kind === 'domainNames') {
      out.push({
        code: 'DOMAIN_NAMES_NOT_EVALUATED',
        policies: [label],
        message: `${where}: ${rule.action} to FQDN ${peer.names.join(',')} is not resolved offline; it widens nothing in the connectivity list, and egress it would accept is shown as decided by the later rules`,
      });
    }
  }
  return out;
}

/**
 * A pod both subjects select and an endpoint on which the two policies' first matching rules
 * (each taken alone) take different actions, on some port both rules match.
 */
/** Endpoint pairs examined per policy pair before the check falls back to the rules alone. */
const CONFLICT_CHECK_BUDGET = 200_000;

function firstConflict(
  inventory: Inventory,
  a: ClusterPolicy,
  b: ClusterPolicy,
): ClusterFinding | undefined {
  const shapes = distinctShapes(inventory.pods);
  const subjects = shapes.filter(
    (p) =>
      selectionMatchesPod(inventory, a.subject, p) && selectionMatchesPod(inventory, b.subject, p),
  );
  if (subjects.length === 0) return undefined;
  const peers: Endpoint[] = shapes.map((pod) => ({ kind: 'pod', pod }));
  for (const direction of ['ingress', 'egress'] as const) {
    if (a[direction].length === 0 || b[direction].length === 0) continue;
    if (subjects.length * peers.length > CONFLICT_CHECK_BUDGET) {
      const ra = a[direction].find((r) => b[direction].some((x) => x.action !== r.action));
      const rb = ra && b[direction].find((x) => x.action !== ra.action);
      if (ra && rb) return conflictFinding(a, b, ra, rb, direction, subjects[0] as Pod, undefined);
      continue;
    }
    for (const subject of subjects) {
      for (const peer of peers) {
        const dst: Endpoint = direction === 'ingress' ? { kind: 'pod', pod: subject } : peer;
        const ra = firstRule(inventory, a, direction, peer, dst);
        const rb = firstRule(inventory, b, direction, peer, dst);
        if (!ra || !rb || ra.rule.action === rb.rule.action) continue;
        if (ra.connections.intersect(rb.connections).isEmpty) continue;
        return conflictFinding(a, b, ra.rule, rb.rule, direction, subject, peer);
      }
    }
  }
  return undefined;
}

/** One pod per distinct (namespace, labels, ports, address, hostNetwork): what selectors can tell apart. */
function distinctShapes(pods: readonly Pod[]): Pod[] {
  const seen = new Map<string, Pod>();
  for (const pod of pods) {
    const labels = Object.keys(pod.labels)
      .sort()
      .map((k) => `${k}=${pod.labels[k]}`)
      .join(',');
    const ports = pod.ports.map((p) => `${p.name}/${p.protocol}/${p.port}`).join(',');
    const key = `${pod.namespace}|${labels}|${ports}|${pod.ips[0]?.value ?? ''}|${pod.hostNetwork}`;
    if (!seen.has(key)) seen.set(key, pod);
  }
  return [...seen.values()];
}

function firstRule(
  inventory: Inventory,
  policy: ClusterPolicy,
  direction: Direction,
  peer: Endpoint,
  dst: Endpoint,
): { rule: ClusterRule; connections: ConnectionSet } | undefined {
  for (const rule of policy[direction]) {
    if (!clusterRulePeersMatch(inventory, rule, peer)) continue;
    const connections = clusterRuleConnections(rule, dst);
    if (!connections.isEmpty) return { rule, connections };
  }
  return undefined;
}

function conflictFinding(
  a: ClusterPolicy,
  b: ClusterPolicy,
  ra: ClusterRule,
  rb: ClusterRule,
  direction: Direction,
  subject: Pod,
  peer: Endpoint | undefined,
): ClusterFinding {
  const la = clusterPolicyLabel(a);
  const lb = clusterPolicyLabel(b);
  const other = !peer
    ? 'some peer (too many pods to check each: their rules take different actions)'
    : peer.kind === 'pod'
      ? `${peer.pod.namespace}/${peer.pod.name}`
      : 'an address';
  return {
    code: 'SAME_PRIORITY_CONFLICT',
    policies: [la, lb],
    message: `${la} and ${lb} share ${a.tier}-tier priority ${a.priority ?? '(none)'} and disagree on ${direction} of ${subject.namespace}/${subject.name} ${direction === 'ingress' ? 'from' : 'to'} ${other} (${ra.action} by rule ${ra.index}, ${rb.action} by rule ${rb.index}); the API leaves the verdict undefined, evaluated here as ${la} first`,
  };
}
