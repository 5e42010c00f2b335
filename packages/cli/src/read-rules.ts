import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { error, loadRuleLibrary, parseLevel } from "@ceping/engine";
import type { Issue, RuleLibrary, SourceText } from "@ceping/engine";
import { InputError } from "./errors.ts";

const RULE_FILE = /\.(ya?ml|json)$/i;
const TEST_FILE = /\.test\.(ya?ml|json)$/i;

/** Rule files found for some paths: what to load, what to score with, and the tests beside them. */
export interface RuleFiles {
  readonly sources: SourceText[];
  readonly selected: Set<string>;
  readonly tests: SourceText[];
}

/** Shows a path relative to the working directory, as a person typed it. */
export function displayPath(path: string): string {
  const shown = relative(process.cwd(), path);
  return shown === "" ? "." : shown.startsWith("..") ? path : shown;
}

/** Reads a file as UTF-8 text; a missing or unreadable file is an input error. */
export function readText(path: string): SourceText {
  const file = displayPath(resolve(path));
  try {
    return { file, text: readFileSync(path, "utf8").replace(/^\uFEFF/, "") };
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    throw new InputError([
      code === "ENOENT"
        ? error("source.not_found", { file })
        : error("source.unreadable", { file }, { reason: code ?? String(cause) }),
    ]);
  }
}

function listRuleFiles(folder: string, depth: number): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    const path = join(folder, entry.name);
    if (
      entry.isDirectory() &&
      depth > 0 &&
      entry.name !== "node_modules" &&
      !entry.name.startsWith(".")
    ) {
      found.push(...listRuleFiles(path, depth - 1));
    } else if (entry.isFile() && RULE_FILE.test(entry.name) && entry.name !== "schema.json") {
      found.push(path);
    }
  }
  return found;
}

/**
 * The files to load for a path: a level folder's whole ladder (so that `extends` across levels
 * resolves whichever part of the library a person names), a folder's tree, or a lone file with
 * the level file beside it.
 */
function filesFor(path: string): string[] {
  const isDirectory = statSync(path).isDirectory();
  const folder = isDirectory ? path : dirname(path);
  if (parseLevel(basename(folder))) {
    return listRuleFiles(dirname(folder), 1);
  }
  if (isDirectory) {
    return listRuleFiles(folder, 1);
  }
  return listRuleFiles(folder, 0).filter(
    (file) =>
      file === path ||
      /^level\.(ya?ml|json)$/i.test(basename(file)) ||
      file.replace(TEST_FILE, "") === path.replace(RULE_FILE, ""),
  );
}

/** Finds the rule files for the given paths (folders or files) and the tests beside them. */
export function findRuleFiles(paths: readonly string[]): RuleFiles {
  const sources = new Map<string, SourceText>();
  const selected = new Set<string>();
  const tests = new Map<string, SourceText>();
  const missing: Issue[] = [];
  for (const given of paths) {
    const path = resolve(given);
    if (!existsSync(path)) {
      missing.push(error("source.not_found", { file: given }));
      continue;
    }
    const all = filesFor(path);
    const isDirectory = statSync(path).isDirectory();
    for (const file of all) {
      const inScope = isDirectory ? file.startsWith(path + "/") || file === path : file === path;
      if (TEST_FILE.test(file)) {
        if (isDirectory ? inScope : file.replace(TEST_FILE, "") === path.replace(RULE_FILE, "")) {
          const text = readText(file);
          tests.set(text.file, text);
        }
        continue;
      }
      const text = readText(file);
      sources.set(text.file, text);
      if (inScope) {
        selected.add(text.file);
      }
    }
  }
  if (missing.length > 0) {
    throw new InputError(missing);
  }
  return { sources: [...sources.values()], selected, tests: [...tests.values()] };
}

/** Loads the rule library for paths, or throws the located issues of every bad file. */
export function readRuleLibrary(paths: readonly string[]): {
  library: RuleLibrary;
  files: RuleFiles;
  issues: Issue[];
} {
  const files = findRuleFiles(paths);
  if (files.sources.length === 0) {
    throw new InputError([
      error("rule.no_rules", { file: paths.join(" ") }, { path: paths.join(" ") }),
    ]);
  }
  const { library, issues } = loadRuleLibrary(files.sources, {
    select: (file) => files.selected.has(file),
  });
  if (!library) {
    throw new InputError(issues);
  }
  return { library, files, issues };
}
