import { toCents } from "@ceping/engine";
import type { CompiledRuleSet } from "@ceping/engine";

/** A judged indicator as a reviewer's sheet shows it, merged over the tables scoring a candidate. */
export interface JudgedIndicator {
  readonly id: string;
  readonly title: string;
  /** the first-level indicator's title, or 加分项 for a bonus item */
  readonly category: string;
  /** the lowest maximum of the tables judging it, in points */
  readonly max: number;
  /** a step every table accepts, in points */
  readonly step: number;
  /** how to score it: rubric levels, hint and methods, in words */
  readonly method: string;
}

const BONUS = "加分项";

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/**
 * The judged indicators of some tables (one per level scoring a candidate), by id, in the first
 * table's order: a score must fit every table, so the lowest maximum and a common step are kept.
 */
export function judgedIndicators(tables: readonly CompiledRuleSet[]): JudgedIndicator[] {
  const found = new Map<string, JudgedIndicator & { stepCents: number; maxCents: number }>();
  for (const table of tables) {
    const { ruleSet } = table;
    for (const entry of table.indicators) {
      const { indicator } = entry;
      if (indicator.scoring.kind !== "judged") {
        continue;
      }
      const stepCents = toCents(indicator.scoring.step);
      const known = found.get(indicator.id);
      if (known) {
        const common = (known.stepCents * stepCents) / gcd(known.stepCents, stepCents);
        const maxCents = Math.min(known.maxCents, entry.max);
        found.set(indicator.id, {
          ...known,
          stepCents: common,
          step: common / 100,
          maxCents,
          max: maxCents / 100,
        });
        continue;
      }
      const rubric = (indicator.scoring.rubric ?? []).map(
        (level) => `${level.label}（${level.points}分）`,
      );
      const method = [
        ...rubric,
        ...(indicator.hint ? [indicator.hint] : []),
        ...(indicator.methods.length > 0 ? [`方法：${indicator.methods.join("、")}`] : []),
      ].join("\n");
      found.set(indicator.id, {
        id: indicator.id,
        title: indicator.title,
        category: entry.category >= 0 ? (ruleSet.categories[entry.category]?.title ?? "") : BONUS,
        max: entry.max / 100,
        maxCents: entry.max,
        step: stepCents / 100,
        stepCents,
        method,
      });
    }
  }
  return [...found.values()].map(({ id, title, category, max, step, method }) => ({
    id,
    title,
    category,
    max,
    step,
    method,
  }));
}
