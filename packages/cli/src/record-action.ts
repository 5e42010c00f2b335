import { openAssessment } from "@ceping/store";
import type { Assessment, Result } from "@ceping/store";
import { InputError, UsageError } from "./errors.ts";
import type { CommandContext } from "./main.ts";
import { printIssues } from "./main.ts";

/** The assessment file a panel command names, or a usage error. */
export function assessmentFile(context: CommandContext): string {
  const file = context.positionals[0];
  if (file === undefined) {
    throw new UsageError(context.lang === "zh" ? "缺少评审文件名" : "name the assessment file");
  }
  return file;
}

/**
 * Opens an assessment, records one panel action on it and prints one line that confirms it with
 * the log's new final hash (with `--format json`, the object `{ "ok": true, "hash": … }`, for
 * scripts). A refused action prints its issues and writes nothing.
 */
export function recordAction<T>(
  context: CommandContext,
  file: string,
  act: (assessment: Assessment) => Result<T>,
  confirm: (hash: string, value: T) => string,
): number {
  const format = (context.values.format as string | undefined) ?? "table";
  if (format !== "table" && format !== "json") {
    throw new UsageError(`--format: table | json`);
  }
  const opened = openAssessment(file);
  if (!opened.ok) {
    throw new InputError(opened.issues);
  }
  const assessment = opened.value;
  try {
    const done = act(assessment);
    if (!done.ok) {
      throw new InputError(done.issues);
    }
    // warnings (a conflict that sets scores aside …) go with the confirmation, on stderr
    printIssues(done.issues, context.lang, context.output);
    const hash = assessment.info().finalHash;
    context.output.out(
      format === "json"
        ? `${JSON.stringify({ ok: true, hash })}\n`
        : `${confirm(hash, done.value)}\n`,
    );
    return 0;
  } finally {
    assessment.close();
  }
}
