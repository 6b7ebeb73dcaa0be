import type { ValidationIssue } from '../../errors/validation-issue';
import type { RawObject } from '../../raw/read-field';
import { keepParsed, objectRefOf, SeenObjects } from '../object-identity';
import { antreaNotes } from './antrea-notes';
import type {
  AntreaGroup,
  AntreaKind,
  AntreaNote,
  AntreaObjects,
  AntreaPolicy,
  AntreaTier,
} from './antrea-objects';
import { ANTREA_STATIC_TIERS } from './antrea-tiers';
import { parseAntreaGroup } from './parse-antrea-group';
import { parseAntreaPolicy, parseAntreaTier } from './parse-antrea-policy';

const NAMESPACED: ReadonlySet<AntreaKind> = new Set(['NetworkPolicy', 'Group']);

/**
 * Collects the Antrea objects of one input while the inventory is built: parses each, refuses
 * duplicates, and at the end checks what needs every object: "A Tier must exist before an
 * Antrea-native policy can reference it" and "No two Tiers can be created with the same
 * priority" (Antrea's admission refuses both; offline they are reported and left out), and the
 * group references, which Antrea accepts dangling (they are notes, not issues).
 * See https://antrea.io/docs/main/docs/antrea-network-policy/#tier-crds
 */
export class AntreaCollector {
  private readonly policies: AntreaPolicy[] = [];
  private readonly tiers: AntreaTier[] = [];
  private readonly groups: AntreaGroup[] = [];
  private readonly seen = new SeenObjects();

  /** Parses one object; returns its issues (none when it was kept). */
  add(object: RawObject, kind: AntreaKind, source: string): ValidationIssue[] {
    const ref = objectRefOf(object, kind, source, NAMESPACED.has(kind));
    const refused = this.seen.admit(ref);
    if (refused.length > 0) return refused;
    if (kind === 'Tier') return keepParsed(parseAntreaTier(object, ref), this.tiers);
    if (kind === 'ClusterGroup' || kind === 'Group')
      return keepParsed(parseAntreaGroup(object, ref, kind), this.groups);
    return keepParsed(parseAntreaPolicy(object, ref, kind), this.policies);
  }

  /** The objects kept (undefined when there were none), issues of tiers and policies, and notes. */
  result(): { objects: AntreaObjects | undefined; issues: ValidationIssue[] } {
    if (this.seen.size === 0) return { objects: undefined, issues: [] };
    const issues: ValidationIssue[] = [];
    const byPriority = new Map<number, AntreaTier>(
      ANTREA_STATIC_TIERS.map((t) => [t.priority, { ref: { kind: 'Tier', name: t.name }, ...t }]),
    );
    const tiers = this.tiers.filter((t) => {
      const other = byPriority.get(t.priority);
      if (!other || other.name === t.name) {
        byPriority.set(t.priority, t);
        return true;
      }
      issues.push({
        code: 'INVALID_PRIORITY',
        object: t.ref,
        path: 'spec.priority',
        message: `tier ${t.name} priority ${t.priority} overlaps with Tier ${other.name}`,
      });
      return false;
    });
    const known = new Set([...ANTREA_STATIC_TIERS.map((t) => t.name), ...tiers.map((t) => t.name)]);
    const defined = this.policies.filter((p) => {
      if (known.has(p.tier)) return true;
      issues.push({
        code: 'INVALID_TIER',
        object: p.ref,
        path: 'spec.tier',
        message: `tier ${JSON.stringify(p.tier)} does not exist (no Tier object of that name): the policy is not evaluated`,
      });
      return false;
    });
    const notes: AntreaNote[] = [];
    const unrealized = antreaNotes(defined, this.groups, notes);
    const policies = defined.filter((p) => !unrealized.has(p));
    return { objects: { policies, tiers, groups: this.groups, notes }, issues };
  }
}
