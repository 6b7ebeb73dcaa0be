import {
  buildModelPair,
  DEFAULT_OPTIONS,
  diffModels,
  type DiffRow,
  type EvaluationOptions,
  type Inventory,
} from '@fenceline/netpol';
import { guardrailName, type BaselineContent } from '../baseline/baseline-content';
import {
  compileBaseline,
  type BaselinePolicy,
  type CompiledBaseline,
} from '../baseline/compile-baseline';
import { canonicalJson } from '../baseline/content-hash';
import { clusterPolicyKey } from '../baseline/parse-cluster-policies';
import { policyKey, TEMPLATE_NAMESPACE } from '../baseline/parse-policies';
import { canonicalClusterPolicy } from '../policy/canonical-cluster-policy';
import { canonicalPolicy, selectorText } from '../policy/canonical-policy';
import { instantiate } from '../scope/scope';
import { appliedInventory } from './applied-inventory';

/** A connectivity row that differs, connections in the connectivity-list notation. */
export interface ConnectivityChange {
  diffType: 'added' | 'removed' | 'changed';
  src: string;
  dst: string;
  before: string;
  after: string;
}

/**
 * What changes from one baseline version to the next. Policies are keyed `namespace/name`
 * (`*` for a template), cluster policies `Kind/name`, and compared by meaning (see
 * `canonicalPolicy`, `canonicalClusterPolicy`); guardrails by name and
 * canonical JSON; `scopeChanged` / `sensitiveChanged` compare the selectors by meaning.
 */
export interface VersionDiff {
  policies: { added: string[]; removed: string[]; modified: string[] };
  guardrails: { added: string[]; removed: string[]; changed: string[] };
  scopeChanged: boolean;
  sensitiveChanged: boolean;
  connectivity?: ConnectivityChange[];
}

/**
 * The diff of two baseline contents (`from` undefined: a first version, everything is added).
 * With a `reference` inventory, `connectivity` compares the reference with `from` applied (its
 * actual policies when `from` is undefined) and with `to` applied.
 * Throws `InvalidBaselineError` when either content is not valid.
 *
 * @example diffBaselineContents(v1, v2, clusterInventory).connectivity?.filter((r) => r.diffType === 'added')
 */
export function diffBaselineContents(
  from: BaselineContent | undefined,
  to: BaselineContent,
  reference?: Inventory,
  options: EvaluationOptions = DEFAULT_OPTIONS,
): VersionDiff {
  const after = compileBaseline(to);
  const before = from === undefined ? undefined : compileBaseline(from);
  const policiesBefore = policyForms(before);
  const policiesAfter = policyForms(after);
  const guardrailsBefore = new Map(
    (before?.guardrails ?? []).map((g) => [guardrailName(g), canonicalJson(g)]),
  );
  const guardrailsAfter = new Map(
    after.guardrails.map((g) => [guardrailName(g), canonicalJson(g)]),
  );
  const diff: VersionDiff = {
    policies: {
      added: keysOnlyIn(policiesAfter, policiesBefore),
      removed: keysOnlyIn(policiesBefore, policiesAfter),
      modified: changedKeys(policiesBefore, policiesAfter),
    },
    guardrails: {
      added: keysOnlyIn(guardrailsAfter, guardrailsBefore),
      removed: keysOnlyIn(guardrailsBefore, guardrailsAfter),
      changed: changedKeys(guardrailsBefore, guardrailsAfter),
    },
    scopeChanged: before === undefined || selectorText(before.scope) !== selectorText(after.scope),
    sensitiveChanged: sensitiveText(before) !== sensitiveText(after),
  };
  if (reference) diff.connectivity = connectivityChanges(before, after, reference, options);
  return diff;
}

/**
 * The connectivity rows that differ between the inventory with `before` applied (as it is when
 * undefined) and with `after` applied.
 */
export function connectivityChanges(
  before: CompiledBaseline | undefined,
  after: CompiledBaseline,
  inventory: Inventory,
  options: EvaluationOptions,
): ConnectivityChange[] {
  const beforeInventory = before ? appliedInventory(before, inventory).inventory : inventory;
  const rows = diffModels(
    ...buildModelPair(beforeInventory, appliedInventory(after, inventory).inventory, options),
  );
  return rows.map(changeOf);
}

/** A model diff row in the notation of the connectivity list. */
export function changeOf(row: DiffRow): ConnectivityChange {
  return {
    diffType: row.diffType,
    src: row.src,
    dst: row.dst,
    before: row.before.toString(),
    after: row.after.toString(),
  };
}

function policyForms(baseline: CompiledBaseline | undefined): Map<string, string> {
  const forms = new Map<string, string>();
  const add = (p: BaselinePolicy): void => {
    forms.set(
      policyKey(p.namespace, p.name),
      JSON.stringify(canonicalPolicy(instantiate(p, p.namespace ?? TEMPLATE_NAMESPACE))),
    );
  };
  baseline?.namespaced.forEach(add);
  baseline?.templates.forEach(add);
  for (const p of baseline?.clusterPolicies ?? [])
    forms.set(clusterPolicyKey(p.kind, p.name), JSON.stringify(canonicalClusterPolicy(p)));
  return forms;
}

function sensitiveText(baseline: CompiledBaseline | undefined): string {
  const s = baseline?.sensitive;
  return s
    ? `${selectorText(s.namespaceSelector)}\u0000${s.podSelector ? selectorText(s.podSelector) : ''}`
    : '';
}

function keysOnlyIn(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): string[] {
  return [...a.keys()].filter((k) => !b.has(k)).sort();
}

function changedKeys(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): string[] {
  return [...a.keys()].filter((k) => b.has(k) && b.get(k) !== a.get(k)).sort();
}
