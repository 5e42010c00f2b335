import type { Cents } from "@ceping/engine";
import type { TieBreakStep } from "./panel-policy.ts";

/** A candidate to rank at one level, with the published numbers the tie-break chain reads. */
export interface RankInput {
  readonly id: string;
  /** the total as published, in hundredths */
  readonly total: Cents;
  /** the judged part: the panel's points on judged indicators, in hundredths */
  readonly judged: Cents;
  /** category id → points, in the table's order (the first is the table's first category) */
  readonly categories: readonly { readonly id: string; readonly points: Cents }[];
}

/** A chair's recorded order for a group of tied candidates; it applies to exactly that group. */
export interface TieOrder {
  readonly order: readonly string[];
}

/** A candidate's place in a ranking. */
export interface RankedCandidate {
  readonly id: string;
  /** 1 + the number of candidates ranked strictly ahead; tied candidates share it */
  readonly rank: number;
  readonly total: Cents;
  /** the step that put it behind the candidate just above it with the same total */
  readonly brokenBy?: TieBreakStep;
  /** it shares its rank with others: a tie the chain could not break */
  readonly tied: boolean;
}

/**
 * Ranks candidates by total, breaking equal totals with the declared chain: each step orders a
 * group by its value (higher first); the chair's step applies a recorded order for exactly that
 * group. What the chain cannot break stays tied, sharing a rank, listed by id; never at random.
 * The chair's step is always the last, even where the chain leaves it out.
 */
export function rankCandidates(
  candidates: readonly RankInput[],
  chain: readonly TieBreakStep[],
  decisions: readonly TieOrder[],
): RankedCandidate[] {
  const steps: TieBreakStep[] = [...chain.filter((step) => step !== "chair"), "chair"];
  const byTotal = [...candidates].sort((a, b) => b.total - a.total || compareIds(a.id, b.id));
  const ranked: RankedCandidate[] = [];
  let position = 0;
  for (const group of runs(byTotal, (c) => c.total)) {
    for (const block of breakTies(group, steps, 0, decisions, undefined)) {
      const rank = position + 1;
      block.members.forEach((candidate, index) => {
        const brokenBy = index === 0 ? block.brokenBy : undefined;
        ranked.push({
          id: candidate.id,
          rank,
          total: candidate.total,
          ...(brokenBy && { brokenBy }),
          tied: block.members.length > 1,
        });
      });
      position += block.members.length;
    }
  }
  return ranked;
}

interface Block {
  readonly members: readonly RankInput[];
  readonly brokenBy?: TieBreakStep;
}

function breakTies(
  group: readonly RankInput[],
  steps: readonly TieBreakStep[],
  from: number,
  decisions: readonly TieOrder[],
  brokenBy: TieBreakStep | undefined,
): Block[] {
  if (group.length === 1) {
    return [{ members: group, ...(brokenBy && { brokenBy }) }];
  }
  for (let s = from; s < steps.length; s++) {
    const step = steps[s] as TieBreakStep;
    if (step === "chair") {
      const ids = new Set(group.map((c) => c.id));
      const decision = [...decisions]
        .reverse()
        .find((d) => d.order.length === ids.size && d.order.every((id) => ids.has(id)));
      if (!decision) {
        break;
      }
      return decision.order.map((id, index) => ({
        members: group.filter((c) => c.id === id),
        ...(index > 0 ? { brokenBy: "chair" as const } : brokenBy && { brokenBy }),
      }));
    }
    const value = valueOf(step);
    const sorted = [...group].sort((a, b) => value(b) - value(a) || compareIds(a.id, b.id));
    const parts = runs(sorted, value);
    if (parts.length === 1) {
      continue;
    }
    return parts.flatMap((part, index) =>
      breakTies(part, steps, s + 1, decisions, index > 0 ? step : brokenBy),
    );
  }
  return [{ members: group, ...(brokenBy && { brokenBy }) }];
}

function valueOf(step: Exclude<TieBreakStep, "chair">): (candidate: RankInput) => number {
  if (step === "judged") {
    return (candidate) => candidate.judged;
  }
  if (step === "first_category") {
    return (candidate) => candidate.categories[0]?.points ?? 0;
  }
  const id = step.slice("category:".length);
  return (candidate) => candidate.categories.find((category) => category.id === id)?.points ?? 0;
}

function runs<T>(sorted: readonly T[], key: (item: T) => number): T[][] {
  const groups: T[][] = [];
  for (const item of sorted) {
    const last = groups[groups.length - 1];
    if (last && key(last[0] as T) === key(item)) {
      last.push(item);
    } else {
      groups.push([item]);
    }
  }
  return groups;
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
