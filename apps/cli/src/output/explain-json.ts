import type { DirectionExplanation, Explanation, ObjectRef } from '@fenceline/netpol';

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
  };
}

function refToJson(ref: ObjectRef): ObjectRefJson {
  return {
    kind: ref.kind,
    ...(ref.namespace === undefined ? {} : { namespace: ref.namespace }),
    name: ref.name,
  };
}
