import { parseArgs } from "node:util";
import { env } from "node:process";
import { formatIssue, formatMessage } from "@ceping/engine";
import { StoreError } from "@ceping/store";
import { TerminalRequiredError } from "@ceping/tui";
import type { Issue, Lang } from "@ceping/engine";
import { say, TEXT } from "./cli-text.ts";
import { explainCommand } from "./commands/explain.ts";
import { exportCommand } from "./commands/export.ts";
import { importCommand } from "./commands/import.ts";
import { initCommand } from "./commands/init.ts";
import { rulesCheckCommand } from "./commands/rules-check.ts";
import { rulesDiffCommand } from "./commands/rules-diff.ts";
import { rulesSchemaCommand } from "./commands/rules-schema.ts";
import { rulesTestCommand } from "./commands/rules-test.ts";
import { conflictCommand } from "./commands/conflict.ts";
import { decideCommand } from "./commands/decide.ts";
import { demoCommand } from "./commands/demo.ts";
import { disposeCommand } from "./commands/dispose.ts";
import { lockCommand } from "./commands/lock.ts";
import { reviewerCommand } from "./commands/reviewer.ts";
import { openCommand } from "./commands/open.ts";
import { quotaCommand } from "./commands/quota.ts";
import { scoreCommand } from "./commands/score.ts";
import { sheetCommand } from "./commands/sheet.ts";
import { templateCommand } from "./commands/template.ts";
import { verifyCommand } from "./commands/verify.ts";
import { vetoCommand } from "./commands/veto.ts";
import { InputError, UsageError } from "./errors.ts";
import type { Output } from "./output.ts";
import { paint } from "./paint.ts";
import { usage } from "./usage.ts";

/** What every command gets: its parsed options, the language and where to write. */
export interface CommandContext {
  readonly values: Readonly<Record<string, string | boolean | string[] | undefined>>;
  readonly positionals: readonly string[];
  readonly lang: Lang;
  readonly output: Output;
}

type Command = (context: CommandContext) => number | Promise<number>;

const OPTIONS = {
  rules: { type: "string" },
  candidates: { type: "string" },
  scores: { type: "string", multiple: true },
  on: { type: "string" },
  format: { type: "string" },
  output: { type: "string", short: "o" },
  lang: { type: "string" },
  level: { type: "string" },
  reviewers: { type: "string" },
  chair: { type: "string" },
  as: { type: "string" },
  reason: { type: "string" },
  hash: { type: "string" },
  reviewer: { type: "string" },
  watch: { type: "boolean" },
  candidate: { type: "string" },
  kind: { type: "string" },
  note: { type: "string" },
  dismiss: { type: "boolean" },
  veto: { type: "string" },
  withdraw: { type: "boolean" },
  flag: { type: "string" },
  kept: { type: "boolean" },
  revised: { type: "boolean" },
  order: { type: "string" },
  seats: { type: "string" },
  "unit-type": { type: "string" },
  region: { type: "string" },
  id: { type: "string" },
  add: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

const COMMANDS: Readonly<Record<string, Command>> = {
  score: scoreCommand,
  explain: explainCommand,
  "rules check": rulesCheckCommand,
  "rules test": rulesTestCommand,
  "rules schema": rulesSchemaCommand,
  "rules diff": rulesDiffCommand,
  init: initCommand,
  import: importCommand,
  export: exportCommand,
  verify: verifyCommand,
  template: templateCommand,
  sheet: sheetCommand,
  open: openCommand,
  conflict: conflictCommand,
  veto: vetoCommand,
  dispose: disposeCommand,
  decide: decideCommand,
  quota: quotaCommand,
  lock: lockCommand,
  reviewer: reviewerCommand,
};

/** Runs the command line and returns the exit status; nothing escapes as a stack trace. */
export async function runCli(argv: readonly string[], output: Output): Promise<number> {
  const lang: Lang =
    argv.includes("--lang=en") || argv[argv.indexOf("--lang") + 1] === "en" ? "en" : "zh";
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options: OPTIONS,
      allowPositionals: true,
      strict: true,
    });
    if (values.lang !== undefined && values.lang !== "zh" && values.lang !== "en") {
      throw new UsageError(`--lang: zh | en`);
    }
    if (
      positionals.length === 0 &&
      !values.help &&
      Object.keys(values).every((key) => key === "lang")
    ) {
      return await demoCommand({ values, positionals, lang, output });
    }
    if (values.help || positionals.length === 0) {
      output.out(usage(lang));
      return values.help ? 0 : 2;
    }
    const [first, second] = positionals;
    const name = first === "rules" && second !== undefined ? `rules ${second}` : (first ?? "");
    const command = COMMANDS[name];
    if (!command) {
      throw new UsageError(lang === "zh" ? `未知命令：${name}` : `unknown command: ${name}`);
    }
    return await command({
      values,
      positionals: positionals.slice(name.split(" ").length),
      lang,
      output,
    });
  } catch (cause) {
    return reportFailure(cause, lang, output);
  }
}

function reportFailure(cause: unknown, lang: Lang, output: Output): number {
  if (cause instanceof InputError) {
    printIssues(cause.issues, lang, output);
    return 1;
  }
  if (cause instanceof TerminalRequiredError) {
    output.err(`ceping: ${cause.say(lang)}\n`);
    return 2;
  }
  if (cause instanceof StoreError) {
    // in use, full disk, not an assessment …: the file is as it was, the message says why
    output.err(`ceping: ${formatMessage(cause.detail, lang)}\n`);
    return 1;
  }
  const code = (cause as { code?: unknown }).code;
  if (
    cause instanceof UsageError ||
    (typeof code === "string" && code.startsWith("ERR_PARSE_ARGS"))
  ) {
    output.err(`ceping: ${usageMessage(cause as Error, lang)}\n\n${usage(lang)}`);
    return 2;
  }
  const message = cause instanceof Error ? cause.message : String(cause);
  output.err(`ceping: ${say(TEXT.internal, lang, { message })}\n`);
  if (env.CEPING_DEBUG && cause instanceof Error && cause.stack) {
    output.err(`${cause.stack}\n`);
  }
  return 70;
}

// node's argument parser speaks English only; say its usual complaints in the user's language
function usageMessage(cause: Error, lang: Lang): string {
  const option = /'(-[^']*)'/.exec(cause.message)?.[1] ?? "";
  const code = (cause as { code?: unknown }).code;
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
    return lang === "zh" ? `未知选项 ${option}` : `unknown option ${option}`;
  }
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    const name = /(--[a-z]+)/.exec(cause.message)?.[1] ?? option;
    return lang === "zh" ? `选项 ${name} 缺少值` : `option ${name} needs a value`;
  }
  return cause.message;
}

const TERMINAL_ISSUES = 200;

/** Prints issues to stderr, errors first, with a count. */
export function printIssues(issues: readonly Issue[], lang: Lang, output: Output): void {
  const errors = issues.filter((issue) => issue.severity === "error");
  const warnings = issues.filter((issue) => issue.severity === "warning");
  const all = [...errors, ...warnings];
  // a wrong column in a 50,000-row workbook is 50,000 lines: a person sees the first ones, a
  // pipe (a script, a file) gets every one
  const shown = output.isErrorTerminal ? all.slice(0, TERMINAL_ISSUES) : all;
  for (const issue of shown) {
    const colour = issue.severity === "error" ? "red" : "yellow";
    output.err(`${paint(formatIssue(issue, lang), colour, output.color)}\n`);
  }
  if (shown.length < all.length) {
    output.err(`${say(TEXT.moreIssues, lang, { count: all.length - shown.length })}\n`);
  }
  if (errors.length > 0) {
    output.err(`${say(TEXT.errors, lang, { count: errors.length })}\n`);
  } else if (warnings.length > 0) {
    output.err(`${say(TEXT.warnings, lang, { count: warnings.length })}\n`);
  }
}
