export { admitByQuota } from "./admit-by-quota.ts";
export type { Quota, QuotaOutcome, QuotaScope } from "./admit-by-quota.ts";
export type {
  Assessment,
  AssessmentInfo,
  ImportSummary,
  ScoreInput,
  ScoreReceipt,
} from "./assessment.ts";
export type {
  AssessmentStore,
  CandidateRecord,
  ChainHead,
  RuleFileRecord,
  Snapshot,
  StoredEvent,
} from "./assessment-store.ts";
export { assessmentDetailsToJson, assessmentToJson } from "./assessment-to-json.ts";
export { chainEvents, GENESIS_HASH, hashEvent } from "./chain-events.ts";
export type { EventDraft } from "./chain-events.ts";
export type { AssessmentResults, FlagView, LevelView } from "./compute-results.ts";
export { createAssessment } from "./create-assessment.ts";
export type { AssessmentInit, CandidateInput, ReviewerInput } from "./create-assessment.ts";
export { detectDivergence, judgedTotals } from "./detect-divergence.ts";
export type { DivergenceFlag, FlagKind, JudgedCandidate } from "./detect-divergence.ts";
export {
  StoreClosedError,
  StoreConflictError,
  StoreError,
  StoreExistsError,
  StoreFullError,
  StoreInUseError,
  StoreIoError,
  StoreNotAssessmentError,
  StoreNotFoundError,
  StoreTooNewError,
} from "./errors.ts";
export type { StoreErrorCode } from "./errors.ts";
export { evaluateAgreement } from "./evaluate-agreement.ts";
export type { Agreement, Statistic } from "./evaluate-agreement.ts";
export { intraclassCorrelations } from "./intraclass-correlations.ts";
export type { IntraclassCorrelations } from "./intraclass-correlations.ts";
export { kendallW } from "./kendall-w.ts";
export { krippendorffAlpha } from "./krippendorff-alpha.ts";
export { createMemoryStore } from "./memory-store.ts";
export { SCHEMA_VERSION } from "./migrations.ts";
export { openAssessment } from "./open-assessment.ts";
export type { OpenOptions } from "./open-assessment.ts";
export { CONFLICT_KINDS, PROGRAM_ACTOR } from "./panel-events.ts";
export type {
  ConflictKind,
  CreatedPayload,
  LockedResult,
  PanelEvent,
  PanelEventKind,
} from "./panel-events.ts";
export { DEFAULT_PANEL_POLICY, resolvePanelPolicy } from "./panel-policy.ts";
export type {
  DivergenceLimits,
  PanelPolicy,
  PanelPolicyInput,
  TieBreakStep,
} from "./panel-policy.ts";
export type {
  Conflict,
  Disposition,
  PanelState,
  RaisedVeto,
  Reviewer,
  ScoreVersion,
  Stamp,
  TieDecision,
} from "./panel-state.ts";
export { proposeConflicts } from "./propose-conflicts.ts";
export type { ProposedConflict } from "./propose-conflicts.ts";
export { quotaId } from "./quota-id.ts";
export { quotaProblems } from "./quota-problems.ts";
export { rankCandidates } from "./rank-candidates.ts";
export { regionOf } from "./region-of.ts";
export type { RankedCandidate, RankInput, TieOrder } from "./rank-candidates.ts";
export type { Result } from "./result.ts";
export { openSqliteStore } from "./sqlite-store.ts";
export type { SqliteStoreOptions } from "./sqlite-store.ts";
export { verifyAssessment } from "./verify-assessment.ts";
export type { VerifyReport } from "./verify-assessment.ts";
export type { SheetView, VisibleScores } from "./visible-scores.ts";
