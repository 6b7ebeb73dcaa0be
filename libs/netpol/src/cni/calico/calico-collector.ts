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

  /**
   * The objects kept (undefined when there were none). A policy whose tier the input does not
   * define is left out and noted (not an input error: a snapshot may lack the Tier objects, and
   * refusing it would lose the rest of the cluster).
   */
  result(): { objects: CalicoObjects | undefined; issues: ValidationIssue[] } {
    if (this.seen.size === 0) return { objects: undefined, issues: [] };
    const known = new Set([...CALICO_BUILTIN_TIER_NAMES, ...this.tiers.map((t) => t.name)]);
    const notes: CalicoObjects['notes'][number][] = [];
    const policies = this.policies.filter((p) => {
      if (known.has(p.tier)) return true;
      notes.push({
        object: p.ref,
        message: `spec.tier: tier ${JSON.stringify(p.tier)} is not in the input (no Tier object of that name): the policy is NOT evaluated, so what it denies may be shown open [INVALID_TIER]`,
      });
      return false;
    });
    const objects = { policies, tiers: this.tiers, networkSets: this.networkSets, notes };
    return { objects, issues: [] };
  }
}
