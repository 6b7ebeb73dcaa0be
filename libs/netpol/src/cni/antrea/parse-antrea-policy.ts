import { IssueSink } from '../../errors/issue-sink';
import type { ObjectRef } from '../../errors/object-ref';
import type { Direction } from '../../policy/network-policy';
import type { ParseResult } from '../../policy/parse-network-policy';
import {
  describe,
  isRawObject,
  isUnset,
  readArray,
  readObject,
  readString,
} from '../../raw/read-field';
import type { AntreaPolicy, AntreaRule, AntreaTier } from './antrea-objects';
import {
  ANTREA_BASELINE_TIER,
  ANTREA_DEFAULT_TIER,
  ANTREA_RESERVED_TIER_PRIORITIES,
  ANTREA_STATIC_TIERS,
  staticTierName,
} from './antrea-tiers';
import { parseAntreaRule } from './parse-antrea-rule';
import { parseSelections, type SelectionOwner } from './parse-antrea-selection';

/**
 * Reads an Antrea `ClusterNetworkPolicy` or `NetworkPolicy`: `priority` (mandatory, "Priority
 * values can range from 1.0 to 10000.0"), `tier` ("If not set, the ACNP is associated with
 * the lowest priority default tier i.e. the "application" Tier"), `appliedTo` at the policy
 * level or in every rule ("must be set for all the rules existing in the policy and cannot be
 * set along with `appliedTo` at the policy level"), the rules, unique rule names, and no
 * "Pass" in the baseline tier ("such configurations will be rejected by the admission
 * controller").
 * See https://antrea.io/docs/main/docs/antrea-network-policy/#the-antrea-clusternetworkpolicy-resource
 *
 * @example parseAntreaPolicy(obj, ref, 'ClusterNetworkPolicy').value?.tier // 'application'
 */
export function parseAntreaPolicy(
  obj: Readonly<Record<string, unknown>>,
  ref: ObjectRef,
  kind: 'ClusterNetworkPolicy' | 'NetworkPolicy',
): ParseResult<AntreaPolicy> {
  const sink = new IssueSink(ref);
  const spec = readObject(sink, obj['spec'], 'spec') ?? {};
  const namespace = kind === 'NetworkPolicy' ? (ref.namespace ?? 'default') : undefined;
  const owner: SelectionOwner = { kind, namespace };
  const priority = readPriority(sink, spec['priority']);
  const tierText = readString(sink, spec['tier'], 'spec.tier');
  const tier = !tierText ? ANTREA_DEFAULT_TIER : (staticTierName(tierText) ?? tierText);
  const appliedTo =
    parseSelections(sink, spec['appliedTo'], 'spec.appliedTo', owner, 'appliedTo') ?? [];
  const rules = (direction: Direction): AntreaRule[] =>
    (readArray(sink, spec[direction], `spec.${direction}`) ?? []).flatMap((raw, i) => {
      const rule = parseAntreaRule(sink, raw, `spec.${direction}[${i}]`, i, owner, direction);
      return rule ? [rule] : [];
    });
  const ingress = rules('ingress');
  const egress = rules('egress');
  const specAppliedTo = spec['appliedTo'];
  checkAppliedTo(sink, spec, Array.isArray(specAppliedTo) && specAppliedTo.length > 0);
  checkRules(sink, tier, spec, ingress, egress);
  checkServiceAppliedTo(sink, appliedTo, ingress, egress);
  if (sink.count > 0 || priority === undefined) return { value: undefined, issues: sink.issues };
  return {
    value: {
      ref,
      kind,
      namespace,
      name: ref.name,
      tier,
      priority,
      appliedTo,
      ingress,
      egress,
      spec,
    },
    issues: [],
  };
}

function readPriority(sink: IssueSink, raw: unknown): number | undefined {
  if (isUnset(raw)) {
    sink.add('MISSING_FIELD', 'spec.priority', 'priority is required');
    return undefined;
  }
  if (typeof raw === 'number' && Number.isFinite(raw) && raw >= 1 && raw <= 10000) return raw;
  sink.add(
    'INVALID_PRIORITY',
    'spec.priority',
    `priority must be a number from 1.0 to 10000.0, got ${describe(raw)}`,
  );
  return undefined;
}

/** "appliedTo should not be set in both spec and rules" / "in either spec or rules" / "in all rules or in none". */
function checkAppliedTo(
  sink: IssueSink,
  spec: Readonly<Record<string, unknown>>,
  inSpec: boolean,
): void {
  const missing: string[] = [];
  let inRules = 0;
  for (const direction of ['ingress', 'egress'] as const) {
    (readArray(sink, spec[direction], `spec.${direction}`) ?? []).forEach((r, i) => {
      const set = !isUnset((r as Record<string, unknown> | null)?.['appliedTo']);
      if (set) inRules++;
      else missing.push(`spec.${direction}[${i}].appliedTo`);
    });
  }
  if (inSpec && inRules > 0)
    sink.add(
      'INVALID_FIELD_COMBINATION',
      'spec.appliedTo',
      'appliedTo should not be set in both spec and rules',
    );
  else if (!inSpec && inRules === 0)
    sink.add(
      'MISSING_FIELD',
      'spec.appliedTo',
      'appliedTo needs to be set in either spec or rules',
    );
  else if (!inSpec)
    for (const path of missing)
      sink.add(
        'MISSING_FIELD',
        path,
        'appliedTo field should either be set in all rules or in none of them',
      );
}

function checkRules(
  sink: IssueSink,
  tier: string,
  spec: Readonly<Record<string, unknown>>,
  ingress: readonly AntreaRule[],
  egress: readonly AntreaRule[],
): void {
  for (const [direction, rules] of [
    ['ingress', ingress],
    ['egress', egress],
  ] as const)
    for (const rule of rules)
      if (tier === ANTREA_BASELINE_TIER && rule.action === 'Pass')
        sink.add(
          'INVALID_ACTION',
          `spec.${direction}[${rule.index}].action`,
          '`Pass` action should not be set for Baseline Tier policy rules',
        );
  // Names are checked on every rule as written, valid or not.
  const names = new Map<string, string>();
  for (const direction of ['ingress', 'egress'] as const) {
    (Array.isArray(spec[direction]) ? (spec[direction] as unknown[]) : []).forEach((raw, i) => {
      const name = isRawObject(raw) ? raw['name'] : undefined;
      if (typeof name !== 'string' || name === '') return;
      const path = `spec.${direction}[${i}].name`;
      const first = names.get(name);
      if (first)
        sink.add(
          'DUPLICATE_NAME',
          path,
          `rule name ${JSON.stringify(name)} is also used by ${first}: rules names must be unique within the policy`,
        );
      else names.set(name, path.slice(0, -'.name'.length));
    });
  }
}

/** A policy or rule applied to a NodePort Service: only that, ingress only, ipBlock peers only. */
function checkServiceAppliedTo(
  sink: IssueSink,
  appliedTo: AntreaPolicy['appliedTo'],
  ingress: readonly AntreaRule[],
  egress: readonly AntreaRule[],
): void {
  const check = (
    list: AntreaPolicy['appliedTo'],
    path: string,
    rules: readonly AntreaRule[],
    egressToo: boolean,
  ): void => {
    const services = list.filter((s) => s.kind === 'service').length;
    if (services === 0) return;
    if (services < list.length)
      sink.add(
        'INVALID_SUBJECT',
        path,
        'a rule/policy cannot be applied to Services and other peers at the same time',
      );
    if (egressToo) sink.add('INVALID_SUBJECT', path, 'egress rule cannot be applied to Services');
    for (const rule of rules)
      if (rule.peers.some((p) => p.kind !== 'ipBlock'))
        sink.add(
          'INVALID_PEER',
          `spec.ingress[${rule.index}].from`,
          'a rule/policy that is applied to Services can only use ipBlock to select workloads',
        );
  };
  check(appliedTo, 'spec.appliedTo', ingress, egress.length > 0);
  for (const rule of ingress)
    check(rule.appliedTo ?? [], `spec.ingress[${rule.index}].appliedTo`, [rule], false);
  for (const rule of egress)
    check(rule.appliedTo ?? [], `spec.egress[${rule.index}].appliedTo`, [], true);
}

/**
 * Reads a `Tier`: an integer `priority` 0–255; a static tier keeps its fixed priority, and a
 * custom one may not take a reserved priority (251, 252, 254, 255) nor a static one. Distinct
 * priorities across Tiers ("No two Tiers can be created with the same priority") are checked
 * once every Tier is read.
 * See https://antrea.io/docs/main/docs/antrea-network-policy/#tier-crds
 */
export function parseAntreaTier(
  obj: Readonly<Record<string, unknown>>,
  ref: ObjectRef,
): ParseResult<AntreaTier> {
  const sink = new IssueSink(ref);
  const spec = readObject(sink, obj['spec'], 'spec') ?? {};
  const raw = spec['priority'];
  const fixed = ANTREA_STATIC_TIERS.find((t) => t.name === ref.name);
  if (isUnset(raw)) sink.add('MISSING_FIELD', 'spec.priority', 'priority is required');
  else if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 0 || raw > 255)
    sink.add(
      'INVALID_PRIORITY',
      'spec.priority',
      `priority must be an integer from 0 to 255, got ${describe(raw)}`,
    );
  else if (fixed && raw !== fixed.priority)
    sink.add(
      'INVALID_PRIORITY',
      'spec.priority',
      `the static tier ${ref.name} has priority ${fixed.priority} (read-only)`,
    );
  else if (!fixed && ANTREA_RESERVED_TIER_PRIORITIES.includes(raw))
    sink.add('INVALID_PRIORITY', 'spec.priority', `tier ${ref.name} priority ${raw} is reserved`);
  else if (!fixed && ANTREA_STATIC_TIERS.some((t) => t.priority === raw))
    sink.add(
      'INVALID_PRIORITY',
      'spec.priority',
      `tier ${ref.name} priority ${raw} overlaps with a static Tier`,
    );
  if (sink.count > 0 || typeof raw !== 'number') return { value: undefined, issues: sink.issues };
  return { value: { ref, name: ref.name, priority: raw }, issues: [] };
}
