// ACLED's rule for conflicting figures: the record carries the lowest credible one.

/** The lowest credible figure among claims: finite, whole, non-negative, not absurd. 0 when none is. */
export function lowestCredible(values: readonly number[], max = 1_000_000): number {
  const ok = values.filter((v) => Number.isFinite(v) && Number.isInteger(v) && v >= 0 && v <= max);
  return ok.length ? Math.min(...ok) : 0;
}
