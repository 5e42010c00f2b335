import { scoreCandidates, uniqueIssues } from "@ceping/engine";
import type {
  CandidateScore,
  Cents,
  Issue,
  Level,
  LevelScore,
  ReviewerScores,
} from "@ceping/engine";
import { admitByQuota } from "./admit-by-quota.ts";
import type { QuotaOutcome } from "./admit-by-quota.ts";
import { detectDivergence, judgedTotals } from "./detect-divergence.ts";
import type { DivergenceFlag, JudgedCandidate } from "./detect-divergence.ts";
import { evaluateAgreement } from "./evaluate-agreement.ts";
import type { Agreement } from "./evaluate-agreement.ts";
import type { LockedResult } from "./panel-events.ts";
import type { PanelContext } from "./panel-context.ts";
import { toEngineCandidate } from "./panel-context.ts";
import { conflictInForce, pairKey } from "./panel-state.ts";
import type { Disposition, PanelState } from "./panel-state.ts";
import { rankCandidates } from "./rank-candidates.ts";
import type { RankedCandidate } from "./rank-candidates.ts";

/** A divergence flag with the chair's disposition, when one holds for its current basis. */
export interface FlagView extends DivergenceFlag {
  readonly disposition?: Disposition;
}

/** The panel's view of one level: flags, agreement, ranking, ties and quotas. */
export interface LevelView {
  readonly level: Level;
  readonly flags: readonly FlagView[];
  readonly agreement: Agreement;
  /** the eligible candidates, ranked by published total and the tie-break chain */
  readonly ranking: readonly RankedCandidate[];
  /** groups sharing a rank that the chain could not break: the chair may order each */
  readonly ties: readonly (readonly string[])[];
  readonly quotas: readonly QuotaOutcome[];
}

/** Everything an assessment's events add up to. */
export interface AssessmentResults {
  readonly on: string;
  /** exactly what `scoreCandidates` gives for the same rules, candidates, date and scores */
  readonly results: readonly CandidateScore[];
  /** problems the engine found (none in a consistent assessment) */
  readonly issues: readonly Issue[];
  readonly levels: readonly LevelView[];
  /** the scores that count: submitted, by reviewers without a conflict, candidate → reviewer → indicator */
  readonly scores: ReadonlyMap<string, ReviewerScores>;
}

/**
 * What `computeResults` keeps between calls on one assessment, so that an event rescores only
 * the candidates whose inputs it changed: a draft score changes none, a submitted sheet one.
 */
export interface ResultsMemo {
  /** by candidate id: what its results were computed from, and them */
  readonly candidates: Map<string, { key: string; result?: CandidateScore; issues: Issue[] }>;
  /** bumped whenever a candidate's results change */
  generation: number;
  levels?: { readonly key: string; readonly levels: readonly LevelView[] };
}

/** An empty memo: the first `computeResults` with it computes everything. */
export function createResultsMemo(): ResultsMemo {
  return { candidates: new Map(), generation: 0 };
}

/**
 * Derives the results from the state: the engine's scores, then flags, agreement and ranking.
 * With a memo from earlier calls on the same assessment, only what changed is computed again;
 * the results are the same as without one.
 */
export function computeResults(
  context: PanelContext,
  state: PanelState,
  memo: ResultsMemo = createResultsMemo(),
): AssessmentResults {
  const { scores, keys } = countedScores(context, state);
  const library = context.library;
  const on = context.created.on;
  context.candidates.forEach((record, index) => {
    const vetoes = [...(state.vetoes.get(record.id)?.keys() ?? [])];
    const key = `${keys[index] ?? ""}|${vetoes.join(",")}`;
    if (memo.candidates.get(record.id)?.key === key) {
      return;
    }
    const candidate = toEngineCandidate(context.location, record, index, scores.get(record.id));
    // one candidate at a time: the engine's issues come from checking each candidate alone,
    // so scoring them one by one gives the same results and issues as scoring them together
    const scored = scoreCandidates(library, [candidate], {
      on,
      raisedVetoes: new Map([[record.id, vetoes]]),
    });
    memo.candidates.set(record.id, {
      key,
      ...(scored.results[0] && { result: scored.results[0] }),
      issues: scored.issues,
    });
    memo.generation++;
  });
  const entries = context.candidates.map((record) => memo.candidates.get(record.id));
  const issues = uniqueIssues(entries.flatMap((entry) => entry?.issues ?? []));
  const results = entries.flatMap((entry) => (entry?.result ? [entry.result] : []));
  // as scoreCandidates does: any error in the input means no results at all
  const counted = issues.some((issue) => issue.severity === "error") ? [] : results;
  const levelsKey = [
    memo.generation,
    counted.length,
    [...state.dispositions.values()].map((entry) => entry.seq).join(","),
    state.ties.map((entry) => entry.seq).join(","),
    [...state.quotas.values()].map((entry) => entry.seq).join(","),
  ].join("|");
  if (memo.levels?.key !== levelsKey) {
    memo.levels = {
      key: levelsKey,
      levels: context.levels.map((level) => levelView(context, state, counted, scores, level)),
    };
  }
  return { on, results: counted, issues, levels: memo.levels.levels, scores };
}

/** The results as recorded in the lock event: numbers and statuses, no words. */
export function lockedResults(results: AssessmentResults): LockedResult[] {
  const ranks = new Map(
    results.levels.flatMap((view) =>
      view.ranking.map((entry) => [`${view.level}|${entry.id}`, entry.rank]),
    ),
  );
  return results.results.flatMap(({ candidate, levels }) =>
    levels.map((score): LockedResult => {
      const { ruleSet, indicators } = score.compiled;
      return {
        candidate: candidate.id,
        level: score.level,
        status: score.status,
        total: score.total / 100,
        base: score.base / 100,
        bonus: score.bonus / 100,
        categories: Object.fromEntries(
          ruleSet.categories.map((category, i) => [category.id, (score.categories[i] ?? 0) / 100]),
        ),
        indicators: Object.fromEntries(
          indicators.map((entry, i) => [entry.indicator.id, (score.indicators[i] ?? 0) / 100]),
        ),
        vetoes: [...score.vetoes],
        missing: [...score.missing],
        nearMiss: score.nearMiss,
        rank: ranks.get(`${score.level}|${candidate.id}`) ?? null,
      };
    }),
  );
}

/** The scores that count, by candidate, and per candidate (in order) a key of them. */
function countedScores(
  context: PanelContext,
  state: PanelState,
): { scores: Map<string, ReviewerScores>; keys: string[] } {
  const counted = new Map<string, Record<string, Record<string, number>>>();
  const keys: string[] = [];
  for (const record of context.candidates) {
    const byReviewer: Record<string, Record<string, number>> = {};
    let key = "";
    for (const reviewer of state.reviewers.keys()) {
      const pair = pairKey(record.id, reviewer);
      const sheet = state.scores.get(pair);
      if (!sheet || !state.submitted.has(pair) || conflictInForce(state, record.id, reviewer)) {
        continue;
      }
      const points: Record<string, number> = {};
      key += `${JSON.stringify(reviewer)}:`;
      for (const [indicator, versions] of sheet) {
        const last = versions[versions.length - 1]?.points ?? 0;
        points[indicator] = last;
        key += `${indicator}=${last},`;
      }
      byReviewer[reviewer] = points;
      key += ";";
    }
    counted.set(record.id, byReviewer);
    keys.push(key);
  }
  return { scores: counted, keys };
}

function levelView(
  context: PanelContext,
  state: PanelState,
  results: readonly CandidateScore[],
  scores: ReadonlyMap<string, ReviewerScores>,
  level: Level,
): LevelView {
  const policy = context.created.policy;
  const atLevel = results.flatMap(({ candidate, levels }) => {
    const score = levels.find((entry) => entry.level === level);
    return score ? [{ id: candidate.id, score }] : [];
  });
  const judged = atLevel.map(({ id, score }) => judgedCandidate(id, score, scores.get(id) ?? {}));
  const flags = detectDivergence(level, judged, policy.divergence).map((flag): FlagView => {
    const disposition = state.dispositions.get(flag.key);
    return disposition && disposition.basis === flag.basis ? { ...flag, disposition } : flag;
  });
  const agreement = evaluateAgreement(
    new Map(judged.map((candidate) => [candidate.id, judgedTotals(candidate)])),
    policy.agreement,
  );
  const ranking = rankCandidates(
    atLevel
      .filter(({ score }) => score.status === "eligible")
      .map(({ id, score }) => ({
        id,
        total: score.total,
        judged: judgedPart(score),
        categories: score.compiled.ruleSet.categories.map((category, i) => ({
          id: category.id,
          points: score.categories[i] ?? 0,
        })),
      })),
    policy.tieBreak,
    state.ties.filter((decision) => decision.level === level),
  );
  const tied = new Map<number, string[]>();
  for (const entry of ranking.filter((candidate) => candidate.tied)) {
    tied.set(entry.rank, [...(tied.get(entry.rank) ?? []), entry.id]);
  }
  const ties = [...tied.values()];
  const unsettled = atLevel
    .filter(({ score }) => score.status === "pending_panel" || score.status === "incomplete")
    .map(({ id }) => id);
  const quotas = [...state.quotas.values()]
    .filter((quota) => quota.level === level)
    .map(({ id, level: quotaLevel, scope, seats }) => {
      const quota = { id, level: quotaLevel, scope, seats };
      return admitByQuota(
        ranking,
        quota,
        (candidateId) => {
          const record = context.candidateById.get(candidateId);
          return scope.kind === "level"
            ? true
            : scope.kind === "unit_type"
              ? record?.unitType === scope.value
              : record?.region === scope.value;
        },
        unsettled,
      );
    });
  return { level, flags, agreement, ranking, ties, quotas };
}

function judgedCandidate(id: string, score: LevelScore, scores: ReviewerScores): JudgedCandidate {
  const judged = score.compiled.indicators
    .filter((entry) => entry.indicator.scoring.kind === "judged")
    .map((entry) => ({ id: entry.indicator.id, max: entry.max }));
  const sheets = new Map(
    Object.entries(scores).map(([reviewer, sheet]) => [
      reviewer,
      new Map(
        judged
          .filter((indicator) => sheet[indicator.id] !== undefined)
          .map((indicator): [string, Cents] => [
            indicator.id,
            Math.round((sheet[indicator.id] as number) * 100),
          ]),
      ),
    ]),
  );
  return { id, judged, sheets };
}

function judgedPart(score: LevelScore): Cents {
  let sum = 0;
  score.compiled.indicators.forEach((entry, i) => {
    if (entry.indicator.scoring.kind === "judged") {
      sum += score.indicators[i] ?? 0;
    }
  });
  return sum;
}
