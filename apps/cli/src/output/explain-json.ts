import type {
  DirectionExplanation,
  Explanation,
  ObjectRef,
  TierExplanation,
} from '@fenceline/netpol';

/** An object reference as printed: kind, namespace and name, without the source file. */
export interface ObjectRefJson {
  readonly kind: string;
  readonly namespace?: string;
  readonly name: string;
}

export interface DirectionExplanationJson {
  readonly direction: DirectionExplanation['direction'];
  readonly subject: string | null;
  readonly isolated: boolean;
  readonly hostNetworkExempt: boolean;
  readonly isolatingPolicies: readonly ObjectRefJson[];
  readonly matchingRules: readonly {
    readonly policy: ObjectRefJson;
    readonly direction: DirectionExplanation['direction'];
    readonly ruleIndex: number;
    readonly connections: string;
    readonly admitsQuery?: boolean;
  }[];
  readonly allowed: string;
  readonly default: DirectionExplanation['default'];
  /** The decision through the tiers in one line (see `path` in the README). */
  readonly path: string;
  readonly decidedBy: DirectionExplanation['decidedBy'] | null;
  readonly admin: TierJson;
  readonly baseline: TierJson;
  readonly conflicts: readonly string[];
}

/** One cluster tier: policies in evaluation order, matching rules with what each decided. */
export interface TierJson {
  readonly policies: readonly { readonly policy: string; readonly priority: number | null }[];
  readonly rules: readonly {
    readonly policy: string;
    readonly priority: number | null;
    readonly ruleIndex: number;
    readonly ruleName: string | null;
    readonly action: string;
    readonly connections: string;
    readonly decided: string;
    readonly decidesQuery?: boolean;
  }[];
  readonly accepted: string;
  readonly denied: string;
  readonly passed: string;
  readonly fqdn: readonly {
    readonly policy: string;
    readonly ruleIndex: number;
    readonly names: readonly string[];
  }[];
}

export interface ExplanationJson {
  readonly src: string;
  readonly dst: string;
  readonly query: Explanation['query'] | null;
  readonly allowed: string;
  readonly verdict: boolean | null;
  readonly egress: DirectionExplanationJson;
  readonly ingress: DirectionExplanationJson;
  readonly notes: readonly string[];
}

/**
 * The explanation as plain JSON: connection sets in the connlist notation, object references
 * as `{ kind, namespace, name }`, and `null` where there is no query or no subject.
 *
 * @example JSON.stringify(explanationToJson(explanation), null, 2)
 */
export function explanationToJson(explanation: Explanation): ExplanationJson {
  return {
    src: explanation.src,
    dst: explanation.dst,
    query: explanation.query ?? null,
    allowed: explanation.allowed.toString(),
    verdict: explanation.verdict ?? null,
    egress: directionToJson(explanation.egress),
    ingress: directionToJson(explanation.ingress),
    notes: [...explanation.notes],
  };
}

function directionToJson(side: DirectionExplanation): DirectionExplanationJson {
  return {
    direction: side.direction,
    subject: side.subject ?? null,
    isolated: side.isolated,
    hostNetworkExempt: side.hostNetworkExempt,
    isolatingPolicies: side.isolatingPolicies.map(refToJson),
    matchingRules: side.matchingRules.map((rule) => ({
      policy: refToJson(rule.policy),
      direction: rule.direction,
      ruleIndex: rule.ruleIndex,
      connections: rule.connections.toString(),
      ...(rule.admitsQuery === undefined ? {} : { admitsQuery: rule.admitsQuery }),
    })),
    allowed: side.allowed.toString(),
    default: side.default,
    path: side.path,
    decidedBy: side.decidedBy ?? null,
    admin: tierToJson(side.admin),
    baseline: tierToJson(side.baseline),
    conflicts: [...side.conflicts],
  };
}

function tierToJson(tier: TierExplanation): TierJson {
  return {
    policies: tier.policies.map((p) => ({ policy: p.label, priority: p.priority ?? null })),
    rules: tier.rules.map((r) => ({
      policy: r.label,
      priority: r.priority ?? null,
      ruleIndex: r.ruleIndex,
      ruleName: r.ruleName ?? null,
      action: r.action,
      connections: r.connections.toString(),
      decided: r.decided.toString(),
      ...(r.decidesQuery === undefined ? {} : { decidesQuery: r.decidesQuery }),
    })),
    accepted: tier.accepted.toString(),
    denied: tier.denied.toString(),
    passed: tier.passed.toString(),
    fqdn: tier.fqdn.map((f) => ({ policy: f.label, ruleIndex: f.ruleIndex, names: [...f.names] })),
  };
}

function refToJson(ref: ObjectRef): ObjectRefJson {
  return {
    kind: ref.kind,
    ...(ref.namespace === undefined ? {} : { namespace: ref.namespace }),
    name: ref.name,
  };
}
