import { openAssessment } from "@ceping/store";
import { say, TEXT } from "../cli-text.ts";
import { InputError, UsageError } from "../errors.ts";
import type { CommandContext } from "../main.ts";
import { writeFileAtomically } from "../write-output.ts";

/** `ceping export`: an assessment's results as `score` gives them, with the log's final hash. */
export function exportCommand(context: CommandContext): number {
  const file = context.positionals[0];
  if (file === undefined) {
    throw new UsageError(context.lang === "zh" ? "缺少评审文件名" : "name the assessment file");
  }
  const format = (context.values.format as string | undefined) ?? "json";
  if (format === "xlsx") {
    throw new UsageError(say(TEXT.notYet, context.lang, { command: "export --format xlsx" }));
  }
  if (format !== "json") {
    throw new UsageError(`--format: json | xlsx`);
  }
  const opened = openAssessment(file);
  if (!opened.ok) {
    throw new InputError(opened.issues);
  }
  const assessment = opened.value;
  try {
    const text = `${JSON.stringify(assessment.toJson(context.lang), null, 2)}\n`;
    const target = context.values.output as string | undefined;
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
