import { error, hasErrors, scoreCandidates, tableFor, warning } from "@ceping/engine";
import type {
  Candidate,
  CandidateScore,
  Issue,
  Level,
  LevelScore,
  MessageCode,
  MessageParams,
  RuleLibrary,
} from "@ceping/engine";
import {
  admitByQuota,
  CONFLICT_KINDS,
  quotaProblems,
  rankCandidates,
  regionOf,
} from "@ceping/store";
import { judgedItems, scoreProblem } from "./judged-items.ts";
import type {
  AgreementView,
  ConflictMark,
  ExportKind,
  Flag,
  LevelStanding,
  MaybePromise,
  Outcome,
  PanelSession,
  QuotaView,
  ScoreInput,
  ScoreMark,
  SessionView,
  SheetState,
  VisibleSheets,
} from "./panel-session.ts";

/** What an in-memory session is made of. */
export interface MemorySessionInput {
  readonly library: RuleLibrary;
  /** the candidates; their `scores` count as submitted score sheets */
  readonly candidates: readonly Candidate[];
  /** the assessment date, ISO */
  readonly on: string;
  /** who uses the UI; neither a reviewer nor the chair only looks @default "" */
  readonly user?: string;
  readonly title?: string;
  /** the panel @default the reviewers named in the candidates' scores */
  readonly reviewers?: readonly string[];
  readonly chair?: string;
  readonly conflicts?: readonly ({ reviewer: string; candidate: string } & ConflictMark)[];
  /** divergence flags, as found elsewhere: this session does not look for them */
  readonly flags?: readonly Flag[];
  /** agreement statistics by level, as computed elsewhere */
  readonly agreement?: Readonly<Partial<Record<Level, AgreementView>>>;
  readonly quotas?: readonly QuotaView["quota"][];
  /** the export, when there is one */
  readonly exportResults?: (kind: ExportKind) => MaybePromise<Outcome<{ file: string }>>;
  /** the clock dispositions are stamped with @default () => new Date() */
  readonly now?: () => Date;
}

interface Sheet {
  readonly scores: Map<string, ScoreMark>;
  submitted: boolean;
}

const PLACE = { file: "memory" };
const TIE_BREAK = ["judged", "first_category", "chair"] as const;

function fail(code: MessageCode, params: MessageParams = {}): Outcome<never> {
  return { ok: false, issues: [error(code, PLACE, params)] };
}

function done<T>(value: T, issues: readonly Issue[] = []): Outcome<T> {
  return { ok: true, value, issues };
}

function judgedPart(score: LevelScore): number {
  let sum = 0;
  score.compiled.indicators.forEach((entry, i) => {
    if (entry.indicator.scoring.kind === "judged") {
      sum += score.indicators[i] ?? 0;
    }
  });
  return sum;
}

/**
 * A session held in memory: engine results for plain candidates and scores, and the panel's
 * actions applied to them (scores, conflicts, vetoes, dispositions, ties, quotas, the lock) with
 * the store's rules, without a file. For tests, and for looking at results that were never made
 * an assessment.
 */
export function createMemorySession(input: MemorySessionInput): PanelSession {
  const { library, on } = input;
  const user = input.user ?? "";
  const now = input.now ?? (() => new Date());
  const candidates = [...input.candidates];
  const indexOf = new Map(candidates.map((candidate, index) => [candidate.id, index]));
  const reviewers = input.reviewers ?? [
    ...new Set(candidates.flatMap((candidate) => Object.keys(candidate.scores))),
  ];
  const isChair = input.chair !== undefined && input.chair === user;
  const isReviewer = reviewers.includes(user);

  const sheets = new Map<string, Map<string, Sheet>>();
  for (const candidate of candidates) {
    const byReviewer = new Map<string, Sheet>();
    for (const [reviewer, scores] of Object.entries(candidate.scores)) {
      byReviewer.set(reviewer, {
        scores: new Map(Object.entries(scores).map(([id, points]) => [id, { points, version: 1 }])),
        submitted: true,
      });
    }
    sheets.set(candidate.id, byReviewer);
  }
  // dismissed conflicts are dropped: only those in force matter here
  const conflicts = new Map<string, ConflictMark>();
  for (const { reviewer, candidate, ...mark } of input.conflicts ?? []) {
    conflicts.set(`${candidate}\u0000${reviewer}`, mark);
  }
  const conflictOf = (candidate: string, reviewer: string) =>
    conflicts.get(`${candidate}\u0000${reviewer}`);
  const vetoes = new Map<string, Set<string>>();
  const dispositions = new Map<string, Flag["disposition"]>();
  const ties: { level: Level; order: readonly string[] }[] = [];
  const quotas = new Map((input.quotas ?? []).map((quota) => [quota.id, quota]));
  let locked = false;

  const counted = (candidate: Candidate): Candidate => {
    const scores: Record<string, Record<string, number>> = {};
    for (const [reviewer, sheet] of sheets.get(candidate.id) ?? []) {
      if (sheet.submitted && !conflictOf(candidate.id, reviewer)) {
        scores[reviewer] = Object.fromEntries(
          [...sheet.scores].map(([id, mark]) => [id, mark.points]),
        );
      }
    }
    return { ...candidate, scores };
  };
  const score = (list: readonly Candidate[], explain = false) =>
    scoreCandidates(library, list.map(counted), {
      on,
      raisedVetoes: new Map(list.map((c) => [c.id, [...(vetoes.get(c.id) ?? [])]])),
      explain,
    });

  const first = score(candidates);
  const issues: Issue[] = first.issues;
  let results: CandidateScore[] = first.results;
  let current: SessionView | undefined;
  const listeners = new Set<() => void>();

  const changed = (candidate?: string) => {
    if (candidate !== undefined && results.length > 0) {
      const index = indexOf.get(candidate) as number;
      const again = score([candidates[index] as Candidate]).results[0];
      if (again) {
        results = results.map((result, i) => (i === index ? again : result));
      }
    }
    current = undefined;
    for (const listener of [...listeners]) {
      listener();
    }
  };

  const standings = (): LevelStanding[] =>
    library.levels.map(({ level }) => {
      const atLevel = results.flatMap(({ candidate, levels }) => {
        const found = levels.find((entry) => entry.level === level);
        return found ? [{ candidate, score: found }] : [];
      });
      const ranking = rankCandidates(
        atLevel
          .filter(({ score: s }) => s.status === "eligible")
          .map(({ candidate, score: s }) => ({
            id: candidate.id,
            total: s.total,
            judged: judgedPart(s),
            categories: s.compiled.ruleSet.categories.map((category, i) => ({
              id: category.id,
              points: s.categories[i] ?? 0,
            })),
          })),
        TIE_BREAK,
        ties.filter((tie) => tie.level === level),
      );
      const tied = new Map<number, string[]>();
      for (const entry of ranking.filter((e) => e.tied)) {
        tied.set(entry.rank, [...(tied.get(entry.rank) ?? []), entry.id]);
      }
      const unsettled = atLevel
        .filter(({ score: s }) => s.status === "pending_panel" || s.status === "incomplete")
        .map(({ candidate }) => candidate.id);
      const unitTypeOf = new Map(atLevel.map(({ candidate }) => [candidate.id, candidate]));
      const outcomes = [...quotas.values()]
        .filter((quota) => quota.level === level)
        .map((quota) =>
          admitByQuota(
            ranking,
            quota,
            (id) => {
              const candidate = unitTypeOf.get(id);
              const scope = quota.scope;
              return scope.kind === "level"
                ? true
                : scope.kind === "unit_type"
                  ? candidate?.unitType === scope.value
                  : candidate !== undefined && regionOf(candidate) === scope.value;
            },
            unsettled,
          ),
        );
      const agreement = input.agreement?.[level];
      return {
        level,
        flags: (input.flags ?? [])
          .filter((flag) => flag.level === level)
          .map((flag) => {
            const disposition = dispositions.get(flag.key);
            return disposition ? { ...flag, disposition } : flag;
          }),
        ...(agreement && { agreement }),
        ranking,
        ties: [...tied.values()],
        quotas: outcomes,
      };
    });

  const view = (): SessionView => {
    current ??= {
      ...(input.title !== undefined && { title: input.title }),
      on,
      user,
      isChair,
      isReviewer,
      ...(input.chair !== undefined && { chair: input.chair }),
      reviewers,
      locked,
      results,
      standings: standings(),
      issues,
    };
    return current;
  };

  const sheetOf = (candidate: string, reviewer: string) => sheets.get(candidate)?.get(reviewer);
  const scoresOf = (candidate: string, reviewer: string) => {
    const sheet = sheetOf(candidate, reviewer);
    return {
      reviewer,
      submitted: sheet?.submitted ?? false,
      scores: Object.fromEntries(sheet?.scores ?? []),
    };
  };
  const chairOnly = (action: string) =>
    input.chair === undefined
      ? fail("store.no_chair", { action })
      : fail("store.chair_only", { action, chair: input.chair, actor: user });

  const session: PanelSession = {
    library,
    view,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    explain(id) {
      const index = indexOf.get(id);
      return index === undefined
        ? undefined
        : score([candidates[index] as Candidate], true).results[0];
    },
    sheets(candidate): SheetState[] {
      return reviewers.map((reviewer) => {
        const sheet = sheetOf(candidate, reviewer);
        const conflict = conflictOf(candidate, reviewer);
        return {
          reviewer,
          ...(conflict && { conflict }),
          submitted: sheet?.submitted ?? false,
          scored: sheet?.scores.size ?? 0,
        };
      });
    },
    visibleScores(candidate): VisibleSheets {
      const conflict = isReviewer ? conflictOf(candidate, user) : undefined;
      const submitted = sheetOf(candidate, user)?.submitted ?? false;
      const mayLook = !conflict && (isReviewer ? submitted : isChair);
      return {
        ...(conflict && { conflict }),
        ...(isReviewer && { own: scoresOf(candidate, user) }),
        others: mayLook
          ? reviewers
              .filter(
                (reviewer) =>
                  reviewer !== user &&
                  sheetOf(candidate, reviewer)?.submitted === true &&
                  !conflictOf(candidate, reviewer),
              )
              .map((reviewer) => scoresOf(candidate, reviewer))
          : "hidden",
      };
    },
    ...(input.exportResults && { exportResults: input.exportResults }),
  };

  // with errors in the data there are no results to score against
  if (isReviewer && !hasErrors(issues)) {
    session.saveScore = ({ candidate, indicator, points, note, reason }: ScoreInput) => {
      const index = indexOf.get(candidate);
      if (locked) {
        return fail("store.locked");
      }
      if (index === undefined) {
        return fail("score.unknown_candidate", { id: candidate });
      }
      const conflict = conflictOf(candidate, user);
      if (conflict) {
        return fail("store.conflicted", { reviewer: user, candidate, kind: conflict.kind });
      }
      const item = results[index] && judgedItems(results[index]).find((i) => i.id === indicator);
      if (!item) {
        return fail("score.unknown_indicator", { reviewer: user, indicator });
      }
      const problem = scoreProblem(item, points);
      if (problem) {
        return problem === "range"
          ? fail("score.range", { reviewer: user, indicator, max: item.max / 100, found: points })
          : fail("score.step", { reviewer: user, indicator, step: item.step / 100, found: points });
      }
      const byReviewer = sheets.get(candidate) as Map<string, Sheet>;
      const sheet = byReviewer.get(user) ?? {
        scores: new Map<string, ScoreMark>(),
        submitted: false,
      };
      const before = sheet.scores.get(indicator);
      if (before && before.points === points && (note === undefined || note === before.note)) {
        return done({ version: before.version, changed: false });
      }
      if (sheet.submitted && (reason ?? "").trim() === "") {
        return fail("store.revision_reason", {
          reviewer: user,
          candidate,
          indicator,
          from: before?.points ?? "",
          to: points,
        });
      }
      const kept = note ?? before?.note;
      const mark = {
        points,
        ...(kept !== undefined && { note: kept }),
        version: (before?.version ?? 0) + 1,
      };
      sheet.scores.set(indicator, mark);
      byReviewer.set(user, sheet);
      changed(sheet.submitted ? candidate : undefined);
      return done({ version: mark.version, changed: true });
    };
    session.submitSheet = (candidate: string) => {
      const sheet = sheetOf(candidate, user);
      if (locked) {
        return fail("store.locked");
      }
      const conflict = conflictOf(candidate, user);
      if (conflict) {
        return fail("store.conflicted", { reviewer: user, candidate, kind: conflict.kind });
      }
      if (!sheet || sheet.scores.size === 0) {
        return fail("store.nothing_to_submit", { reviewer: user, candidate });
      }
      if (sheet.submitted) {
        return fail("store.already_submitted", { reviewer: user, candidate });
      }
      sheet.submitted = true;
      changed(candidate);
      return done(null);
    };
  }

  const asChair = <T>(action: string, run: () => Outcome<T>): Outcome<T> =>
    !isChair ? chairOnly(action) : locked ? fail("store.locked") : run();
  const stamp = () => ({ actor: user, at: now().toISOString() });

  if (isReviewer || isChair) {
    session.declareConflict = ({ reviewer, candidate, kind, note }) => {
      if (locked) {
        return fail("store.locked");
      }
      if (!reviewers.includes(reviewer)) {
        return fail("store.unknown_reviewer", { name: reviewer });
      }
      if (!indexOf.has(candidate)) {
        return fail("score.unknown_candidate", { id: candidate });
      }
      if (!(CONFLICT_KINDS as readonly string[]).includes(kind)) {
        return fail("store.conflict_kind", { found: kind });
      }
      if (kind === "other" && (note ?? "").trim() === "") {
        return fail("store.conflict_note");
      }
      if (user !== reviewer && !isChair) {
        return fail("store.conflict_actor", { actor: user, reviewer });
      }
      const existing = conflictOf(candidate, reviewer);
      if (existing && existing.source !== "proposed") {
        return fail("store.conflict_exists", { reviewer, candidate, kind: existing.kind });
      }
      conflicts.set(`${candidate}\u0000${reviewer}`, {
        kind,
        source: user === reviewer ? "declared" : "recorded",
        ...(note !== undefined && { note }),
      });
      // the scores of a submitted sheet stop counting: say so, as the store does
      const setAside = sheetOf(candidate, reviewer)?.submitted
        ? [warning("store.conflict_set_aside", PLACE, { reviewer, candidate })]
        : [];
      changed(candidate);
      return done(null, setAside);
    };
  }

  if (isChair) {
    session.dismissConflict = ({ reviewer, candidate, reason }) =>
      asChair("dismiss_conflict", () => {
        if (reason.trim() === "") {
          return fail("store.reason_missing", { action: "dismiss_conflict" });
        }
        if (!conflictOf(candidate, reviewer)) {
          return fail("store.no_conflict", { reviewer, candidate });
        }
        conflicts.delete(`${candidate}\u0000${reviewer}`);
        changed(candidate);
        return done(null);
      });
    session.withdrawVeto = ({ candidate, veto, reason }) =>
      asChair("withdraw_veto", () => {
        if (!indexOf.has(candidate)) {
          return fail("score.unknown_candidate", { id: candidate });
        }
        if (reason.trim() === "") {
          return fail("store.reason_missing", { action: "withdraw_veto" });
        }
        if (!vetoes.get(candidate)?.delete(veto)) {
          return fail("store.veto_not_raised", { candidate, veto });
        }
        changed(candidate);
        return done(null);
      });
    // the store lets the secretariat set quotas too: only the lock stops it
    session.setQuota = (quota) => {
      if (locked) {
        return fail("store.locked");
      }
      // the store's checks; the first problem is the one told, as the other actions here do
      const [problem] = quotaProblems(
        quota,
        library.levels.map((rules) => rules.level),
      );
      if (problem) {
        return fail("store.quota", { id: quota.id, ...problem });
      }
      quotas.set(quota.id, quota);
      changed();
      return done(null);
    };
    session.raiseVeto = ({ candidate, veto, reason }) =>
      asChair("raise_veto", () => {
        const index = indexOf.get(candidate);
        const own = index === undefined ? undefined : candidates[index];
        const panelVetoes = new Set(
          library.levels.flatMap((rules) => {
            const table = own && tableFor(rules, own.unitType);
            return (table?.compiled.vetoes ?? [])
              .filter(({ veto: v }) => v.raisedBy === "panel")
              .map(({ veto: v }) => v.id);
          }),
        );
        if (reason.trim() === "") {
          return fail("store.reason_missing", { action: "raise_veto" });
        }
        if (!panelVetoes.has(veto)) {
          return fail("store.veto_not_panel", { candidate, veto });
        }
        const raised = vetoes.get(candidate) ?? new Set<string>();
        if (raised.has(veto)) {
          return fail("store.veto_raised", { candidate, veto });
        }
        vetoes.set(candidate, raised.add(veto));
        changed(candidate);
        return done(null);
      });
    session.disposeFlag = ({ flag, disposition, reason }) =>
      asChair("dispose_flag", () => {
        if (reason.trim() === "") {
          return fail("store.reason_missing", { action: "dispose_flag" });
        }
        if (!(input.flags ?? []).some((f) => f.key === flag)) {
          return fail("store.flag_unknown", { flag });
        }
        dispositions.set(flag, { disposition, reason, ...stamp() });
        changed();
        return done(null);
      });
    session.decideTie = ({ level, order, reason }) =>
      asChair("decide_tie", () => {
        if (reason.trim() === "") {
          return fail("store.reason_missing", { action: "decide_tie" });
        }
        const group = view()
          .standings.find((standing) => standing.level === level)
          ?.ties.find(
            (tie) => tie.length === order.length && tie.every((id) => order.includes(id)),
          );
        if (!group) {
          return fail("store.tie_unknown", { level, candidates: order.join("、") });
        }
        ties.push({ level, order: [...order] });
        changed();
        return done(null);
      });
    session.lock = () =>
      asChair("lock", () => {
        const { standings: levels } = view();
        const open = levels.flatMap((standing) => standing.flags).filter((f) => !f.disposition);
        if (open.length > 0) {
          const first = open[0] as Flag;
          return fail("store.lock_open_flags", {
            count: open.length,
            first: [first.kind, first.candidate, first.reviewer ?? first.indicator]
              .filter(Boolean)
              .join(" "),
          });
        }
        const cut = levels.flatMap((standing) => standing.quotas).find((q) => q.tiedAtCut);
        if (cut?.tiedAtCut) {
          return fail("store.lock_open_ties", { candidates: cut.tiedAtCut.candidates.join("、") });
        }
        locked = true;
        changed();
        return done(null);
      });
  }
  return session;
}
