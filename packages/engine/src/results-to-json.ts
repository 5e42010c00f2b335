import { formatMessage } from "./messages.ts";
import type { Lang } from "./messages.ts";
import { fromCents } from "./points.ts";
import type { CandidateScore } from "./score-candidates.ts";
import type { LevelScore } from "./score-candidate.ts";

/** One level's result in the JSON contract of `ceping score --format json`. */
export function levelScoreToJson(score: LevelScore, lang: Lang = "zh"): Record<string, unknown> {
  const { ruleSet, indicators } = score.compiled;
  const categories: Record<string, number> = {};
  ruleSet.categories.forEach((category, index) => {
    categories[category.id] = fromCents(score.categories[index] ?? 0);
  });
  const byId: Record<string, number> = {};
  indicators.forEach((entry, index) => {
    byId[entry.indicator.id] = fromCents(score.indicators[index] ?? 0);
  });
  return {
    level: score.level,
    ruleset: ruleSet.id,
    version: ruleSet.version,
    hash: ruleSet.hash,
    status: score.status,
    total: fromCents(score.total),
    base: fromCents(score.base),
    bonus: fromCents(score.bonus),
    categories,
    indicators: byId,
    vetoes: [...score.vetoes],
    reasons: score.reasons.map((reason) => formatMessage(reason, lang)),
    missing: [...score.missing],
    nearMiss: score.nearMiss,
    pending: indicators
      .filter((_, index) => score.states[index] === "pending")
      .map((entry) => entry.indicator.id),
    ...(score.scoredAs && { scoredAs: score.scoredAs }),
  };
}

/** One candidate's results, an element of `candidates` in `ceping score --format json`. */
export function candidateScoreToJson(
  { candidate, levels, highest }: CandidateScore,
  lang: Lang = "zh",
): Record<string, unknown> {
  return {
    id: candidate.id,
    name: candidate.name,
    unitType: candidate.unitType,
    highest,
    levels: levels.map((level) => levelScoreToJson(level, lang)),
  };
}

/** The whole result of a scoring run, as `ceping score --format json` prints it. */
export function resultsToJson(
  results: readonly CandidateScore[],
  on: string,
  lang: Lang = "zh",
): Record<string, unknown> {
  return { on, candidates: results.map((result) => candidateScoreToJson(result, lang)) };
}
