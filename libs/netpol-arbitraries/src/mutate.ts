/**
 * `value` with the leaf (or subtree) at `path` replaced by `replacement`: realistic broken input
 * for loaders. Each step picks a key or an index modulo how many there are, so every random path
 * lands somewhere; an empty path, a scalar or an empty object or array is replaced whole.
 *
 * @example `mutateAt({ a: [1, 2] }, [0, 3], 'x')` is `{ a: [1, 'x'] }`
 */
export function mutateAt(value: unknown, path: readonly number[], replacement: unknown): unknown {
  if (path.length === 0 || value === null || typeof value !== 'object') return replacement;
  const entries = Array.isArray(value)
    ? value.map((v, i) => [String(i), v] as const)
    : Object.entries(value);
  if (entries.length === 0) return replacement;
  const [head, ...rest] = path;
  const [key, child] = entries[(head ?? 0) % entries.length]!;
  const copy: Record<string, unknown> | unknown[] = Array.isArray(value)
    ? [...value]
    : { ...(value as object) };
  (copy as Record<string, unknown>)[key] = mutateAt(child, rest, replacement);
  return copy;
}
