import { writeCandidateTemplate } from "@ceping/workbook";
import { say, TEXT } from "../cli-text.ts";
import type { CommandContext } from "../main.ts";
import { required } from "../read-inputs.ts";
import { readRuleLibrary } from "../read-rules.ts";

/** `ceping template`: the empty candidate workbook for a table or a rules folder. */
export async function templateCommand(context: CommandContext): Promise<number> {
  const { library } = readRuleLibrary([required(context, "rules")]);
  const target = required(context, "output");
  await writeCandidateTemplate(target, library);
  context.output.err(`${say(TEXT.written, context.lang, { file: target })}\n`);
  return 0;
}
