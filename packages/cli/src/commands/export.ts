import { openAssessment } from "@ceping/store";
import { writeResultsWorkbook } from "@ceping/workbook";
import { say, TEXT } from "../cli-text.ts";
import { progressLine } from "../progress-line.ts";
import { InputError, UsageError } from "../errors.ts";
import type { CommandContext } from "../main.ts";
import { writeFileAtomically } from "../write-output.ts";

/** `ceping export`: an assessment's results as `score` gives them, with the log's final hash. */
export async function exportCommand(context: CommandContext): Promise<number> {
  const file = context.positionals[0];
  if (file === undefined) {
    throw new UsageError(context.lang === "zh" ? "缺少评审文件名" : "name the assessment file");
  }
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
    const text = `${JSON.stringify(assessment.toJson(context.lang), null, 2)}\n`;
    if (target) {
      writeFileAtomically(target, text);
      context.output.err(`${say(TEXT.written, context.lang, { file: target })}\n`);
    } else {
      context.output.out(text);
    }
    return 0;
  } finally {
    assessment.close();
  }
}
