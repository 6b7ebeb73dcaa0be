import { createHash } from 'node:crypto';
import type { BaselineContent } from './baseline-content';
import { baselineContentHash, canonicalJson } from './content-hash';

const np = (name: string, namespace?: string) => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'NetworkPolicy',
  metadata: { name, ...(namespace ? { namespace } : {}) },
  spec: { podSelector: {} },
});

const content = (
  policies: Record<string, unknown>[],
  guardrails: BaselineContent['guardrails'] = [],
): BaselineContent => ({
  scope: { namespaceSelector: { matchLabels: { env: 'prod' } } },
  policies,
  guardrails,
});

describe('canonicalJson', () => {
  it('sorts keys at every level and leaves undefined members out', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }], u: undefined })).toBe(
      '{"a":[{"c":3,"d":2}],"b":1}',
    );
  });
});

describe('baselineContentHash', () => {
  it('is the SHA-256 of the canonical JSON', () => {
    const c = content([np('a', 'shop')]);
    expect(baselineContentHash(c)).toBe(
      createHash('sha256').update(canonicalJson(c)).digest('hex'),
    );
    expect(baselineContentHash(c)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('does not depend on key order or policy order (templates first, then by namespace and name)', () => {
    const a = content([np('x', 'shop'), np('t'), np('a', 'shop'), np('y', 'pay')]);
    const b = content([np('y', 'pay'), np('a', 'shop'), np('x', 'shop'), np('t')]);
    const reordered = {
      guardrails: [],
      policies: b.policies,
      scope: { namespaceSelector: { matchLabels: { env: 'prod' } } },
    };
    expect(baselineContentHash(a)).toBe(baselineContentHash(b));
    expect(baselineContentHash(a)).toBe(baselineContentHash(reordered));
  });

  it('depends on guardrail order and on every value', () => {
    const g1 = { type: 'require-default-deny' as const, direction: 'both' as const };
    const g2 = { type: 'require-dns-egress' as const };
    expect(baselineContentHash(content([], [g1, g2]))).not.toBe(
      baselineContentHash(content([], [g2, g1])),
    );
    expect(baselineContentHash(content([np('a', 'shop')]))).not.toBe(
      baselineContentHash(content([np('a', 'pay')])),
    );
  });
});
