import type { ValidationIssue } from '../../errors/validation-issue';
import type { RawObject } from '../../raw/read-field';
import { keepParsed, objectRefOf, SeenObjects } from '../object-identity';
import type { CiliumCidrGroup, CiliumObjects, CiliumPolicy } from './cilium-objects';
import { parseCiliumCidrGroup, parseCiliumPolicy } from './parse-cilium-policy';

/**
 * Collects the Cilium objects of one input while the inventory is built: parses each (its kind
 * is read from the object, which the caller has already matched with `isCiliumKind`) and refuses
 * duplicates. A CiliumNetworkPolicy is namespaced; the clusterwide policy and CIDR groups are not.
 */
export class CiliumCollector {
  private readonly policies: CiliumPolicy[] = [];
  private readonly cidrGroups: CiliumCidrGroup[] = [];
  private readonly seen = new SeenObjects();

  /** Parses one object; returns its issues (none when it was kept). */
  add(object: RawObject, source: string): ValidationIssue[] {
    const kind = String(object['kind']);
    const ref = objectRefOf(object, kind, source, kind === 'CiliumNetworkPolicy');
    const refused = this.seen.admit(ref);
    if (refused.length > 0) return refused;
    if (kind === 'CiliumCIDRGroup')
      return keepParsed(parseCiliumCidrGroup(object, ref), this.cidrGroups);
    const policyKind = kind === 'CiliumNetworkPolicy' ? kind : 'CiliumClusterwideNetworkPolicy';
    return keepParsed(parseCiliumPolicy(object, ref, policyKind), this.policies);
  }

  /** The objects kept (undefined when there were none) and the issues found at the end. */
  result(): { objects: CiliumObjects | undefined; issues: ValidationIssue[] } {
    if (this.seen.size === 0) return { objects: undefined, issues: [] };
    return { objects: { policies: this.policies, cidrGroups: this.cidrGroups }, issues: [] };
  }
}
