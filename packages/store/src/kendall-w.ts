/**
 * Kendall's coefficient of concordance W with the correction for ties, over a complete matrix
 * (rows candidates, columns reviewers); each reviewer's scores are ranked, equal scores sharing
 * their mean rank. Undefined with fewer than 2 rows or columns, or when every reviewer ties all.
 */
export function kendallW(rows: readonly (readonly number[])[]): number | undefined {
  const n = rows.length;
  const k = rows[0]?.length ?? 0;
  if (n < 2 || k < 2 || rows.some((row) => row.length !== k)) {
    return undefined;
  }
  const rankSums = new Array<number>(n).fill(0);
  let ties = 0;
  for (let j = 0; j < k; j++) {
    const { ranks, correction } = rankWithTies(rows.map((row) => row[j] as number));
    ranks.forEach((rank, i) => {
      rankSums[i] = (rankSums[i] as number) + rank;
    });
    ties += correction;
  }
  const mean = rankSums.reduce((a, b) => a + b, 0) / n;
  const s = rankSums.reduce((a, sum) => a + (sum - mean) ** 2, 0);
  const denominator = k * k * (n ** 3 - n) - k * ties;
  return denominator > 0 ? (12 * s) / denominator : undefined;
}

function rankWithTies(values: readonly number[]): { ranks: number[]; correction: number } {
  const order = values
    .map((_, i) => i)
    .sort((a, b) => (values[a] as number) - (values[b] as number));
  const ranks = new Array<number>(values.length).fill(0);
  let correction = 0;
  for (let start = 0; start < order.length;) {
    let end = start + 1;
    while (end < order.length && values[order[end] as number] === values[order[start] as number]) {
      end += 1;
    }
    const size = end - start;
    const rank = (start + 1 + end) / 2;
    for (let p = start; p < end; p++) {
      ranks[order[p] as number] = rank;
    }
    correction += size ** 3 - size;
    start = end;
  }
  return { ranks, correction };
}
