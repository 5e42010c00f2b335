import type { Message } from "@ceping/engine";
import { intraclassCorrelations } from "./intraclass-correlations.ts";
import { kendallW } from "./kendall-w.ts";
import { krippendorffAlpha } from "./krippendorff-alpha.ts";
import type { PanelPolicy } from "./panel-policy.ts";

/** A statistic, or why there is none: with too little data the chair is told so, not shown a number. */
export type Statistic =
  { readonly value: number } | { readonly value: null; readonly reason: Message };

/** How far a panel agrees on the reviewers' judged totals at one level. */
export interface Agreement {
  /** candidates with at least one reviewer's total */
  readonly candidates: number;
  /** reviewers with at least one total */
  readonly reviewers: number;
  /** candidates every one of those reviewers scored: the ICCs and W use only these */
  readonly complete: number;
  /** ICC(A,k): trust in the absolute scores (thresholds) */
  readonly agreementMean: Statistic;
  /** ICC(C,k): trust in the ranking */
  readonly consistencyMean: Statistic;
  /** ICC(A,1) */
  readonly agreement: Statistic;
  /** ICC(C,1) */
  readonly consistency: Statistic;
  /** ICC(C,1) − ICC(A,1): a large gap means a harsh or lenient reviewer */
  readonly gap: Statistic;
  /** ICC(1,1), for panels where each candidate had different reviewers */
  readonly oneWay: Statistic;
  /** Krippendorff's alpha (interval), which copes with the gaps conflicts leave */
  readonly alpha: Statistic;
  /** Kendall's W with tie correction: do the reviewers rank alike */
  readonly kendallW: Statistic;
}

/**
 * Computes the agreement statistics from candidate → reviewer → judged total (in any unit), with
 * the policy's minimum numbers of candidates and reviewers.
 */
export function evaluateAgreement(
  totals: ReadonlyMap<string, ReadonlyMap<string, number>>,
  minimum: PanelPolicy["agreement"],
): Agreement {
  const rows = [...totals.values()].filter((row) => row.size > 0);
  const reviewers = [...new Set(rows.flatMap((row) => [...row.keys()]))].sort();
  const complete = rows
    .filter((row) => reviewers.every((reviewer) => row.has(reviewer)))
    .map((row) => reviewers.map((reviewer) => row.get(reviewer) as number));
  const few = (candidates: number): Statistic => ({
    value: null,
    reason: {
      code: "store.agreement_few",
      params: {
        candidates,
        reviewers: reviewers.length,
        minCandidates: minimum.minCandidates,
        minReviewers: minimum.minReviewers,
      },
    },
  });
  const flat: Statistic = { value: null, reason: { code: "store.agreement_flat", params: {} } };
  const of = (value: number | undefined): Statistic => (value === undefined ? flat : { value });
  const enough = (n: number) =>
    n >= minimum.minCandidates && reviewers.length >= minimum.minReviewers;

  const overall = enough(rows.length) ? undefined : few(rows.length);
  const crossed = overall ?? (enough(complete.length) ? undefined : few(complete.length));
  const icc = crossed ? undefined : intraclassCorrelations(complete);
  const form = (pick: (forms: NonNullable<typeof icc>) => number): Statistic =>
    crossed ?? (icc ? { value: pick(icc) } : flat);
  return {
    candidates: rows.length,
    reviewers: reviewers.length,
    complete: complete.length,
    agreementMean: form((f) => f.agreementMean),
    consistencyMean: form((f) => f.consistencyMean),
    agreement: form((f) => f.agreement),
    consistency: form((f) => f.consistency),
    gap: form((f) => f.consistency - f.agreement),
    oneWay: form((f) => f.oneWay),
    alpha:
      overall ??
      of(krippendorffAlpha(rows.map((row) => reviewers.map((reviewer) => row.get(reviewer))))),
    kendallW: crossed ?? of(kendallW(complete)),
  };
}
