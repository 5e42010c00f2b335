import {
  candidateScoreToJson,
  formatCents,
  formatMessage,
  LEVEL_NAMES,
  UNIT_TYPE_NAMES,
} from "@ceping/engine";
import type { CandidateScore, Lang } from "@ceping/engine";
import { say, STATUS_TEXT, TEXT } from "../cli-text.ts";
import { writeResultsWorkbook } from "@ceping/workbook";
import { UsageError } from "../errors.ts";
import type { CommandContext } from "../main.ts";
import { printIssues } from "../main.ts";
import { paint } from "../paint.ts";
import { progressLine } from "../progress-line.ts";
import { scoreInputs } from "../read-inputs.ts";
import { jsonChunks } from "../json-chunks.ts";
import { renderTable } from "../table.ts";
import { writeFileAtomically } from "../write-output.ts";

const STATUS_COLOUR = {
  eligible: "green",
  below_threshold: "yellow",
  vetoed: "red",
  precondition_failed: "red",
  incomplete: "yellow",
  pending_panel: "cyan",
} as const;

/** The results as a table for people: one row per candidate and level. */
export function resultsTable(
  results: readonly CandidateScore[],
  lang: Lang,
  color: boolean,
): string {
  const rows: string[][] = [];
  for (const { candidate, levels, highest } of results) {
    levels.forEach((score, index) => {
      const first = index === 0;
      const nearMiss = say(TEXT.nearMiss, lang);
      const status =
        say(STATUS_TEXT[score.status], lang) +
        (score.nearMiss ? (lang === "zh" ? `（${nearMiss}）` : ` (${nearMiss})`) : "");
      rows.push([
        first ? candidate.id : "",
        first ? candidate.name : "",
        first ? (lang === "zh" ? UNIT_TYPE_NAMES[candidate.unitType] : candidate.unitType) : "",
        lang === "zh" ? LEVEL_NAMES[score.level] : score.level,
        formatCents(score.total),
        formatCents(score.base),
        formatCents(score.bonus),
        paint(status, STATUS_COLOUR[score.status], color),
        first
          ? highest
            ? lang === "zh"
              ? LEVEL_NAMES[highest]
              : highest
            : say(TEXT.none, lang)
          : "",
        score.reasons.map((reason) => formatMessage(reason, lang)).join("；"),
      ]);
    });
  }
  const header = [
    TEXT.id,
    TEXT.name,
    TEXT.unitType,
    TEXT.level,
    TEXT.total,
    TEXT.base,
    TEXT.bonus,
    TEXT.status,
    TEXT.highest,
    TEXT.reasons,
  ].map((text) => say(text, lang));
  return renderTable(header, rows, ["left", "left", "left", "left", "right", "right", "right"]);
}

/** `ceping score`: scores candidates on every level: a table, the JSON contract, or a workbook. */
export async function scoreCommand(context: CommandContext): Promise<number> {
  const format = (context.values.format as string | undefined) ?? "table";
  if (format !== "table" && format !== "json" && format !== "xlsx") {
    throw new UsageError(`--format: table | json | xlsx`);
  }
  const target = context.values.output as string | undefined;
  if (format === "xlsx" && !target) {
    throw new UsageError(
      context.lang === "zh" ? "--format xlsx 需要 -o 输出文件" : "--format xlsx needs -o OUT",
    );
  }
  const { output, lang } = context;
  const { results, on, warnings } = await scoreInputs(context);
  printIssues(warnings, lang, output);
  if (format === "xlsx" && target) {
    const progress = progressLine(output, lang, TEXT.writingLines);
    try {
      await writeResultsWorkbook(target, results, {
        on,
        ...(progress.onProgress && { onProgress: progress.onProgress }),
      });
    } finally {
      progress.done();
    }
    output.err(`${say(TEXT.written, lang, { file: target })}\n`);
    return 0;
  }
  const chunks =
    format === "json"
      ? jsonChunks({ on, candidates: null }, "candidates", results, (result) =>
          candidateScoreToJson(result, lang),
        )
      : [resultsTable(results, lang, output.color && target === undefined)];
  if (target) {
    writeFileAtomically(target, chunks);
    output.err(`${say(TEXT.written, lang, { file: target })}\n`);
  } else {
    for (const chunk of chunks) {
      output.out(chunk);
      await output.drained();
    }
  }
  return 0;
}
