import type { Candidate } from "./candidate.ts";
import type { CompiledRuleSet } from "./compile-rule-set.ts";
import { error, uniqueIssues } from "./issue.ts";
import type { Issue } from "./issue.ts";
import type { LevelRules, RuleLibrary } from "./load-rule-library.ts";
import { prepareCandidate } from "./prepare-candidate.ts";
import type { PreparedCandidate } from "./prepare-candidate.ts";
import { scoreCandidate } from "./score-candidate.ts";
import type { LevelScore } from "./score-candidate.ts";
import { UNIT_TYPE_NAMES } from "./vocabulary.ts";
import type { Level, UnitType } from "./vocabulary.ts";

/** A candidate's results on every level of the ladder that scores its unit type. */
export interface CandidateScore {
  readonly candidate: Candidate;
  readonly levels: readonly LevelScore[];
  /** the highest level whose status is eligible, or null */
  readonly highest: Level | null;
}

/** The table a level scores a unit type with, and the unit type it was scored as when it fell back. */
export function tableFor(
  rules: LevelRules,
  unitType: UnitType,
): { compiled: CompiledRuleSet; scoredAs?: UnitType } | undefined {
  const own = rules.tables.find((table) => table.ruleSet.appliesTo.includes(unitType));
  if (own) {
    return { compiled: own };
  }
  const fallback = rules.settings.fallback[unitType];
  const table = fallback && rules.tables.find((t) => t.ruleSet.appliesTo.includes(fallback));
  return table && fallback ? { compiled: table, scoredAs: fallback } : undefined;
}

interface Plan {
  readonly prepared: PreparedCandidate;
  readonly scoredAs?: UnitType;
}

export interface ScoreAllOptions {
  readonly on: string;
  /** vetoes raised by the panel chair, by candidate id */
  readonly raisedVetoes?: ReadonlyMap<string, readonly string[]>;
  readonly explain?: boolean;
}

/**
 * Checks every candidate against every table that scores it, then scores them all. Any error in
 * the input means no results: the issues say what to fix, all of them at once.
 */
export function scoreCandidates(
  library: RuleLibrary,
  candidates: readonly Candidate[],
  options: ScoreAllOptions,
): { results: CandidateScore[]; issues: Issue[] } {
  // each candidate's issues as they are found; repeats go at the end (uniqueIssues)
  const found: Issue[][] = [];
  const plans = candidates.map((candidate) => {
    const plan: Plan[] = [];
    for (const rules of library.levels) {
      const table = tableFor(rules, candidate.unitType);
      if (!table) {
        continue;
      }
      const prepared = prepareCandidate(candidate, table.compiled);
      found.push(prepared.issues);
      plan.push({
        prepared: prepared.prepared,
        ...(table.scoredAs && { scoredAs: table.scoredAs }),
      });
    }
    if (plan.length === 0) {
      found.push([
        error("cand.unscored_unit_type", candidate.unitTypePlace ?? candidate.place, {
          unitType: UNIT_TYPE_NAMES[candidate.unitType],
        }),
      ]);
    }
    const judged = new Set(
      plan.flatMap(({ prepared }) =>
        prepared.compiled.indicators
          .filter((entry) => entry.indicator.scoring.kind === "judged")
          .map((entry) => entry.indicator.id),
      ),
    );
    for (const [reviewer, byIndicator] of Object.entries(candidate.scores)) {
      for (const indicator of Object.keys(byIndicator)) {
        if (!judged.has(indicator) && plan.length > 0) {
          found.push([
            error(
              "score.unknown_indicator",
              candidate.scorePlaces?.[reviewer]?.[indicator] ?? candidate.place,
              {
                reviewer,
                indicator,
              },
            ),
          ]);
        }
      }
    }
    return plan;
  });
  const issues = uniqueIssues(found.flat());
  if (issues.some((issue) => issue.severity === "error")) {
    return { results: [], issues };
  }
  const results = candidates.map((candidate, index) => {
    const levels = (plans[index] ?? []).map(({ prepared, scoredAs }) =>
      scoreCandidate(prepared, {
        on: options.on,
        validity: library.validity,
        ...(options.raisedVetoes && { raisedVetoes: options.raisedVetoes.get(candidate.id) ?? [] }),
        ...(scoredAs && { scoredAs }),
        ...(options.explain && { explain: true }),
      }),
    );
    const eligible = levels.filter((level) => level.status === "eligible");
    return {
      candidate,
      levels,
      highest: eligible.length > 0 ? (eligible[eligible.length - 1] as LevelScore).level : null,
    };
  });
  return { results, issues };
}
