import { ruleSetSchema } from "@ceping/engine";
import { say, TEXT } from "../cli-text.ts";
import type { CommandContext } from "../main.ts";
import { writeFileAtomically } from "../write-output.ts";

/** The committed text of `rules/schema.json`. */
export function schemaText(): string {
  return `${JSON.stringify(ruleSetSchema, null, 2)}\n`;
}

/** `ceping rules schema`: writes the rule files' JSON Schema, or prints it. */
export function rulesSchemaCommand(context: CommandContext): number {
  const target = context.values.output as string | undefined;
  if (target) {
    writeFileAtomically(target, schemaText());
    context.output.err(`${say(TEXT.written, context.lang, { file: target })}\n`);
  } else {
    context.output.out(schemaText());
  }
  return 0;
}
