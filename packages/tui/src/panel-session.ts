import type { CandidateScore, Cents, Issue, Level, RuleLibrary, UnitType } from "@ceping/engine";
import type {
  Agreement,
  ConflictKind as StoreConflictKind,
  DivergenceFlag,
  Statistic as StoreStatistic,
} from "@ceping/store";

/** What an action gives: its value and any warnings, or the problems that stopped it (nothing changed). */
export type Outcome<T> =
  | { readonly ok: true; readonly value: T; readonly issues: readonly Issue[] }
  | { readonly ok: false; readonly issues: readonly Issue[] };

/** A value now, or later. */
export type MaybePromise<T> = T | Promise<T>;

/** One of a reviewer's scores for a judged indicator, as it stands. */
export interface ScoreMark {
  readonly points: number;
  readonly note?: string;
  /** 1 for the first, 2 after the first revision … */
  readonly version: number;
}

/** One reviewer's scores for one candidate. */
export interface SheetScores {
  readonly reviewer: string;
  readonly submitted: boolean;
  /** by judged indicator id */
  readonly scores: Readonly<Record<string, ScoreMark>>;
}

/** A kind of conflict (回避): same_unit, supervisory, family_employment, helped_prepare, township, other (the store's type). */
export type ConflictKind = StoreConflictKind;

/** A conflict (回避) between a reviewer and a candidate. */
export interface ConflictMark {
  /** same_unit, supervisory, family_employment, helped_prepare, township or other */
  readonly kind: string;
  readonly note?: string;
  /** proposed by the program (a unit or township matched), declared by the reviewer, or recorded by the chair */
  readonly source?: "proposed" | "declared" | "recorded";
  /** for a proposed one: the unit or township both share */
  readonly match?: string;
}

/** What the user may see of the reviewers' scores for one candidate (the independence rule). */
export interface VisibleSheets {
  /** the user's own conflict with the candidate: they neither score it nor see its scores */
  readonly conflict?: ConflictMark;
  /** the user's own scores, drafts too; absent for someone who is no reviewer */
  readonly own?: SheetScores;
  /** the other reviewers' submitted scores, or `hidden` until the user has submitted their own */
  readonly others: readonly SheetScores[] | "hidden";
}

/** How far one reviewer is with one candidate, for the chair's grid (no scores, only progress). */
export interface SheetState {
  readonly reviewer: string;
  readonly conflict?: ConflictMark;
  readonly submitted: boolean;
  /** judged indicators scored so far */
  readonly scored: number;
}

/** The chair's disposition of a divergence flag. */
export interface FlagDisposition {
  readonly disposition: "kept" | "revised";
  readonly reason: string;
  readonly actor: string;
  readonly at: string;
}

/** A divergence flag (panel.md) as the store finds it, with the chair's disposition if any. */
export type Flag = Omit<DivergenceFlag, "basis"> & { readonly disposition?: FlagDisposition };

/** A statistic, or why there is none (the store's type). */
export type Statistic = StoreStatistic;

/** How far the panel agrees at one level, on the reviewers' judged totals (the store's type). */
export type AgreementView = Agreement;

/** An eligible candidate's place in the ranking of a level. */
export interface RankedEntry {
  readonly id: string;
  /** 1 + the number ranked strictly ahead; tied candidates share it */
  readonly rank: number;
  readonly total: Cents;
  /** the tie-break step that put it behind the one above with the same total */
  readonly brokenBy?: string;
  /** it shares its rank: a tie the chain could not break, waiting for the chair */
  readonly tied: boolean;
}

/** Whom a quota is for. */
export type QuotaScope =
  | { readonly kind: "level" }
  | { readonly kind: "unit_type"; readonly value: UnitType }
  | { readonly kind: "region"; readonly value: string };

/** A quota of places and whom it admits. */
export interface QuotaView {
  readonly quota: {
    readonly id: string;
    readonly level: Level;
    readonly scope: QuotaScope;
    readonly seats: number;
  };
  /** admitted, in rank order */
  readonly admitted: readonly string[];
  /** a tie across the cut line: these compete for `seats` places */
  readonly tiedAtCut?: { readonly candidates: readonly string[]; readonly seats: number };
  /** in scope but not settled yet (pending the panel, incomplete) */
  readonly unsettled: readonly string[];
}

/** The panel's view of one level. */
export interface LevelStanding {
  readonly level: Level;
  readonly flags: readonly Flag[];
  readonly agreement?: AgreementView;
  /** the eligible candidates, ranked */
  readonly ranking: readonly RankedEntry[];
  /** groups sharing a rank that wait for the chair */
  readonly ties: readonly (readonly string[])[];
  readonly quotas: readonly QuotaView[];
}

/** Everything the screens show, as it stands now; a new object after every change. */
export interface SessionView {
  readonly title?: string;
  /** the assessment date, ISO */
  readonly on: string;
  /** who is using the UI */
  readonly user: string;
  readonly isChair: boolean;
  readonly isReviewer: boolean;
  readonly chair?: string;
  readonly reviewers: readonly string[];
  readonly locked: boolean;
  /** the hash of the last event, which pins everything before it (assessments only) */
  readonly finalHash?: string;
  /** every candidate's results on every level, as the engine gives them */
  readonly results: readonly CandidateScore[];
  readonly standings: readonly LevelStanding[];
  /** problems with the data the results come from */
  readonly issues: readonly Issue[];
}

/** A score as a reviewer confirms it. */
export interface ScoreInput {
  readonly candidate: string;
  readonly indicator: string;
  readonly points: number;
  readonly note?: string;
  /** required to change a score after the sheet was submitted */
  readonly reason?: string;
}

/** Which export: the results workbook or the public notice list (公示名单). */
export type ExportKind = "workbook" | "notice";

/**
 * What the terminal UI needs of an assessment: its data, and the actions the user may take. An
 * action that is absent is not open to this user (or to this kind of session). Actions never
 * throw for problems in what the user asked; those come back as issues.
 */
export interface PanelSession {
  /** the rules the candidates are scored on */
  readonly library: RuleLibrary;
  /** the current state; the same object until something changes */
  view: () => SessionView;
  /** calls back after every change */
  subscribe: (listener: () => void) => () => void;
  /** a candidate's results with every number explained (`explain: true`) */
  explain: (candidate: string) => CandidateScore | undefined;
  /** each reviewer's progress on a candidate, in panel order */
  sheets: (candidate: string) => readonly SheetState[];
  /** what the user may see of the scores for a candidate */
  visibleScores: (candidate: string) => VisibleSheets;

  saveScore?: (input: ScoreInput) => MaybePromise<Outcome<{ version: number; changed: boolean }>>;
  submitSheet?: (candidate: string) => MaybePromise<Outcome<unknown>>;
  /** a reviewer declares their own conflict; the chair records one for any reviewer */
  declareConflict?: (input: {
    reviewer: string;
    candidate: string;
    kind: ConflictKind;
    note?: string;
  }) => MaybePromise<Outcome<unknown>>;
  /** the chair sets a conflict aside (a proposed one that does not hold), with a reason */
  dismissConflict?: (input: {
    reviewer: string;
    candidate: string;
    reason: string;
  }) => MaybePromise<Outcome<unknown>>;
  raiseVeto?: (input: {
    candidate: string;
    veto: string;
    reason: string;
  }) => MaybePromise<Outcome<unknown>>;
  /** the chair withdraws a veto the panel raised, with a reason */
  withdrawVeto?: (input: {
    candidate: string;
    veto: string;
    reason: string;
  }) => MaybePromise<Outcome<unknown>>;
  disposeFlag?: (input: {
    flag: string;
    disposition: "kept" | "revised";
    reason: string;
  }) => MaybePromise<Outcome<unknown>>;
  decideTie?: (input: {
    level: Level;
    order: readonly string[];
    reason: string;
  }) => MaybePromise<Outcome<unknown>>;
  /** the chair sets a quota, or replaces the one with the same id */
  setQuota?: (input: QuotaView["quota"]) => MaybePromise<Outcome<unknown>>;
  lock?: () => MaybePromise<Outcome<unknown>>;
  /** writes the export and says where */
  exportResults?: (kind: ExportKind) => MaybePromise<Outcome<{ file: string }>>;
}
