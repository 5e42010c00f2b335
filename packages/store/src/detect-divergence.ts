import type { Cents } from "@ceping/engine";
import { canonicalJson, sha256Hex } from "@ceping/engine";
import type { DivergenceLimits } from "./panel-policy.ts";

/** The four divergence flags of panel.md. */
export type FlagKind = "spread" | "range" | "outlier" | "leniency";

/** A divergence the chair must dispose of before the assessment can be locked. */
export interface DivergenceFlag {
  /** stable identity: the same flag on the same candidate, reviewer or indicator keeps its key */
  readonly key: string;
  readonly kind: FlagKind;
  readonly level: string;
  readonly candidate?: string;
  readonly reviewer?: string;
  readonly indicator?: string;
  /** what was measured, in points: a spread, a range, a deviation (signed), a mean deviation */
  readonly value: number;
  /** the limit it exceeded, in points */
  readonly limit: number;
  /** the modified z-score of an outlier, with enough reviewers */
  readonly z?: number;
  /** a digest of the scores the flag rests on: a disposition holds while they stay the same */
  readonly basis: string;
}

/** One candidate's judged indicators at a level and the reviewers' submitted scores for them. */
export interface JudgedCandidate {
  readonly id: string;
  /** the judged indicators of its table, with maxima in hundredths */
  readonly judged: readonly { readonly id: string; readonly max: Cents }[];
  /** reviewer → indicator id → points in hundredths; submitted sheets of non-recused reviewers only */
  readonly sheets: ReadonlyMap<string, ReadonlyMap<string, Cents>>;
}

/** A candidate's reviewers' judged totals, from the sheets that score every judged indicator. */
export function judgedTotals(candidate: JudgedCandidate): Map<string, Cents> {
  const totals = new Map<string, Cents>();
  for (const [reviewer, scores] of candidate.sheets) {
    let total = 0;
    let complete = candidate.judged.length > 0;
    for (const indicator of candidate.judged) {
      const points = scores.get(indicator.id);
      if (points === undefined) {
        complete = false;
        break;
      }
      total += points;
    }
    if (complete) {
      totals.set(reviewer, total);
    }
  }
  return totals;
}

/**
 * Finds the divergence flags of one level: spread per indicator, range and outliers per candidate
 * (on judged totals), leniency per reviewer across candidates. Values exactly at a limit do not
 * exceed it.
 */
export function detectDivergence(
  level: string,
  candidates: readonly JudgedCandidate[],
  limits: DivergenceLimits,
): DivergenceFlag[] {
  const flags: DivergenceFlag[] = [];
  const deviations = new Map<string, { share: number; max: Cents; candidate: string }[]>();
  for (const candidate of candidates) {
    for (const indicator of candidate.judged) {
      const scores = [...candidate.sheets]
        .map(([reviewer, sheet]) => [reviewer, sheet.get(indicator.id)] as const)
        .filter((entry): entry is readonly [string, Cents] => entry[1] !== undefined);
      if (scores.length < 2) {
        continue;
      }
      const values = scores.map(([, points]) => points);
      const spread = Math.max(...values) - Math.min(...values);
      const limit = limits.spread * indicator.max;
      if (exceeds(spread, limit)) {
        flags.push({
          key: flagKey("spread", level, candidate.id, indicator.id),
          kind: "spread",
          level,
          candidate: candidate.id,
          indicator: indicator.id,
          value: spread / 100,
          limit: limit / 100,
          basis: basisOf(Object.fromEntries(scores)),
        });
      }
    }

    const totals = judgedTotals(candidate);
    const max = candidate.judged.reduce((sum, indicator) => sum + indicator.max, 0);
    if (totals.size < 2 || max === 0) {
      continue;
    }
    const values = [...totals.values()];
    const basis = basisOf(Object.fromEntries(totals));
    const range = Math.max(...values) - Math.min(...values);
    if (exceeds(range, limits.range * max)) {
      flags.push({
        key: flagKey("range", level, candidate.id),
        kind: "range",
        level,
        candidate: candidate.id,
        value: range / 100,
        limit: (limits.range * max) / 100,
        basis,
      });
    }
    if (totals.size < 3) {
      continue;
    }
    const center = median(values);
    // a MAD of 0 (most reviewers agree exactly) would make every other score infinitely far
    const mad = Math.max(median(values.map((value) => Math.abs(value - center))), 0.02 * max);
    for (const [reviewer, total] of totals) {
      const others = [...totals].filter(([name]) => name !== reviewer).map(([, value]) => value);
      const deviation = total - median(others);
      const entry = deviations.get(reviewer) ?? [];
      entry.push({ share: deviation / max, max, candidate: candidate.id });
      deviations.set(reviewer, entry);
      const z = totals.size >= limits.outlierZFrom ? (0.6745 * (total - center)) / mad : undefined;
      const limit = limits.outlier * max;
      if (
        exceeds(Math.abs(deviation), limit) ||
        (z !== undefined && Math.abs(z) > limits.outlierZ)
      ) {
        flags.push({
          key: flagKey("outlier", level, candidate.id, reviewer),
          kind: "outlier",
          level,
          candidate: candidate.id,
          reviewer,
          value: deviation / 100,
          limit: limit / 100,
          ...(z !== undefined && { z: Math.round(z * 100) / 100 }),
          basis,
        });
      }
    }
  }
  for (const [reviewer, entries] of deviations) {
    if (entries.length < limits.leniencyFrom) {
      continue;
    }
    const share = entries.reduce((sum, entry) => sum + entry.share, 0) / entries.length;
    const meanMax = entries.reduce((sum, entry) => sum + entry.max, 0) / entries.length;
    if (exceeds(Math.abs(share), limits.leniency)) {
      flags.push({
        key: flagKey("leniency", level, reviewer),
        kind: "leniency",
        level,
        reviewer,
        value: Math.round(share * meanMax) / 100,
        limit: (limits.leniency * meanMax) / 100,
        basis: basisOf(entries.map((entry) => [entry.candidate, entry.share])),
      });
    }
  }
  return flags;
}

/** A flag's key from its kind, level and what it is about. */
export function flagKey(kind: FlagKind, level: string, ...about: string[]): string {
  return JSON.stringify([kind, level, ...about]);
}

function exceeds(value: number, limit: number): boolean {
  // limits are shares of whole hundredths: allow for the binary representation of the share
  return value - limit > 1e-9 * Math.max(1, Math.abs(limit));
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

function basisOf(value: unknown): string {
  return sha256Hex(canonicalJson(value)).slice(0, 16);
}
