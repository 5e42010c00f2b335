import { candidateScoreToJson } from "@ceping/engine";
import { assessmentDetailsToJson, openAssessment } from "@ceping/store";
import { writeResultsWorkbook } from "@ceping/workbook";
import { say, TEXT } from "../cli-text.ts";
import { InputError, UsageError } from "../errors.ts";
import { jsonChunks } from "../json-chunks.ts";
import type { CommandContext } from "../main.ts";
import { assessmentFile } from "../record-action.ts";
import { progressLine } from "../progress-line.ts";
import { writeFileAtomically } from "../write-output.ts";

/** `ceping export`: an assessment's results as `score` gives them, with the log's final hash. */
export async function exportCommand(context: CommandContext): Promise<number> {
  const file = assessmentFile(context);
  const format = (context.values.format as string | undefined) ?? "json";
  if (format !== "json" && format !== "xlsx") {
    throw new UsageError(`--format: json | xlsx`);
  }
  const target = context.values.output as string | undefined;
  if (format === "xlsx" && !target) {
    throw new UsageError(
      context.lang === "zh" ? "--format xlsx 需要 -o 输出文件" : "--format xlsx needs -o OUT",
    );
  }
  const opened = openAssessment(file);
  if (!opened.ok) {
    throw new InputError(opened.issues);
  }
  const assessment = opened.value;
  try {
    if (format === "xlsx" && target) {
      const info = assessment.info();
      const progress = progressLine(context.output, context.lang, TEXT.writingLines);
      try {
        await writeResultsWorkbook(target, assessment.results().results, {
          on: info.on,
          finalHash: info.finalHash,
          ...(info.title && { title: info.title }),
          ...(progress.onProgress && { onProgress: progress.onProgress }),
        });
      } finally {
        progress.done();
      }
      context.output.err(`${say(TEXT.written, context.lang, { file: target })}\n`);
      return 0;
    }
    // as assessment.toJson gives it, written a few hundred candidates at a time
    const results = assessment.results();
    const chunks = jsonChunks(
      {
        on: results.on,
        candidates: null,
        ...assessmentDetailsToJson(assessment.info(), results, context.lang),
      },
      "candidates",
      results.results,
      (result) => candidateScoreToJson(result, context.lang),
    );
    if (target) {
      writeFileAtomically(target, chunks);
      context.output.err(`${say(TEXT.written, context.lang, { file: target })}\n`);
    } else {
      for (const chunk of chunks) {
        context.output.out(chunk);
        await context.output.drained();
      }
    }
    return 0;
  } finally {
    assessment.close();
  }
}
