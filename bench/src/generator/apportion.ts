/**
 * Splits `total` into integer parts proportional to `weights` (largest remainder), giving every
 * part at least `min` when the total allows it. The parts always sum to `total` exactly.
 *
 * @example apportion(10, [1, 1, 2]) // [3, 2, 5]
 */
export function apportion(total: number, weights: readonly number[], min = 0): number[] {
  const n = weights.length;
  if (n === 0) return [];
  const floor = total >= min * n ? min : 0;
  const rest = total - floor * n;
  const sum = weights.reduce((a, b) => a + b, 0);
  const shares = weights.map((w) => (sum > 0 ? (rest * w) / sum : rest / n));
  const parts = shares.map((s) => floor + Math.floor(s));
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = shares
    .map((s, i) => ({ i, r: s - Math.floor(s) }))
    .sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % n, left--) {
    const i = (order[k] as { i: number }).i;
    parts[i] = (parts[i] as number) + 1;
  }
  return parts;
}
