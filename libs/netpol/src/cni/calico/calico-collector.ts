import type { ObjectRef } from '../../errors/object-ref';
import type { ValidationIssue } from '../../errors/validation-issue';
import { isRawObject, type RawObject } from '../../raw/read-field';
import type {
  CalicoKind,
  CalicoNetworkSet,
  CalicoObjects,
  CalicoPolicy,
  CalicoTier,
} from './calico-objects';
import { CALICO_BUILTIN_TIER_NAMES } from './calico-tiers';
import { parseCalicoNetworkSet, parseCalicoPolicy, parseCalicoTier } from './parse-calico-policy';

const NAMESPACED: ReadonlySet<CalicoKind> = new Set(['NetworkPolicy', 'NetworkSet']);

/**
 * Collects the Calico objects of one input while the inventory is built: parses each, refuses
 * duplicates, and at the end checks that every policy's tier exists (Calico refuses a policy
 * in a tier that does not; offline it is reported and left out).
 */
export class CalicoCollector {
  private readonly policies: CalicoPolicy[] = [];
  private readonly tiers: CalicoTier[] = [];
  private readonly networkSets: CalicoNetworkSet[] = [];
  private readonly seen = new Map<string, ObjectRef>();

  /** Parses one object; returns its issues (none when it was kept). */
  add(object: RawObject, kind: CalicoKind, source: string): ValidationIssue[] {
    const metadata = isRawObject(object['metadata']) ? object['metadata'] : {};
    const name = typeof metadata['name'] === 'string' ? metadata['name'] : '';
    const namespace =
      typeof metadata['namespace'] === 'string' && metadata['namespace'] !== ''
        ? metadata['namespace']
        : 'default';
    const ref: ObjectRef = NAMESPACED.has(kind)
      ? { kind, namespace, name, source }
      : { kind, name, source };
    if (name === '')
      return [
        { code: 'MISSING_FIELD', object: ref, path: 'metadata.name', message: 'name is required' },
      ];
    const key = `${kind}/${ref.namespace ?? ''}/${name}`;
    const first = this.seen.get(key);
    if (first)
      return [
        {
          code: 'DUPLICATE_NAME',
          object: ref,
          path: 'metadata.name',
          message: `${kind} ${JSON.stringify(name)} is defined twice (first in ${first.source ?? 'an earlier object'})`,
        },
      ];
    this.seen.set(key, ref);
    if (kind === 'Tier') return this.keep(parseCalicoTier(object, ref), this.tiers);
    if (kind === 'NetworkSet' || kind === 'GlobalNetworkSet')
      return this.keep(parseCalicoNetworkSet(object, ref, kind), this.networkSets);
    return this.keep(parseCalicoPolicy(object, ref, kind), this.policies);
  }

  private keep<T>(
    parsed: { value: T | undefined; issues: readonly ValidationIssue[] },
    into: T[],
  ): ValidationIssue[] {
    if (parsed.value !== undefined) into.push(parsed.value);
    return [...parsed.issues];
  }

  /** The objects kept (undefined when there were none) and the issues of policies in missing tiers. */
  result(): { objects: CalicoObjects | undefined; issues: ValidationIssue[] } {
    if (this.seen.size === 0) return { objects: undefined, issues: [] };
    const known = new Set([...CALICO_BUILTIN_TIER_NAMES, ...this.tiers.map((t) => t.name)]);
    const issues: ValidationIssue[] = [];
    const policies = this.policies.filter((p) => {
      if (known.has(p.tier)) return true;
      issues.push({
        code: 'INVALID_TIER',
        object: p.ref,
        path: 'spec.tier',
        message: `tier ${JSON.stringify(p.tier)} is not defined (no Tier object of that name): the policy is not evaluated`,
      });
      return false;
    });
    return { objects: { policies, tiers: this.tiers, networkSets: this.networkSets }, issues };
  }
}
