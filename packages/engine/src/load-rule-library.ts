import { checkRuleSet } from "./check-rule-set.ts";
import { compileRuleSet } from "./compile-rule-set.ts";
import type { CompiledRuleSet } from "./compile-rule-set.ts";
import { error, hasErrors } from "./issue.ts";
import type { Issue, Place } from "./issue.ts";
import { annotateRuleSet, mergeRuleSets } from "./merge-rule-sets.ts";
import { normalizeRuleSet } from "./normalize-rule-set.ts";
import { parseSource } from "./parse-source.ts";
import type { ParsedSource } from "./parse-source.ts";
import type { LevelSettings, Locator, Validity } from "./rule-set.ts";
import { validateRuleSource } from "./validate-rule-source.ts";
import { LEVELS, levelRank, parseLevel } from "./vocabulary.ts";
import type { Level, UnitType } from "./vocabulary.ts";

type Json = Record<string, unknown>;

/** A file's name and text, read by the caller: the engine does no I/O. */
export interface SourceText {
  readonly file: string;
  readonly text: string;
}

/** The tables of one level and what the level shares. */
export interface LevelRules {
  readonly level: Level;
  readonly settings: LevelSettings;
  readonly tables: readonly CompiledRuleSet[];
}

/** Loaded, checked and compiled rule sets, as a ladder of levels from low to high. */
export interface RuleLibrary {
  readonly levels: readonly LevelRules[];
  readonly ruleSets: ReadonlyMap<string, CompiledRuleSet>;
  readonly locate: Locator;
  /** how long a title of a level lasts, where a level says so */
  readonly validity: ReadonlyMap<Level, Validity>;
}

export interface LoadOptions {
  /** which rule files to score with; the others only serve `extends` (default: all) */
  readonly select?: (file: string) => boolean;
}

/**
 * Loads rule files and level files: parse, schema, `extends`, level defaults, semantic checks,
 * compilation. Every problem of every file comes back at once; no library when any is an error.
 */
export function loadRuleLibrary(
  sources: readonly SourceText[],
  options: LoadOptions = {},
): { library?: RuleLibrary; issues: Issue[] } {
  const issues: Issue[] = [];
  const parsed = new Map<string, ParsedSource>();
  for (const { file, text } of sources) {
    const source = parseSource(file, text);
    parsed.set(file, source);
    issues.push(...source.issues);
    if (source.issues.length === 0) {
      issues.push(...validateRuleSource(source));
    }
  }
  const locate: Locator = (ref) =>
    parsed.get(ref.file)?.locate(ref.path) ?? ({ file: ref.file } satisfies Place);
  const valid = [...parsed.values()].filter(
    (source) =>
      source.issues.length === 0 && !hasErrors(issues.filter((i) => i.place.file === source.file)),
  );

  const levels = new Map<Level, LevelSettings>();
  const raws = new Map<string, { raw: Json; file: string }>();
  for (const source of valid) {
    const value = source.value as Json;
    const folderLevel = levelOfFolder(source.file);
    if (value.id === undefined) {
      const level = value.level as Level;
      if (folderLevel && folderLevel !== level) {
        issues.push(
          error("rule.level_folder", source.locate(["level"]), { level, folder: folderLevel }),
        );
      }
      if (levels.has(level)) {
        issues.push(error("rule.duplicate_level_file", source.locate([]), { level }));
      }
      levels.set(level, {
        level,
        fallback: (value.fallback as LevelSettings["fallback"] | undefined) ?? {},
        ...(value.title !== undefined && { title: value.title as string }),
        ...(value.panel !== undefined && { panel: stripAssumption(value.panel) }),
        ...(value.validity !== undefined && {
          validity: stripAssumption(value.validity) as unknown as Validity,
        }),
        file: source.file,
      });
      continue;
    }
    const id = value.id as string;
    const earlier = raws.get(id);
    if (earlier) {
      issues.push(
        error("rule.duplicate_rule_set", source.locate(["id"]), { id, file: earlier.file }),
      );
      continue;
    }
    raws.set(id, { raw: annotateRuleSet(value, source.file), file: source.file });
  }

  const merged = new Map<string, Json>();
  const broken = new Set<string>();
  const resolve = (id: string, trail: string[]): Json | undefined => {
    const done = merged.get(id);
    if (done || broken.has(id)) {
      return done;
    }
    const entry = raws.get(id);
    if (!entry) {
      return undefined;
    }
    const parentId = entry.raw.extends as string | undefined;
    if (parentId === undefined) {
      merged.set(id, entry.raw);
      return entry.raw;
    }
    const place = locate({ file: entry.file, path: ["extends"] });
    if (trail.includes(parentId)) {
      issues.push(
        error("rule.extends_cycle", place, { cycle: [...trail, id, parentId].join(" → ") }),
      );
      broken.add(id);
      return undefined;
    }
    const parent = resolve(parentId, [...trail, id]);
    if (!parent) {
      broken.add(id);
      if (!raws.has(parentId)) {
        issues.push(error("rule.extends_unknown", place, { id: parentId }));
      }
      return undefined;
    }
    const result = mergeRuleSets(parent, entry.raw, locate);
    issues.push(...result.issues);
    merged.set(id, result.value);
    return result.value;
  };

  const ruleSets = new Map<string, CompiledRuleSet>();
  // levels some of whose tables were left out: their fallbacks may point at those
  const partial = new Set<Level>();
  for (const [id, { file }] of raws) {
    const raw = resolve(id, []);
    if (raw && options.select && !options.select(file)) {
      partial.add(raw.level as Level);
    }
    if (!raw || (options.select && !options.select(file))) {
      continue;
    }
    const normalized = normalizeRuleSet(raw, file, levels, locate);
    issues.push(...normalized.issues);
    const ruleSet = normalized.ruleSet;
    if (!ruleSet) {
      continue;
    }
    const folderLevel = levelOfFolder(file);
    if (folderLevel && folderLevel !== ruleSet.level) {
      issues.push(
        error("rule.level_folder", locate({ file, path: ["level"] }), {
          level: ruleSet.level,
          folder: folderLevel,
        }),
      );
    }
    issues.push(...checkRuleSet(ruleSet, locate));
    const compiled = compileRuleSet(ruleSet, locate);
    issues.push(...compiled.issues);
    if (compiled.compiled) {
      ruleSets.set(id, compiled.compiled);
    }
  }

  const ladder = buildLadder(ruleSets, levels, partial, locate, issues);
  if (hasErrors(issues)) {
    return { issues };
  }
  const validity = new Map<Level, Validity>();
  for (const [level, settings] of levels) {
    if (settings.validity) {
      validity.set(level, settings.validity);
    }
  }
  return { library: { levels: ladder, ruleSets, locate, validity }, issues };
}

function buildLadder(
  ruleSets: ReadonlyMap<string, CompiledRuleSet>,
  levels: ReadonlyMap<Level, LevelSettings>,
  partial: ReadonlySet<Level>,
  locate: Locator,
  issues: Issue[],
): LevelRules[] {
  const ladder: LevelRules[] = [];
  for (const level of LEVELS) {
    const tables = [...ruleSets.values()].filter((compiled) => compiled.ruleSet.level === level);
    if (tables.length === 0) {
      continue;
    }
    const claimed = new Map<UnitType, string>();
    for (const { ruleSet } of tables) {
      for (const unitType of ruleSet.appliesTo) {
        const other = claimed.get(unitType);
        if (other) {
          issues.push(
            error("rule.unit_type_twice", locate({ file: ruleSet.file, path: ["appliesTo"] }), {
              unitType,
              id: ruleSet.id,
              other,
            }),
          );
        }
        claimed.set(unitType, ruleSet.id);
      }
    }
    const settings = levels.get(level) ?? { level, fallback: {} };
    for (const [from, to] of Object.entries(settings.fallback)) {
      if (!claimed.has(to) && !partial.has(level)) {
        issues.push(
          error(
            "rule.fallback_unscored",
            locate({ file: settings.file ?? "", path: ["fallback", from] }),
            {
              from,
              to,
              level,
            },
          ),
        );
      }
    }
    ladder.push({ level, settings, tables });
  }
  return ladder.sort((a, b) => levelRank(a.level) - levelRank(b.level));
}

/** The level a file's folder stands for (`rules/prefecture/village.yaml` → prefecture), if any. */
export function levelOfFolder(file: string): Level | undefined {
  const parts = file.split(/[\\/]/);
  const folder = parts[parts.length - 2];
  return folder !== undefined ? parseLevel(folder) : undefined;
}

function stripAssumption(value: unknown): Json {
  const copy = { ...(value as Json) };
  delete copy.assumption;
  return copy;
}
