/** The Shrout–Fleiss / McGraw–Wong intraclass correlations of a complete candidates × reviewers matrix. */
export interface IntraclassCorrelations {
  /** one-way random, single reviewer: ICC(1,1) */
  readonly oneWay: number;
  /** one-way random, mean of k reviewers: ICC(1,k) */
  readonly oneWayMean: number;
  /** two-way, absolute agreement, single reviewer: ICC(A,1) = ICC(2,1) */
  readonly agreement: number;
  /** two-way, absolute agreement, mean of k reviewers: ICC(A,k) = ICC(2,k) */
  readonly agreementMean: number;
  /** two-way, consistency, single reviewer: ICC(C,1) = ICC(3,1) */
  readonly consistency: number;
  /** two-way, consistency, mean of k reviewers: ICC(C,k) = ICC(3,k) */
  readonly consistencyMean: number;
}

/**
 * Computes the six ICC forms from the two-way ANOVA of a complete matrix (rows candidates,
 * columns reviewers); undefined with fewer than 2 rows or columns, or with no variance at all.
 */
export function intraclassCorrelations(
  rows: readonly (readonly number[])[],
): IntraclassCorrelations | undefined {
  const n = rows.length;
  const k = rows[0]?.length ?? 0;
  if (n < 2 || k < 2 || rows.some((row) => row.length !== k)) {
    return undefined;
  }
  let sum = 0;
  for (const row of rows) {
    for (const value of row) {
      sum += value;
    }
  }
  const grand = sum / (n * k);
  const rowMeans = rows.map((row) => row.reduce((a, b) => a + b, 0) / k);
  const columnMeans = Array.from(
    { length: k },
    (_, j) => rows.reduce((a, row) => a + (row[j] as number), 0) / n,
  );
  let ssTotal = 0;
  for (const row of rows) {
    for (const value of row) {
      ssTotal += (value - grand) ** 2;
    }
  }
  const ssRows = k * rowMeans.reduce((a, mean) => a + (mean - grand) ** 2, 0);
  const ssColumns = n * columnMeans.reduce((a, mean) => a + (mean - grand) ** 2, 0);
  const ssError = ssTotal - ssRows - ssColumns;
  const msRows = ssRows / (n - 1);
  const msColumns = ssColumns / (k - 1);
  const msError = ssError / ((n - 1) * (k - 1));
  const msWithin = (ssTotal - ssRows) / (n * (k - 1));
  const forms: IntraclassCorrelations = {
    oneWay: (msRows - msWithin) / (msRows + (k - 1) * msWithin),
    oneWayMean: (msRows - msWithin) / msRows,
    agreement: (msRows - msError) / (msRows + (k - 1) * msError + (k * (msColumns - msError)) / n),
    agreementMean: (msRows - msError) / (msRows + (msColumns - msError) / n),
    consistency: (msRows - msError) / (msRows + (k - 1) * msError),
    consistencyMean: (msRows - msError) / msRows,
  };
  return Object.values(forms).every(Number.isFinite) ? forms : undefined;
}
