import { existsSync, mkdirSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { stdin, stdout } from "node:process";
import { fileURLToPath } from "node:url";
import { attachScoreEntries, readScoreEntries } from "@ceping/engine";
import { createAssessment } from "@ceping/store";
import { readCandidateWorkbook } from "@ceping/workbook";
import { say, TEXT } from "../cli-text.ts";
import { InputError } from "../errors.ts";
import type { CommandContext } from "../main.ts";
import { findRuleFiles, readRuleLibrary, readText } from "../read-rules.ts";
import { openInTerminal } from "./open.ts";
import { scoreCommand } from "./score.ts";

const REPO = join(dirname(fileURLToPath(import.meta.url)), "../../../..");
const CHAIR = "王建华";

/** The arguments the demo is scored with when there is no terminal for the UI. */
export function demoArgs(): string[] {
  const path = (...parts: string[]) => relative(process.cwd(), join(REPO, ...parts)) || ".";
  return [
    "--rules",
    path("rules"),
    "--candidates",
    path("fixtures", "demo", "candidates.xlsx"),
    "--scores",
    path("fixtures", "demo", "scores.json"),
    "--on",
    "2026-11-29",
  ];
}

/** Makes the demo assessment from fixtures/ on first run; later runs find the same file. */
async function demoAssessment(): Promise<string> {
  const file = join(REPO, ".ceping-demo", "demo.ceping");
  if (existsSync(file)) {
    return file;
  }
  mkdirSync(dirname(file), { recursive: true });
  const rulesPath = join(REPO, "rules");
  const { library } = readRuleLibrary([rulesPath]);
  const rules = findRuleFiles([rulesPath]);
  const read = await readCandidateWorkbook(join(REPO, "fixtures/demo/candidates.xlsx"), library);
  const scores = readScoreEntries(readText(join(REPO, "fixtures/demo/scores.json")));
  const attached = attachScoreEntries(read.candidates, scores.entries);
  const issues = [...read.issues, ...scores.issues, ...attached.issues];
  if (issues.some((issue) => issue.severity === "error")) {
    throw new InputError(issues);
  }
  const made = createAssessment(file, {
    rules: { sources: rules.sources, selected: rules.selected },
    candidates: attached.candidates,
    on: "2026-11-29",
    reviewers: [...new Set(scores.entries.map((entry) => entry.reviewer))],
    chair: CHAIR,
    title: "演示：贵德、峡门、吉木萨尔、xx区的村和社区",
  });
  if (!made.ok) {
    throw new InputError(made.issues);
  }
  made.value.close();
  return file;
}

/**
 * `ceping` alone: the terminal UI on the demo assessment, as its chair; in a pipe, where there
 * is no terminal for the UI, the demo's results as a table.
 */
export async function demoCommand(context: CommandContext): Promise<number> {
  if (!stdin.isTTY || !stdout.isTTY) {
    return scoreCommand({ ...context, values: parseDemoArgs(context), positionals: [] });
  }
  const file = await demoAssessment();
  context.output.err(
    `${say(TEXT.demoFile, context.lang, { file: relative(process.cwd(), file), user: CHAIR })}\n`,
  );
  return openInTerminal(file, CHAIR, context);
}

function parseDemoArgs(context: CommandContext): CommandContext["values"] {
  const [, rules, , candidates, , scores, , on] = demoArgs();
  return { ...context.values, rules, candidates, scores: [scores ?? ""], on };
}
