/**
 * Krippendorff's alpha for interval data: rows are units (candidates), columns coders (reviewers),
 * `undefined` where a value is missing. Units with fewer than two values are not pairable and are
 * left out. Undefined when fewer than two units are pairable or every value is the same.
 */
export function krippendorffAlpha(
  rows: readonly (readonly (number | undefined)[])[],
): number | undefined {
  const units = rows
    .map((row) => row.filter((value): value is number => value !== undefined))
    .filter((values) => values.length >= 2);
  const pooled = units.flat();
  const total = pooled.length;
  if (units.length < 2 || total < 2) {
    return undefined;
  }
  let observed = 0;
  for (const values of units) {
    // ordered pairs within the unit, each unit weighted by 1 / (m_u − 1)
    observed += (2 * sumOfPairSquares(values)) / (values.length - 1);
  }
  const expected = (2 * sumOfPairSquares(pooled)) / (total - 1);
  if (expected === 0) {
    return undefined;
  }
  return 1 - observed / expected;
}

// Σ over unordered pairs (a − b)² = n·Σx² − (Σx)², in O(n)
function sumOfPairSquares(values: readonly number[]): number {
  let sum = 0;
  let squares = 0;
  for (const value of values) {
    sum += value;
    squares += value * value;
  }
  return values.length * squares - sum * sum;
}
