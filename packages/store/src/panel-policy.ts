/** A step of the tie-break chain: the judged part, the first category, a named category, the chair. */
export type TieBreakStep = "judged" | "first_category" | "chair" | `category:${string}`;

/** When a divergence flag is raised; shares are of an indicator's or the judged part's maximum. */
export interface DivergenceLimits {
  /** an indicator's highest minus lowest score exceeds this share of its maximum @default 0.5 */
  readonly spread: number;
  /** a candidate's reviewer totals (judged part) differ by more than this share @default 0.2 */
  readonly range: number;
  /** a reviewer's total differs from the median of the others' by more than this share @default 0.15 */
  readonly outlier: number;
  /** with `outlierZFrom` reviewers or more, a modified z-score above this is an outlier too @default 3.5 */
  readonly outlierZ: number;
  /** @default 5 */
  readonly outlierZFrom: number;
  /** a reviewer's mean deviation from the others' median exceeds this share @default 0.1 */
  readonly leniency: number;
  /** over at least this many candidates @default 5 */
  readonly leniencyFrom: number;
}

/** What a panel declares before scoring: divergence limits, the tie-break chain, agreement minima. */
export interface PanelPolicy {
  readonly divergence: DivergenceLimits;
  /** @default ["judged", "first_category", "chair"] */
  readonly tieBreak: readonly TieBreakStep[];
  /** agreement statistics are shown from this many candidates and reviewers @default 5 and 3 */
  readonly agreement: { readonly minCandidates: number; readonly minReviewers: number };
}

/** panel.md's defaults. */
export const DEFAULT_PANEL_POLICY: PanelPolicy = {
  divergence: {
    spread: 0.5,
    range: 0.2,
    outlier: 0.15,
    outlierZ: 3.5,
    outlierZFrom: 5,
    leniency: 0.1,
    leniencyFrom: 5,
  },
  tieBreak: ["judged", "first_category", "chair"],
  agreement: { minCandidates: 5, minReviewers: 3 },
};

/** A policy as a caller gives it: any part may be left out and takes the default. */
export interface PanelPolicyInput {
  readonly divergence?: Partial<DivergenceLimits>;
  readonly tieBreak?: readonly TieBreakStep[];
  readonly agreement?: Partial<PanelPolicy["agreement"]>;
}

/** The policy with defaults filled in; the problems (by path) when a value is out of range. */
export function resolvePanelPolicy(input: PanelPolicyInput = {}): {
  policy: PanelPolicy;
  problems: { path: string; found: string }[];
} {
  const policy: PanelPolicy = {
    divergence: { ...DEFAULT_PANEL_POLICY.divergence, ...input.divergence },
    tieBreak: input.tieBreak ?? DEFAULT_PANEL_POLICY.tieBreak,
    agreement: { ...DEFAULT_PANEL_POLICY.agreement, ...input.agreement },
  };
  const problems: { path: string; found: string }[] = [];
  for (const [key, value] of Object.entries(policy.divergence)) {
    const whole = key.endsWith("From") || key === "outlierZ";
    if (
      typeof value !== "number" ||
      !Number.isFinite(value) ||
      value < 0 ||
      (!whole && value > 1)
    ) {
      problems.push({ path: `divergence.${key}`, found: String(value) });
    }
  }
  for (const [key, value] of Object.entries(policy.agreement)) {
    if (typeof value !== "number" || !Number.isInteger(value) || value < 2) {
      problems.push({ path: `agreement.${key}`, found: String(value) });
    }
  }
  policy.tieBreak.forEach((step, index) => {
    const known =
      step === "judged" ||
      step === "first_category" ||
      step === "chair" ||
      (typeof step === "string" && /^category:.+/.test(step));
    if (!known || policy.tieBreak.indexOf(step) !== index) {
      problems.push({ path: `tieBreak[${index}]`, found: String(step) });
    }
  });
  return { policy, problems };
}
