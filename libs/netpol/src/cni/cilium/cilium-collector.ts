import type { ObjectRef } from '../../errors/object-ref';
import type { ValidationIssue } from '../../errors/validation-issue';
import { isRawObject, type RawObject } from '../../raw/read-field';
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
  private readonly seen = new Map<string, ObjectRef>();

  /** Parses one object; returns its issues (none when it was kept). */
  add(object: RawObject, source: string): ValidationIssue[] {
    const kind = String(object['kind']);
    const metadata = isRawObject(object['metadata']) ? object['metadata'] : {};
    const name = typeof metadata['name'] === 'string' ? metadata['name'] : '';
    const namespace =
      typeof metadata['namespace'] === 'string' && metadata['namespace'] !== ''
        ? metadata['namespace']
        : 'default';
    const ref: ObjectRef =
      kind === 'CiliumNetworkPolicy' ? { kind, namespace, name, source } : { kind, name, source };
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
    if (kind === 'CiliumCIDRGroup') {
      const parsed = parseCiliumCidrGroup(object, ref);
      if (parsed.value) this.cidrGroups.push(parsed.value);
      return [...parsed.issues];
    }
    const parsed = parseCiliumPolicy(
      object,
      ref,
      kind === 'CiliumNetworkPolicy' ? kind : 'CiliumClusterwideNetworkPolicy',
    );
    if (parsed.value) this.policies.push(parsed.value);
    return [...parsed.issues];
  }

  /** The objects kept (undefined when there were none) and the issues found at the end. */
  result(): { objects: CiliumObjects | undefined; issues: ValidationIssue[] } {
    if (this.seen.size === 0) return { objects: undefined, issues: [] };
    return { objects: { policies: this.policies, cidrGroups: this.cidrGroups }, issues: [] };
  }
}
