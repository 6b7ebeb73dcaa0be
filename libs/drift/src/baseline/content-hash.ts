import { createHash } from 'node:crypto';
import { canonicalJson } from '@fenceline/netpol';
import type { BaselineContent } from './baseline-content';
import { policyIdentity } from './parse-policies';

/**
 * The SHA-256 (hex) of the content's canonical JSON: object keys sorted at every level,
 * policies sorted by namespace (templates and cluster-scoped policies first) then name then
 * kind, guardrails in their order (order is how a reader meets them). Equal content, however
 * written, hashes equal; content without cluster policies hashes as it always did.
 *
 * @example baselineContentHash(content) // 'a3f1…' (64 hex digits)
 */
export function baselineContentHash(content: BaselineContent): string {
  const policies = [...content.policies].sort((a, b) => {
    const x = policyIdentity(a);
    const y = policyIdentity(b);
    return (
      compare(x.namespace ?? '', y.namespace ?? '') ||
      compare(x.name, y.name) ||
      compare(x.kind, y.kind)
    );
  });
  return createHash('sha256')
    .update(canonicalJson({ ...content, policies }))
    .digest('hex');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** netpol's canonical JSON (snapshot hashes use it too), where baseline code meets it. */
export { canonicalJson };
