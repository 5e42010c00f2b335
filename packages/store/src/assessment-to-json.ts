import { formatMessage, resultsToJson } from "@ceping/engine";
import type { Lang } from "@ceping/engine";
import type { AssessmentInfo } from "./assessment.ts";
import type { AssessmentResults } from "./compute-results.ts";
import type { Statistic } from "./evaluate-agreement.ts";

/**
 * The export: exactly `resultsToJson` of the results (so it equals `ceping score --format json`
 * on the same inputs), plus the assessment with its final hash, the flags with their
 * dispositions, agreement (three decimals, or why there is no number) and ranking per level.
 */
export function assessmentToJson(
  info: AssessmentInfo,
  results: AssessmentResults,
  lang: Lang = "zh",
): Record<string, unknown> {
  return {
    ...resultsToJson(results.results, results.on, lang),
    ...assessmentDetailsToJson(info, results, lang),
  };
}

/** What the export adds to the results: `assessment`, `flags`, `agreement` and `ranking`. */
export function assessmentDetailsToJson(
  info: AssessmentInfo,
  results: AssessmentResults,
  lang: Lang = "zh",
): Record<string, unknown> {
  const statistic = (stat: Statistic) =>
    stat.value === null
      ? { value: null, reason: formatMessage(stat.reason, lang) }
      : Math.round(stat.value * 1000) / 1000;
  return {
    assessment: {
      id: info.id,
      ...(info.title !== undefined && { title: info.title }),
      ...(info.level !== undefined && { level: info.level }),
      rulesHash: info.rulesHash,
      events: info.events,
      finalHash: info.finalHash,
      locked: info.locked,
      ...(info.chair !== undefined && { chair: info.chair }),
      reviewers: info.reviewers,
    },
    flags: results.levels.flatMap((view) =>
      view.flags.map(
        ({ key, kind, level, candidate, reviewer, indicator, value, limit, z, disposition }) => ({
          key,
          kind,
          level,
          ...(candidate !== undefined && { candidate }),
          ...(reviewer !== undefined && { reviewer }),
          ...(indicator !== undefined && { indicator }),
          value,
          limit,
          ...(z !== undefined && { z }),
          ...(disposition && {
            disposition: {
              disposition: disposition.disposition,
              reason: disposition.reason,
              by: disposition.actor,
              at: disposition.at,
            },
          }),
        }),
      ),
    ),
    agreement: Object.fromEntries(
      results.levels.map(({ level, agreement }) => [
        level,
        Object.fromEntries(
          (Object.entries(agreement) as [string, number | Statistic][]).map(([key, value]) => [
            key,
            typeof value === "number" ? value : statistic(value),
          ]),
        ),
      ]),
    ),
    ranking: Object.fromEntries(
      results.levels.map(({ level, ranking, ties, quotas }) => [
        level,
        {
          order: ranking.map((entry) => ({
            rank: entry.rank,
            id: entry.id,
            total: entry.total / 100,
            tied: entry.tied,
            ...(entry.brokenBy && { brokenBy: entry.brokenBy }),
          })),
          ties,
          quotas: quotas.map(({ quota, admitted, tiedAtCut, unsettled }) => ({
            id: quota.id,
            scope: quota.scope,
            seats: quota.seats,
            admitted,
            ...(tiedAtCut && { tiedAtCut }),
            unsettled,
          })),
        },
      ]),
    ),
  };
}
