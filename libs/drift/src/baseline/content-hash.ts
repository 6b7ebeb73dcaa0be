import { createHash } from 'node:crypto';
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

/**
 * JSON with object keys sorted at every level and `undefined` members left out, so that equal
 * values always have equal text.
 *
 * @example canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] }) // '{"a":[{"c":3,"d":2}],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value))
    return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => compare(a, b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
