import type { CompiledRuleSet } from "./compile-rule-set.ts";
import { parseIsoDate } from "./dates.ts";
import { error } from "./issue.ts";
import type { Issue, Place } from "./issue.ts";
import type { RuleLibrary, SourceText } from "./load-rule-library.ts";
import { formatMessage } from "./messages.ts";
import { parseSource } from "./parse-source.ts";
import { formatCents, toCents } from "./points.ts";
import { prepareCandidate } from "./prepare-candidate.ts";
import { toCandidate } from "./read-candidates.ts";
import { scoreCandidate } from "./score-candidate.ts";
import type { LevelScore } from "./score-candidate.ts";
import { describe } from "./validate-rule-source.ts";

type Json = Record<string, unknown>;

/** A difference between what a case expects and what the table gives. */
export interface CaseFailure {
  readonly key: string;
  readonly expected: string;
  readonly actual: string;
}

export interface CaseResult {
  readonly name: string;
  readonly place: Place;
  readonly failures: readonly CaseFailure[];
}

export interface RuleTestFileResult {
  readonly file: string;
  readonly ruleset: string;
  readonly cases: readonly CaseResult[];
}

/** What the cases of a rule set exercised, and what they did not. */
export interface Coverage {
  readonly ruleset: string;
  readonly total: number;
  readonly exercised: number;
  /** ids of what no case exercised: `indicator:x`, `item:x.y`, `band:x>=0.9`, `veto:x` */
  readonly unexercised: readonly string[];
}

export interface RuleTestReport {
  readonly files: readonly RuleTestFileResult[];
  readonly coverage: readonly Coverage[];
  readonly issues: readonly Issue[];
}

const EXPECT_KEYS = [
  "reasons",
  "status",
  "total",
  "base",
  "bonus",
  "indicators",
  "categories",
  "vetoes",
  "missing",
  "nearMiss",
];
const CASE_KEYS = ["name", "candidate", "panel", "raisedVetoes", "expect"];

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/**
 * Runs `*.test.yaml` cases against compiled rule sets: each case's differences from what it
 * expects, and which indicators, checklist items, bands and vetoes no case exercised.
 */
export function runRuleTests(library: RuleLibrary, tests: readonly SourceText[]): RuleTestReport {
  const issues: Issue[] = [];
  const files: RuleTestFileResult[] = [];
  const hits = new Map<string, Set<string>>();
  for (const source of tests) {
    const parsed = parseSource(source.file, source.text);
    issues.push(...parsed.issues);
    if (parsed.issues.length > 0) {
      continue;
    }
    const root = parsed.value;
    if (!isObject(root) || typeof root.ruleset !== "string" || !Array.isArray(root.cases)) {
      issues.push(error("test.shape", parsed.locate([]), {}));
      continue;
    }
    const compiled = library.ruleSets.get(root.ruleset);
    if (!compiled) {
      issues.push(error("test.unknown_ruleset", parsed.locate(["ruleset"]), { id: root.ruleset }));
      continue;
    }
    const on = typeof root.on === "string" ? root.on : "";
    if (!parseIsoDate(on)) {
      issues.push(error("test.on", parsed.locate(["on"]), { found: describe(root.on) }));
      continue;
    }
    const covered = hits.get(compiled.ruleSet.id) ?? new Set<string>();
    hits.set(compiled.ruleSet.id, covered);
    const cases: CaseResult[] = [];
    root.cases.forEach((entry: unknown, index) => {
      const place = parsed.locate(["cases", index]);
      if (!isObject(entry) || typeof entry.name !== "string" || !isObject(entry.expect)) {
        issues.push(error("test.case_shape", place, {}));
        return;
      }
      for (const key of Object.keys(entry)) {
        if (!CASE_KEYS.includes(key)) {
          issues.push(
            error("rule.unknown_key", parsed.locateKey(["cases", index, key]), {
              key,
              at: `cases[${index}]`,
            }),
          );
        }
      }
      for (const key of Object.keys(entry.expect)) {
        if (!EXPECT_KEYS.includes(key)) {
          issues.push(
            error("rule.unknown_key", parsed.locateKey(["cases", index, "expect", key]), {
              key,
              at: `cases[${index}].expect`,
            }),
          );
        }
      }
      const before = issues.length;
      const candidate = toCandidate(entry.candidate, parsed, ["cases", index, "candidate"], issues);
      if (!candidate) {
        return;
      }
      const prepared = prepareCandidate(candidate, compiled);
      issues.push(...prepared.issues.filter((issue) => issue.severity === "error"));
      if (issues.length > before) {
        return;
      }
      const score = scoreCandidate(prepared.prepared, {
        on,
        validity: library.validity,
        explain: true,
        panel: isObject(entry.panel) ? (entry.panel as Record<string, number>) : {},
        raisedVetoes: Array.isArray(entry.raisedVetoes) ? entry.raisedVetoes.map(String) : [],
      });
      recordCoverage(score, covered);
      cases.push({ name: entry.name, place, failures: compare(entry.expect, score) });
    });
    files.push({ file: source.file, ruleset: compiled.ruleSet.id, cases });
  }
  const coverage = [...hits.entries()].map(([id, covered]) => {
    const all = coverageTargets(library.ruleSets.get(id) as CompiledRuleSet);
    const unexercised = all.filter((target) => !covered.has(target));
    return {
      ruleset: id,
      total: all.length,
      exercised: all.length - unexercised.length,
      unexercised,
    };
  });
  return { files, coverage, issues };
}

/** Everything a rule set's cases should exercise. */
export function coverageTargets(compiled: CompiledRuleSet): string[] {
  const targets: string[] = [];
  for (const { indicator } of compiled.indicators) {
    targets.push(`indicator:${indicator.id}`);
    if (indicator.scoring.kind === "checklist") {
      targets.push(...indicator.scoring.items.map((item) => `item:${indicator.id}.${item.id}`));
    }
    if (indicator.scoring.kind === "bands") {
      targets.push(...indicator.scoring.steps.map((step) => `band:${indicator.id}>=${step.min}`));
    }
  }
  targets.push(...compiled.ruleSet.vetoes.map((veto) => `veto:${veto.id}`));
  return targets;
}

function recordCoverage(score: LevelScore, covered: Set<string>): void {
  score.compiled.indicators.forEach(({ indicator }, index) => {
    if ((score.indicators[index] ?? 0) > 0) {
      covered.add(`indicator:${indicator.id}`);
    }
    const detail = score.traces?.[index]?.detail as { held?: string[]; band?: number } | undefined;
    if (indicator.scoring.kind === "checklist") {
      for (const item of detail?.held ?? []) {
        covered.add(`item:${indicator.id}.${item}`);
      }
    }
    if (indicator.scoring.kind === "bands" && detail?.band !== undefined && detail.band >= 0) {
      const step = indicator.scoring.steps[detail.band];
      if (step) {
        covered.add(`band:${indicator.id}>=${step.min}`);
      }
    }
  });
  for (const veto of score.vetoes) {
    covered.add(`veto:${veto}`);
  }
}

function compare(expect: Json, score: LevelScore): CaseFailure[] {
  const failures: CaseFailure[] = [];
  const { ruleSet, indicators } = score.compiled;
  const points = (key: string, expected: unknown, actual: number) => {
    if (typeof expected !== "number" || toCents(expected) !== actual) {
      failures.push({ key, expected: describe(expected), actual: formatCents(actual) });
    }
  };
  const sameSet = (key: string, expected: unknown, actual: readonly string[]) => {
    const wanted = Array.isArray(expected) ? expected.map(String).sort() : undefined;
    const got = [...actual].sort();
    if (!wanted || wanted.join(",") !== got.join(",")) {
      failures.push({ key, expected: describe(expected), actual: `[${got.join(", ")}]` });
    }
  };
  for (const [key, expected] of Object.entries(expect)) {
    switch (key) {
      case "status":
      case "nearMiss": {
        const actual = key === "status" ? score.status : score.nearMiss;
        if (expected !== actual) {
          failures.push({ key, expected: describe(expected), actual: String(actual) });
        }
        break;
      }
      case "total":
      case "base":
      case "bonus":
        points(key, expected, score[key]);
        break;
      case "vetoes":
      case "missing":
        sameSet(key, expected, score[key]);
        break;
      case "reasons": {
        // in the order the engine gives them, in Chinese as the shipped tables are written
        const actual = score.reasons.map((reason) => formatMessage(reason, "zh"));
        if (JSON.stringify(expected) !== JSON.stringify(actual)) {
          failures.push({ key, expected: describe(expected), actual: JSON.stringify(actual) });
        }
        break;
      }
      case "indicators":
      case "categories": {
        const ids =
          key === "indicators"
            ? indicators.map((entry) => entry.indicator.id)
            : ruleSet.categories.map((category) => category.id);
        const values = key === "indicators" ? score.indicators : score.categories;
        for (const [id, value] of Object.entries(isObject(expected) ? expected : {})) {
          const index = ids.indexOf(id);
          if (index < 0) {
            failures.push({ key: `${key}.${id}`, expected: describe(value), actual: "(无此项)" });
          } else {
            points(`${key}.${id}`, value, values[index] ?? 0);
          }
        }
        break;
      }
      default:
        break;
    }
  }
  return failures;
}
