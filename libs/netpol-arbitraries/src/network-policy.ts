import fc from 'fast-check';

/**
 * A NetworkPolicy peer: a pod selector, a namespace selector, both (pods in those namespaces), or
 * the caller's `ipBlock` peers
 * (https://kubernetes.io/docs/reference/kubernetes-api/policy-resources/network-policy-v1/).
 *
 * @example `networkPolicyPeerArbitrary(selector, fc.constant({ ipBlock: { cidr: '0.0.0.0/0' } }))`
 */
export const networkPolicyPeerArbitrary = <S, B>(
  selector: fc.Arbitrary<S>,
  ipBlockPeer: fc.Arbitrary<B>,
) =>
  fc.oneof(
    fc.record({ podSelector: selector }),
    fc.record({ namespaceSelector: selector }),
    fc.record({ podSelector: selector, namespaceSelector: selector }),
    ipBlockPeer,
  );

/** How many peers and ports one rule lists. */
export interface RuleSize {
  /** At least this many of each (default 0: an absent or empty list means "all"). */
  readonly minLength?: number;
  readonly maxLength: number;
}

/**
 * An ingress (`from`) or egress (`to`) rule; either list may be absent.
 *
 * @example `networkPolicyRuleArbitrary('from', peer, port, { maxLength: 3 })`
 */
export const networkPolicyRuleArbitrary = <P, Q>(
  field: 'from' | 'to',
  peer: fc.Arbitrary<P>,
  port: fc.Arbitrary<Q>,
  size: RuleSize,
) => {
  const length = { minLength: size.minLength ?? 0, maxLength: size.maxLength };
  return fc.record(
    { [field]: fc.array(peer, length), ports: fc.array(port, length) },
    { requiredKeys: [] },
  );
};

/**
 * `policyTypes` absent (then defaulted from the rules) or one or both directions.
 *
 * @example `fc.record({ podSelector: fc.constant({}), policyTypes: policyTypesArbitrary })`
 */
export const policyTypesArbitrary = fc.option(
  fc.subarray(['Ingress', 'Egress'], { minLength: 1 }),
  { nil: undefined },
);

/** The parts of a random NetworkPolicy spec. */
export interface NetworkPolicySpecParts<S, I, E> {
  readonly podSelector: fc.Arbitrary<S>;
  readonly ingressRule: fc.Arbitrary<I>;
  readonly egressRule: fc.Arbitrary<E>;
  /** Rules per direction at most. */
  readonly maxRules: number;
}

/**
 * A NetworkPolicy `spec`: `ingress`, `egress` and `policyTypes` each absent or present (possibly
 * empty lists), so that the defaulting of `policyTypes` from the rules is exercised.
 *
 * @example `{ podSelector: {}, ingress: [], policyTypes: ['Ingress'] }` (deny all ingress)
 */
export const networkPolicySpecArbitrary = <S, I, E>(parts: NetworkPolicySpecParts<S, I, E>) =>
  fc
    .record({
      podSelector: parts.podSelector,
      ingress: fc.option(fc.array(parts.ingressRule, { maxLength: parts.maxRules }), {
        nil: undefined,
      }),
      egress: fc.option(fc.array(parts.egressRule, { maxLength: parts.maxRules }), {
        nil: undefined,
      }),
      policyTypes: policyTypesArbitrary,
    })
    .map(({ podSelector, ingress, egress, policyTypes }): Record<string, unknown> => ({
      podSelector,
      ...(ingress ? { ingress } : {}),
      ...(egress ? { egress } : {}),
      ...(policyTypes ? { policyTypes } : {}),
    }));

/**
 * A NetworkPolicy object around `spec`; no namespace for a template that is placed later.
 *
 * @example `networkPolicyObject('deny', 'ns-a', { podSelector: {}, policyTypes: ['Ingress'] })`
 */
export const networkPolicyObject = (
  name: string,
  namespace: string | undefined,
  spec: unknown,
): Record<string, unknown> => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'NetworkPolicy',
  metadata: { name, ...(namespace === undefined ? {} : { namespace }) },
  spec,
});
