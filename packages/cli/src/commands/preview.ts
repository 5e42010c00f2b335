import { watch } from "node:fs";
import { statSync } from "node:fs";
import { dirname } from "node:path";
import { attachScoreEntries, loadRuleLibrary } from "@ceping/engine";
import type { Candidate } from "@ceping/engine";
import { createMemorySession, createReloadingSession, runTui } from "@ceping/tui";
import { InputError } from "../errors.ts";
import type { CommandContext } from "../main.ts";
import { assessmentDate, readCandidateFiles, readScoreFile, required } from "../read-inputs.ts";
import { findRuleFiles, readRuleLibrary } from "../read-rules.ts";

/**
 * `ceping open --rules DIR --candidates FILE`: the terminal UI on rules being written, without
 * an assessment file. It watches the rules and re-scores on every save; rules that do not load
 * leave the last results on screen with the problems in the status line.
 */
export async function previewCommand(context: CommandContext): Promise<number> {
  const rulesPath = required(context, "rules");
  const on = assessmentDate(context);
  const { library } = readRuleLibrary([rulesPath]);
  const read = await readCandidateFiles(
    { ...context, values: { ...context.values, scores: [] } },
    library,
  );
  let candidates: Candidate[] = read.candidates;
  const issues = [...read.issues];
  for (const path of (context.values.scores as string[] | undefined) ?? []) {
    const entries = await readScoreFile(path, library);
    const attached = attachScoreEntries(candidates, entries.entries);
    issues.push(...entries.issues, ...attached.issues);
    candidates = attached.candidates;
  }
  if (issues.some((issue) => issue.severity === "error")) {
    throw new InputError(issues);
  }
  const user = (context.values.as as string | undefined) ?? "";
  const session = createReloadingSession(() => {
    const files = findRuleFiles([rulesPath]);
    const loaded = loadRuleLibrary(files.sources, { select: (file) => files.selected.has(file) });
    return {
      issues: loaded.issues,
      ...(loaded.library && {
        session: createMemorySession({ library: loaded.library, candidates, on, user }),
      }),
    };
  });
  const folder = statSync(rulesPath).isDirectory() ? rulesPath : dirname(rulesPath);
  let timer: NodeJS.Timeout | undefined;
  const watcher = watch(folder, { recursive: true }, (_, name) => {
    if (name && !/\.(ya?ml|json)$/i.test(name)) {
      return;
    }
    clearTimeout(timer);
    // editors save in several steps; wait until they are done
    timer = setTimeout(() => session.reload(), 200);
  });
  try {
    await runTui(session, { lang: context.lang });
    return 0;
  } finally {
    clearTimeout(timer);
    watcher.close();
  }
}
