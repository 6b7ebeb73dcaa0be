import type { ValidationIssue } from '../../errors/validation-issue';
import type { RawObject } from '../../raw/read-field';
import { keepParsed, objectRefOf, SeenObjects } from '../object-identity';
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
  private readonly seen = new SeenObjects();

  /** Parses one object; returns its issues (none when it was kept). */
  add(object: RawObject, kind: CalicoKind, source: string): ValidationIssue[] {
    const ref = objectRefOf(object, kind, source, NAMESPACED.has(kind));
    const refused = this.seen.admit(ref);
    if (refused.length > 0) return refused;
    if (kind === 'Tier') return keepParsed(parseCalicoTier(object, ref), this.tiers);
    if (kind === 'NetworkSet' || kind === 'GlobalNetworkSet')
      return keepParsed(parseCalicoNetworkSet(object, ref, kind), this.networkSets);
    return keepParsed(parseCalicoPolicy(object, ref, kind), this.policies);
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
