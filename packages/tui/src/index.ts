export { App } from "./app.tsx";
export type { AppProps } from "./app.tsx";
export { openAssessmentSession, sessionFromAssessment } from "./assessment-session.ts";
export type { AssessmentSessionOptions } from "./assessment-session.ts";
export { TerminalRequiredError } from "./errors.ts";
export { createMemorySession } from "./memory-session.ts";
export { createReloadingSession } from "./reloading-session.ts";
export type { ReloadingSession } from "./reloading-session.ts";
export type { MemorySessionInput } from "./memory-session.ts";
export type {
  AgreementView,
  ConflictKind,
  ConflictMark,
  ExportKind,
  Flag,
  FlagDisposition,
  LevelStanding,
  MaybePromise,
  Outcome,
  PanelSession,
  QuotaScope,
  QuotaView,
  RankedEntry,
  ScoreInput,
  ScoreMark,
  SessionView,
  SheetScores,
  SheetState,
  Statistic,
  VisibleSheets,
} from "./panel-session.ts";
export { runTui } from "./run-tui.tsx";
export type { RunOptions } from "./run-tui.tsx";
