import type { ClusterPolicy, LabelSelector } from '@fenceline/netpol';
import type { BaselineContent, Guardrail } from './baseline-content';
import { InvalidBaselineError } from './invalid-baseline-error';
import { parseBaselineContent } from './parse-baseline-content';
import { clusterPolicyKindOf, compileClusterPolicy } from './parse-cluster-policies';
import { policyIdentity } from './parse-policies';
import { compileSelector } from './parse-selector';

/** A baseline policy: its namespace (undefined for a template), name and object as written. */
export interface BaselinePolicy {
  readonly namespace: string | undefined;
  readonly name: string;
  readonly raw: Readonly<Record<string, unknown>>;
}

/** Baseline content validated once, with its selectors parsed. */
export interface CompiledBaseline {
  readonly content: BaselineContent;
  readonly scope: LabelSelector;
  readonly sensitive:
    | { readonly namespaceSelector: LabelSelector; readonly podSelector: LabelSelector | undefined }
    | undefined;
  readonly namespaced: readonly BaselinePolicy[];
  readonly templates: readonly BaselinePolicy[];
  /** Cluster-scoped policies, parsed: expected on the cluster as they are (never templated). */
  readonly clusterPolicies: readonly ClusterPolicy[];
  readonly guardrails: readonly Guardrail[];
}

/**
 * Validates content (throwing {@link InvalidBaselineError} with every issue when it is not
 * valid) and parses what the analyses need.
 *
 * @example compileBaseline(content).templates.map((t) => t.name)
 */
export function compileBaseline(input: BaselineContent): CompiledBaseline {
  const parsed = parseBaselineContent(input);
  if (!parsed.ok) throw new InvalidBaselineError(parsed.issues);
  const content = parsed.content;
  const policies = content.policies
    .filter((raw) => !clusterPolicyKindOf(raw))
    .map((raw): BaselinePolicy => {
      const { namespace, name } = policyIdentity(raw);
      return { namespace, name, raw };
    });
  const clusterPolicies = content.policies.filter(clusterPolicyKindOf).map(compileClusterPolicy);
  return {
    content,
    scope: compileSelector(content.scope.namespaceSelector, 'scope.namespaceSelector'),
    sensitive: content.sensitive && {
      namespaceSelector: compileSelector(
        content.sensitive.namespaceSelector,
        'sensitive.namespaceSelector',
      ),
      podSelector:
        content.sensitive.podSelector &&
        compileSelector(content.sensitive.podSelector, 'sensitive.podSelector'),
    },
    namespaced: policies.filter((p) => p.namespace !== undefined),
    templates: policies.filter((p) => p.namespace === undefined),
    clusterPolicies,
    guardrails: content.guardrails,
  };
}
