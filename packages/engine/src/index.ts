export { aggregateScores } from "./aggregate-scores.ts";
export type { Aggregate } from "./aggregate-scores.ts";
export type { Candidate, ReviewerScores, Title } from "./candidate.ts";
export { canonicalJson, sha256Hex } from "./canonical-json.ts";
export type { CompiledIndicator, CompiledRuleSet } from "./compile-rule-set.ts";
export { error, hasErrors, uniqueIssues, warning } from "./issue.ts";
export type { Issue, Message, MessageParams, Place } from "./issue.ts";
export { levelOfFolder, loadRuleLibrary } from "./load-rule-library.ts";
export type { LevelRules, LoadOptions, RuleLibrary, SourceText } from "./load-rule-library.ts";
export { formatIssue, formatMessage, formatPlace, formatText } from "./messages.ts";
export type { Lang, MessageCode } from "./messages.ts";
export { clampCents, formatCents, fromCents, toCents } from "./points.ts";
export type { Cents } from "./points.ts";
export { checkFieldValue, prepareCandidate } from "./prepare-candidate.ts";
export type { PreparedCandidate } from "./prepare-candidate.ts";
export {
  attachScoreEntries,
  attachScores,
  readCandidates,
  readScoreEntries,
} from "./read-candidates.ts";
export type { ScoreEntry } from "./read-candidates.ts";
export { candidateScoreToJson, levelScoreToJson, resultsToJson } from "./results-to-json.ts";
export { ruleSetSchema } from "./rule-set-schema.ts";
export type { FieldSpec, Indicator, RuleSet, Scoring } from "./rule-set.ts";
export { coverageTargets, runRuleTests } from "./run-rule-tests.ts";
export type { CaseFailure, CaseResult, Coverage, RuleTestReport } from "./run-rule-tests.ts";
export { scoreCandidate } from "./score-candidate.ts";
export type {
  IndicatorState,
  IndicatorTrace,
  LevelScore,
  ScoreOptions,
  Status,
} from "./score-candidate.ts";
export { scoreCandidates, tableFor } from "./score-candidates.ts";
export { STATUS_NAMES } from "./status-names.ts";
export type { CandidateScore, ScoreAllOptions } from "./score-candidates.ts";
export {
  LEVEL_NAMES,
  LEVELS,
  levelRank,
  parseLevel,
  parseUnitType,
  UNIT_TYPE_NAMES,
  UNIT_TYPES,
} from "./vocabulary.ts";
export type { Level, UnitType } from "./vocabulary.ts";
export { explainScore } from "./explain-score.ts";
export type { ExplainedIndicator, Explanation } from "./explain-score.ts";
export { diffRuleSets } from "./diff-rule-sets.ts";
export type { RuleChange, RuleChangeKind } from "./diff-rule-sets.ts";
export { diffResults } from "./diff-results.ts";
export type { CandidateChange, Standing } from "./diff-results.ts";
