import { verifyAssessment } from "@ceping/store";
import { say, TEXT } from "../cli-text.ts";
import type { CommandContext } from "../main.ts";
import { assessmentFile } from "../record-action.ts";
import { printIssues } from "../main.ts";

/** `ceping verify`: recomputes the event chain and every result; names the first mismatch. */
export function verifyCommand(context: CommandContext): number {
  const file = assessmentFile(context);
  const expectedHash = context.values.hash as string | undefined;
  const report = verifyAssessment(file, { ...(expectedHash && { expectedHash }) });
  printIssues(report.issues, context.lang, context.output);
  if (!report.ok) {
    return 1;
  }
  context.output.out(
    `${say(TEXT.verified, context.lang, { events: report.events, hash: report.finalHash })}\n`,
  );
  return 0;
}
