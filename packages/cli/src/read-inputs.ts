import {
  attachScoreEntries,
  error,
  readCandidates,
  readScoreEntries,
  scoreCandidates,
} from "@ceping/engine";
import type {
  Candidate,
  CandidateScore,
  Issue,
  Lang,
  RuleLibrary,
  ScoreEntry,
} from "@ceping/engine";
import { readCandidateWorkbook, readScoreSheets } from "@ceping/workbook";
import { say, TEXT } from "./cli-text.ts";
import { InputError, UsageError } from "./errors.ts";
import type { CommandContext } from "./main.ts";
import type { Output } from "./output.ts";
import { progressLine } from "./progress-line.ts";
import { displayPath, readRuleLibrary, readText } from "./read-rules.ts";

/** Today in the local calendar, as an ISO date. */
export function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The assessment date from `--on`, checked, or today. */
export function assessmentDate(context: CommandContext): string {
  const on = context.values.on;
  if (on === undefined) {
    return today();
  }
  if (
    typeof on !== "string" ||
    !/^\d{4}-\d{2}-\d{2}$/.test(on) ||
    Number.isNaN(Date.parse(`${on}T00:00:00Z`))
  ) {
    throw new UsageError(
      context.lang === "zh" ? `--on 应为日期，如 2026-11-29` : `--on takes a date like 2026-11-29`,
    );
  }
  return on;
}

/** The value of a required option, or a usage error naming it. */
export function required(context: CommandContext, key: string): string {
  const value = context.values[key];
  if (typeof value !== "string" || value === "") {
    throw new UsageError(context.lang === "zh" ? `缺少 --${key}` : `--${key} is required`);
  }
  return value;
}

function isWorkbook(path: string): boolean {
  return /\.xlsx$/i.test(path);
}

/** Reads reviewers' scores from score sheets (.xlsx) or JSON, as entries with their places. */
export async function readScoreFile(
  path: string,
  library: RuleLibrary,
  options: { reviewers?: readonly string[]; output?: Output; lang?: Lang } = {},
): Promise<{ entries: ScoreEntry[]; issues: Issue[] }> {
  if (isWorkbook(path)) {
    const progress = options.output
      ? progressLine(options.output, options.lang ?? "zh", TEXT.readingSheets)
      : undefined;
    try {
      const read = await readScoreSheets(path, library, {
        file: displayPath(path),
        ...(options.reviewers && { reviewers: options.reviewers }),
        ...(progress?.onProgress && { onProgress: progress.onProgress }),
      });
      return { entries: read.entries, issues: read.issues };
    } finally {
      progress?.done();
    }
  }
  return readScoreEntries(readText(path));
}

/**
 * Reads the candidates (a workbook or JSON) and the reviewers' scores (score sheets or JSON) a
 * command names; problems come back as issues, with their cells for workbooks.
 */
export async function readCandidateFiles(
  context: CommandContext,
  library: RuleLibrary,
): Promise<{ candidates: Candidate[]; issues: Issue[] }> {
  const path = required(context, "candidates");
  const progress = progressLine(context.output, context.lang, TEXT.readingRows);
  let read: { candidates: Candidate[]; issues: Issue[] };
  try {
    read = isWorkbook(path)
      ? await readCandidateWorkbook(path, library, {
          file: displayPath(path),
          ...(progress.onProgress && { onProgress: progress.onProgress }),
        })
      : readCandidates(readText(path));
  } finally {
    progress.done();
  }
  const issues: Issue[] = [...read.issues];
  let candidates = read.candidates;
  for (const scores of (context.values.scores as string[] | undefined) ?? []) {
    const entries = await readScoreFile(scores, library, {
      output: context.output,
      lang: context.lang,
    });
    const attached = attachScoreEntries(candidates, entries.entries);
    issues.push(...entries.issues, ...attached.issues);
    candidates = attached.candidates;
  }
  return { candidates, issues };
}

/** Reads the rules, candidates and scores a scoring command names, and scores them. */
export async function scoreInputs(
  context: CommandContext,
  options: { explain?: boolean } = {},
): Promise<{
  library: RuleLibrary;
  candidates: Candidate[];
  results: CandidateScore[];
  on: string;
  warnings: Issue[];
}> {
  const rulesPath = required(context, "rules");
  required(context, "candidates");
  const on = assessmentDate(context);
  const { library, issues: ruleIssues } = readRuleLibrary([rulesPath]);
  const { candidates, issues: readIssues } = await readCandidateFiles(context, library);
  const issues: Issue[] = [...ruleIssues, ...readIssues];
  if (context.output.isErrorTerminal && candidates.length >= 1000) {
    context.output.err(`${say(TEXT.scoring, context.lang, { count: candidates.length })}\n`);
  }
  // scored even when reading found errors, so that one run lists every problem of the input
  const scored = scoreCandidates(library, candidates, {
    on,
    ...(options.explain && { explain: true }),
  });
  issues.push(...scored.issues);
  if (issues.some((issue) => issue.severity === "error")) {
    throw new InputError(issues);
  }
  return { library, candidates, results: scored.results, on, warnings: issues };
}

/** Finds one candidate by id among the scored, or reports that there is none. */
export function findResult(
  results: readonly CandidateScore[],
  id: string,
  file: string,
): CandidateScore {
  const found = results.find((result) => result.candidate.id === id);
  if (!found) {
    throw new InputError([error("score.unknown_candidate", { file }, { id })]);
  }
  return found;
}
