import type { CandidateScore, Cents } from "@ceping/engine";

/** A band of a judged indicator's rubric (评分标准). */
export interface RubricLevel {
  readonly label: string;
  readonly points: number;
}

/** A judged indicator as a reviewer scores it, across the tables that score the candidate. */
export interface JudgedItem {
  readonly id: string;
  readonly title: string;
  /** the category's title, or null for a bonus item */
  readonly category: string | null;
  /** the lowest maximum of the tables that have it */
  readonly max: Cents;
  /** the largest step of the tables that have it */
  readonly step: Cents;
  readonly rubric: readonly RubricLevel[];
  readonly hint?: string;
  readonly methods: readonly string[];
  /** each table's limits: a score must meet all of them */
  readonly limits: readonly { readonly max: Cents; readonly step: Cents }[];
}

// a candidate's results are immutable: work out its items once per result
const known = new WeakMap<CandidateScore, readonly JudgedItem[]>();

/** The judged indicators of a candidate's tables, in table order, each once. */
export function judgedItems(result: CandidateScore): readonly JudgedItem[] {
  let found = known.get(result);
  if (!found) {
    found = collectItems(result);
    known.set(result, found);
  }
  return found;
}

function collectItems(result: CandidateScore): JudgedItem[] {
  const items = new Map<string, JudgedItem>();
  for (const score of result.levels) {
    const { ruleSet } = score.compiled;
    for (const entry of score.compiled.indicators) {
      const { indicator } = entry;
      const scoring = indicator.scoring;
      if (scoring.kind !== "judged") {
        continue;
      }
      const step = Math.round(scoring.step * 100);
      const known = items.get(indicator.id);
      if (known) {
        items.set(indicator.id, {
          ...known,
          max: Math.min(known.max, entry.max),
          step: Math.max(known.step, step),
          limits: [...known.limits, { max: entry.max, step }],
        });
        continue;
      }
      items.set(indicator.id, {
        id: indicator.id,
        title: indicator.title,
        category: entry.category >= 0 ? (ruleSet.categories[entry.category]?.title ?? null) : null,
        max: entry.max,
        step,
        rubric: scoring.rubric ?? [],
        ...(indicator.hint !== undefined && { hint: indicator.hint }),
        methods: indicator.methods,
        limits: [{ max: entry.max, step }],
      });
    }
  }
  return [...items.values()];
}

/** Why a score does not fit an item: out of range, off the step, or null when it fits. */
export function scoreProblem(item: JudgedItem, points: number): "range" | "step" | null {
  const cents = Math.round(points * 100);
  if (!Number.isFinite(points) || Math.abs(points * 100 - cents) > 1e-6) {
    return "range";
  }
  for (const limit of item.limits) {
    if (cents < 0 || cents > limit.max) {
      return "range";
    }
    if (limit.step > 0 && cents % limit.step !== 0) {
      return "step";
    }
  }
  return null;
}
