import type { ObjectRef } from '../errors/object-ref';
import type { Inventory } from '../inventory/inventory';
import type { Direction } from '../policy/network-policy';
import { ConnectionSet } from '../ports/connection-set';
import type { Protocol } from '../ports/protocol';
import { isAllowed, isolatingPolicies, type TierDecision } from '../reference/evaluate';
import { policyChainOf } from '../chain/chain-of';
import type { PolicyChain } from '../chain/policy-chain';
import { explainChain, type ChainExplanation } from './explain-chain';
import { tieredDirection } from '../reference/tiered-direction';
import {
  queryPath,
  samePriorityConflicts,
  summaryPath,
  tierExplanation,
  type TierExplanation,
} from './explain-tiers';
import { DEFAULT_OPTIONS, type Endpoint, type EvaluationOptions } from '../reference/traffic';
import { resolvePeer } from './resolve-peer';

/** A rule whose peers match the pair, and what it admits between them. */
export interface RuleExplanation {
  readonly policy: ObjectRef;
  readonly direction: Direction;
  readonly ruleIndex: number;
  readonly connections: ConnectionSet;
  /** With a port query: whether this rule admits that port. */
  readonly admitsQuery?: boolean;
}

/** One side of the decision: egress at the source or ingress at the destination. */
export interface DirectionExplanation {
  readonly direction: Direction;
  /** The pod this side is about, or `undefined` for an external end (never restricted). */
  readonly subject: string | undefined;
  readonly isolated: boolean;
  /** The pod uses hostNetwork and `hostNetwork: 'unrestricted'` exempts it from isolation. */
  readonly hostNetworkExempt: boolean;
  readonly isolatingPolicies: readonly ObjectRef[];
  readonly matchingRules: readonly RuleExplanation[];
  readonly allowed: ConnectionSet;
  /** The default when no rule decides: `allow` when not isolated, `deny` when isolated. */
  readonly default: 'allow' | 'deny';
  /** The cluster tiers before and after NetworkPolicy (empty when no cluster policy selects the pod). */
  readonly admin: TierExplanation;
  readonly baseline: TierExplanation;
  /**
   * The decision through the tiers in one line: with a port query the path of that port
   * (`Admin: Pass by cnp/walls rule 2 → NetworkPolicy: isolated, allowed by shop/web rule 0`),
   * else what each tier did for the pair.
   */
  readonly path: string;
  /** With a port query: which tier (and cluster rule) decided it. */
  readonly decidedBy?: TierDecision;
  /** Same-priority cluster policies that would decide the queried port otherwise. */
  readonly conflicts: readonly string[];
  /** Set when a CNI's ordered chain (Calico) decides: its tiers, rules and defaults. */
  readonly chain?: ChainExplanation;
}

export interface Explanation {
  readonly src: string;
  readonly dst: string;
  readonly query: { readonly protocol: Protocol; readonly port: number } | undefined;
  /** Egress at src ∩ ingress at dst, through every tier. */
  readonly allowed: ConnectionSet;
  /** With a port query: the verdict for it. */
  readonly verdict: boolean | undefined;
  readonly egress: DirectionExplanation;
  readonly ingress: DirectionExplanation;
  /** Things the reader must know, e.g. that only the first pod of a workload was explained. */
  readonly notes: readonly string[];
}

/**
 * Explains what `src` may open to `dst` (optionally on one port): for each direction, which
 * policies isolate the pod, which rules (policy, direction, rule index) match the pair and what
 * each admits, and the default that applies when none does.
 * See https://kubernetes.io/docs/concepts/services-networking/network-policies/#behavior-of-to-and-from-selectors
 *
 * @example explain(inventory, 'shop/web[Deployment]', 'shop/db[StatefulSet]', { protocol: 'TCP', port: 5432 }).verdict
 */
export function explain(
  inventory: Inventory,
  srcName: string,
  dstName: string,
  query?: { protocol: Protocol; port: number },
  options: EvaluationOptions = DEFAULT_OPTIONS,
): Explanation {
  const src = resolvePeer(inventory, srcName);
  const dst = resolvePeer(inventory, dstName);
  const notes: string[] = [];
  for (const peer of [src, dst]) {
    if (peer.pods.length > 1)
      notes.push(`${peer.name} has ${peer.pods.length} pods; explained for ${peer.pods[0]?.name}`);
    if (peer.pods.some((p) => p.hostNetwork)) {
      notes.push(
        `${peer.name} uses hostNetwork: most CNIs do not enforce NetworkPolicy on such pods`,
      );
    }
  }
  const egress = explainDirection(inventory, 'egress', src.endpoint, dst.endpoint, query, options);
  const ingress = explainDirection(
    inventory,
    'ingress',
    src.endpoint,
    dst.endpoint,
    query,
    options,
  );
  for (const tier of [egress.admin, egress.baseline]) {
    for (const rule of tier.fqdn) {
      notes.push(
        `${rule.label} egress rule ${rule.ruleIndex} ${rule.action}s FQDN ${rule.names.join(',')}: domain names are not resolved offline, so that rule decides nothing here; traffic to those names is decided by the rules after it`,
      );
    }
  }
  notes.push(...egress.conflicts, ...ingress.conflicts);
  notes.push(...(egress.chain?.notEvaluated ?? []), ...(ingress.chain?.notEvaluated ?? []));
  const allowed = egress.allowed.intersect(ingress.allowed);
  return {
    src: src.name,
    dst: dst.name,
    query,
    allowed,
    verdict: query ? allowed.has(query.protocol, query.port) : undefined,
    egress,
    ingress,
    notes,
  };
}

function explainDirection(
  inventory: Inventory,
  direction: Direction,
  src: Endpoint,
  dst: Endpoint,
  query: { protocol: Protocol; port: number } | undefined,
  options: EvaluationOptions,
): DirectionExplanation {
  const subject = direction === 'egress' ? src : dst;
  const peer = direction === 'egress' ? dst : src;
  const policyChain = policyChainOf(inventory, options);
  if (policyChain) return chainSide(inventory, policyChain, direction, src, dst, query, options);
  const tiered = tieredDirection(inventory, direction, src, dst, options);
  const np = tiered.networkPolicy;
  const isolated = np.isolating.length > 0;
  const cluster = inventory.clusterPolicies.length > 0 && subject.kind === 'pod';
  const verdict = query
    ? isAllowed(inventory, { src, dst, protocol: query.protocol, port: query.port }, options)[
        direction
      ]
    : undefined;
  return {
    direction,
    ...sideOf(subject, options),
    isolated,
    isolatingPolicies: np.isolating.map((p) => p.ref),
    matchingRules: np.rules.map(({ policy, rule, connections }) => ({
      policy: policy.ref,
      direction,
      ruleIndex: rule.index,
      connections,
      ...(query ? { admitsQuery: connections.has(query.protocol, query.port) } : {}),
    })),
    allowed: tiered.allowed,
    default: isolated ? 'deny' : 'allow',
    admin: tierExplanation(tiered.admin, direction, query),
    baseline: tierExplanation(tiered.baseline, direction, query),
    path:
      subject.kind !== 'pod'
        ? 'external endpoint: no policy applies'
        : verdict
          ? queryPath(verdict, cluster)
          : summaryPath(tiered, cluster),
    ...(verdict ? { decidedBy: verdict.decidedBy } : {}),
    conflicts:
      verdict && query ? samePriorityConflicts(inventory, verdict, subject, peer, dst, query) : [],
  };
}

function chainSide(
  inventory: Inventory,
  chain: PolicyChain,
  direction: Direction,
  src: Endpoint,
  dst: Endpoint,
  query: { protocol: Protocol; port: number } | undefined,
  options: EvaluationOptions,
): DirectionExplanation {
  const subject = direction === 'egress' ? src : dst;
  const explained = explainChain(chain, direction, src, dst, query);
  const empty = (tier: 'Admin' | 'Baseline'): TierExplanation =>
    tierExplanation(
      {
        tier,
        policies: [],
        matches: [],
        accepted: ConnectionSet.NONE,
        denied: ConnectionSet.NONE,
        passed: ConnectionSet.NONE,
        unmatched: ConnectionSet.NONE,
      },
      direction,
      query,
    );
  return {
    direction,
    ...sideOf(subject, options),
    isolated: explained.walk.tiers.length > 0,
    isolatingPolicies:
      subject.kind === 'pod'
        ? isolatingPolicies(inventory, subject.pod, direction, options).map((p) => p.ref)
        : [],
    matchingRules: [],
    allowed: explained.walk.allowed,
    default: 'allow',
    admin: empty('Admin'),
    baseline: empty('Baseline'),
    path: subject.kind === 'pod' ? explained.path : 'external endpoint: no policy applies',
    ...(explained.verdict
      ? { decidedBy: { tier: 'Chain' as const, chain: explained.verdict } }
      : {}),
    conflicts: [],
    chain: explained,
  };
}

/** The pod a side is about, and whether `--host-network unrestricted` exempts it. */
function sideOf(
  subject: Endpoint,
  options: EvaluationOptions,
): Pick<DirectionExplanation, 'subject' | 'hostNetworkExempt'> {
  if (subject.kind !== 'pod') return { subject: undefined, hostNetworkExempt: false };
  return {
    subject: `${subject.pod.namespace}/${subject.pod.name}`,
    hostNetworkExempt: subject.pod.hostNetwork && options.hostNetwork === 'unrestricted',
  };
}
