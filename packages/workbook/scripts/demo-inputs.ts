import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadRuleLibrary, readCandidates, readScoreEntries } from "@ceping/engine";
import type { Candidate, RuleLibrary, ScoreEntry } from "@ceping/engine";

/** The repository's root folder. */
export const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

/** The shipped rules (every level folder under `rules/`), loaded and compiled; throws on any error. */
export function loadDemoLibrary(): RuleLibrary {
  const sources = [];
  for (const level of ["county", "prefecture"]) {
    const folder = join(ROOT, "rules", level);
    for (const name of readdirSync(folder).sort()) {
      if (/\.ya?ml$/.test(name) && !/\.test\.ya?ml$/.test(name)) {
        sources.push({
          file: `rules/${level}/${name}`,
          text: readFileSync(join(folder, name), "utf8"),
        });
      }
    }
  }
  const { library, issues } = loadRuleLibrary(sources);
  if (!library) {
    throw new Error(`the demo rules do not load: ${JSON.stringify(issues)}`);
  }
  return library;
}

/** The demo candidates as the engine reads them from `fixtures/demo/candidates.json`. */
export function loadDemoCandidates(): Candidate[] {
  const file = "fixtures/demo/candidates.json";
  const { candidates, issues } = readCandidates({
    file,
    text: readFileSync(join(ROOT, file), "utf8"),
  });
  if (issues.length > 0) {
    throw new Error(`the demo candidates do not read: ${JSON.stringify(issues)}`);
  }
  return candidates;
}

/** The demo reviewers' scores from `fixtures/demo/scores.json`. */
export function loadDemoScores(): ScoreEntry[] {
  const file = "fixtures/demo/scores.json";
  const { entries, issues } = readScoreEntries({
    file,
    text: readFileSync(join(ROOT, file), "utf8"),
  });
  if (issues.length > 0) {
    throw new Error(`the demo scores do not read: ${JSON.stringify(issues)}`);
  }
  return entries;
}
