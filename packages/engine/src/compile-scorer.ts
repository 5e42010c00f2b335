import { aggregateScores } from "./aggregate-scores.ts";
import type { DataShape } from "./compile-data-shape.ts";
import { EXPRESSION_HELPERS, generateTableCode, truthOf } from "./compile-expression.ts";
import type { GeneratedValue, TableCode } from "./compile-expression.ts";
import { roundedMagnitude } from "./operations.ts";
import { toCents } from "./points.ts";
import type { Cents } from "./points.ts";
import type { Band, Indicator, PanelSettings, RuleSet } from "./rule-set.ts";
import type { IndicatorState } from "./score-candidate.ts";

type ReviewerPoints = ReadonlyMap<string, { readonly points: readonly Cents[] }>;

/**
 * Where a table scorer writes: one per scorer, overwritten by every run, so that a run
 * allocates nothing. The caller copies out what it keeps.
 */
export interface ScorerFrame {
  /** per indicator, in the order of `compiled.indicators` */
  readonly points: Cents[];
  /** per indicator: "pending" for a judged one without a panel score, else "scored" */
  readonly states: IndicatorState[];
  /** per category, clamped */
  readonly categories: Cents[];
  base: Cents;
  bonusUncapped: Cents;
  /** how many judged indicators wait for the panel */
  pending: number;
  /** per veto with a `when`, by its index in the table: whether it held */
  readonly vetoes: boolean[];
  /** per `when` requirement, by its index in `award.requires`: whether it held */
  readonly met: boolean[];
}

/**
 * Scores one candidate whose data has no errors and no missing field (see TableScope) into the
 * frame: indicators' points and states, categories, base, bonus, vetoes and requirements held.
 */
export type ScorerRun = (
  data: Readonly<Record<string, unknown>>,
  on: string,
  panel: Readonly<Record<string, number>> | undefined,
  scores: ReviewerPoints,
  frame: ScorerFrame,
) => void;

/** A rule set compiled whole into one function, for scoring without explanations. */
export interface TableScorer {
  readonly run: ScorerRun;
  readonly frame: ScorerFrame;
  /** the states of a run with no judged indicator pending, frozen: results may share it */
  readonly allScored: readonly IndicatorState[];
}

/** The parts of a compiled rule set the scorer is generated from. */
export interface ScorerSource {
  readonly ruleSet: RuleSet;
  /** computed value names in dependency order */
  readonly computedOrder: readonly string[];
  readonly indicators: readonly { readonly indicator: Indicator; readonly category: number }[];
}

/** toCents of a number: the generated code inlines its usual case and calls this for the rest. */
export function centsOf(value: number): Cents {
  const kept = roundedMagnitude(Math.abs(value), 100);
  if (kept < 0) {
    return toCents(value);
  }
  // toCents is Math.round(±kept / 100 × 100), which is ±kept; and 0 is never -0
  return kept === 0 ? 0 : value < 0 ? -kept : kept;
}

function scorerHelpers(panel: PanelSettings): Readonly<Record<string, unknown>> {
  return {
    $cents: centsOf,
    $toCents: toCents,
    // a judged indicator's aggregate of reviewers' scores, or undefined while it is pending
    $reviewed: (scores: ReviewerPoints, id: string): Cents | undefined => {
      const given = scores.get(id);
      return given ? aggregateScores(given.points, panel)?.points : undefined;
    },
  };
}

/**
 * Generates a rule set's whole scoring into one function: computed values as locals,
 * indicators with constant points in hundredths, checklists and bands unrolled, rounding to
 * hundredths inlined, vetoes and requirements. Undefined when the data shape is not fixed or
 * a checklist item names no declared field (the traced path in score-candidate.ts then scores
 * every candidate).
 */
export function compileScorer(source: ScorerSource, shape: DataShape): TableScorer | undefined {
  if (!shape.isFixed) {
    return undefined;
  }
  const { ruleSet } = source;
  // the locals' names are the scorer's own, never a name from the rule
  const computed = new Map(source.computedOrder.map((name, index) => [name, `v${index}`]));
  const code = generateTableCode({
    fields: new Map(Object.entries(ruleSet.fields)),
    lists: new Map(Object.entries(ruleSet.lists)),
    computed,
  });
  const body: string[] = [];
  for (const [name, local] of computed) {
    const expression = ruleSet.computed[name]?.expression;
    body.push(`const ${local} = ${code.expression(expression).code};`);
  }
  body.push("f.pending = 0;");
  const byCategory: string[][] = ruleSet.categories.map(() => []);
  const bonus: string[] = [];
  for (const [index, { indicator, category }] of source.indicators.entries()) {
    const statements = indicatorStatements(indicator, index, code, ruleSet);
    if (statements === undefined) {
      return undefined;
    }
    body.push(...statements);
    (category >= 0 ? byCategory[category] : bonus)?.push(`p${index}`);
  }
  ruleSet.categories.forEach((category, c) => {
    const max = number(toCents(category.max));
    const points = byCategory[c] ?? [];
    body.push(`z = ${["0", ...points].join(" + ")}; cats[${c}] = ${clamp("z", max)};`);
  });
  const categories = ruleSet.categories.map((_, c) => `cats[${c}]`);
  body.push(`f.base = ${["0", ...categories].join(" + ")};`);
  body.push(`f.bonusUncapped = ${["0", ...bonus].join(" + ")};`);
  ruleSet.vetoes.forEach((veto, v) => {
    if (veto.when !== undefined) {
      body.push(`f.vetoes[${v}] = ${truthOf(code.expression(veto.when))};`);
    }
  });
  ruleSet.award.requires.forEach((requirement, r) => {
    if (requirement.kind === "when") {
      body.push(`f.met[${r}] = ${truthOf(code.expression(requirement.when))};`);
    }
  });

  const locals = source.indicators.map((_, index) => `, p${index}`).join("");
  const scorer = [
    `function $score(d, on, panel, scores, f) {`,
    code.declarations(),
    `const pts = f.points, st = f.states, cats = f.categories;`,
    `let z${locals};`,
    code.openOn(),
    ...code.passes(),
    ...body,
    "}",
  ].join("\n");
  const module = `"use strict";\n${code.moduleSource()}\n${scorer}\nreturn $score;`;
  const helpers = { ...EXPRESSION_HELPERS, ...scorerHelpers(ruleSet.panel) };
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- as in compile-expression.ts: only checked names, numbers and JSON.stringify'd text reach the source
  const build = new Function(...Object.keys(helpers), module) as (...values: unknown[]) => unknown;
  const scored = (): IndicatorState[] => source.indicators.map(() => "scored");
  return {
    run: build(...Object.values(helpers)) as ScorerRun,
    frame: {
      // filled with numbers, so that V8 keeps them as small integers and copies them fast
      points: source.indicators.map(() => 0),
      states: scored(),
      categories: ruleSet.categories.map(() => 0),
      base: 0,
      bonusUncapped: 0,
      pending: 0,
      vetoes: ruleSet.vetoes.map(() => false),
      met: ruleSet.award.requires.map(() => false),
    },
    allScored: Object.freeze(scored()),
  };
}

/** A number as a JavaScript literal; anything else is a bug in the caller, not rule text. */
function number(value: unknown): string {
  if (typeof value !== "number") {
    throw new Error(`the scorer expects a number, found ${typeof value}`);
  }
  if (Number.isNaN(value)) {
    return "(0 / 0)";
  }
  if (!Number.isFinite(value)) {
    return value > 0 ? "(1 / 0)" : "(-1 / 0)";
  }
  // String() of a finite number round-trips; -0 keeps its sign in parentheses
  return Object.is(value, -0) ? "(-0)" : `(${String(value)})`;
}

/** clampCents, written out: a call per indicator would use up V8's inlining budget. */
function clamp(name: string, max: string): string {
  return `${name} < 0 ? 0 : ${name} > ${max} ? ${max} : ${name}`;
}

/**
 * Statements setting `target` to centsOf(expression): its usual case written out, and a call
 * near a half (where the decimal decides) or beyond 1e7 points.
 */
function cents(target: string, expression: string): string {
  return (
    `{ const q = ${expression}; const m = Math.abs(q) * 100; const w = Math.floor(m); const e = m - w - 0.5; ` +
    `${target} = m < 1e9 && (e > 1e-5 || e < -1e-5) ? (e > 0 ? (q < 0 ? -1 - w : w + 1) : q < 0 ? 0 - w : w) : $cents(q); }`
  );
}

/**
 * `v` (the value) and `n` as score-candidate.ts reads a value for its points: typeof number ?
 * it : Number(it), and whether it is present (neither null nor undefined).
 */
function read(value: GeneratedValue): { statements: string; present: string } {
  if (value.kind === "number" && value.defined) {
    return { statements: `const n = ${value.code};`, present: "true" };
  }
  return {
    statements: `const v = ${value.code}; const n = typeof v === "number" ? v : Number(v);`,
    present: "v !== null && v !== undefined",
  };
}

function indicatorStatements(
  indicator: Indicator,
  index: number,
  code: TableCode,
  ruleSet: RuleSet,
): string[] | undefined {
  const max = number(toCents(indicator.max));
  const local = `p${index}`;
  const scored = `${local} = ${clamp("z", max)}; pts[${index}] = ${local};`;
  const scoring = indicator.scoring;
  switch (scoring.kind) {
    case "judged": {
      const id = JSON.stringify(indicator.id);
      // the panel's aggregate when given (rule tests, the bench), else the reviewers' scores
      return [
        `if (panel) { const y = panel[${id}]; if (y === undefined) { z = undefined; } else if (typeof y === "number") ${cents("z", "y")} else { z = $toCents(y); } } else { z = $reviewed(scores, ${id}); }`,
        `if (z === undefined) { ${local} = 0; pts[${index}] = 0; st[${index}] = "pending"; f.pending++; } else { ${scored} st[${index}] = "scored"; }`,
      ];
    }
    case "checklist": {
      const lines = ["z = 0;"];
      for (const item of scoring.items) {
        // a field item reads data[field]: only a declared field reads the same as a var
        const isField = item.field !== undefined && Object.hasOwn(ruleSet.fields, item.field);
        const held =
          item.when !== undefined
            ? code.expression(item.when)
            : isField
              ? code.expression({ var: item.field })
              : undefined;
        if (held === undefined) {
          return undefined;
        }
        lines.push(`if (${truthOf(held)}) { z += ${number(toCents(item.points))}; }`);
      }
      return [...lines, scored];
    }
    case "count": {
      const { statements } = read(code.expression(scoring.value));
      const each = number(scoring.each);
      return [
        `{ ${statements} if (Number.isFinite(n)) ${cents("z", `n * ${each}`)} else { z = 0; } }`,
        scored,
      ];
    }
    case "bands": {
      // the step with the largest min not above the value; of equal mins, the first
      const chosen = bandOrder(scoring.steps).reduceRight(
        (otherwise, step) =>
          `n >= ${number(step.min)} ? ${number(toCents(step.points))} : ${otherwise}`,
        "0",
      );
      const { statements, present } = read(code.expression(scoring.value));
      return [`{ ${statements} z = ${present} && !Number.isNaN(n) ? ${chosen} : 0; }`, scored];
    }
    case "linear": {
      const { statements, present } = read(code.expression(scoring.value));
      const span = number(scoring.fullAt - scoring.zeroAt);
      const line = `(${number(indicator.max)} * (n - ${number(scoring.zeroAt)})) / ${span}`;
      return [
        `{ ${statements} if (${present} && Number.isFinite(n)) ${cents("z", line)} else { z = 0; } }`,
        scored,
      ];
    }
    case "deduct": {
      const lines = ["z = 0;"];
      for (const item of scoring.items) {
        const { statements } = read(code.expression(item.count));
        const each = number(item.each);
        lines.push(
          `{ ${statements} if (Number.isFinite(n)) { let c; ${cents("c", `${each} * n`)} z += c; } }`,
        );
      }
      return [...lines, `z = ${max} - z;`, scored];
    }
    case "points": {
      const { statements, present } = read(code.expression(scoring.value));
      return [
        `{ ${statements} if (${present} && Number.isFinite(n)) ${cents("z", "n")} else { z = 0; } }`,
        scored,
      ];
    }
  }
}

function bandOrder(steps: readonly Band[]): Band[] {
  // a step is chosen when its min is above the best so far, which starts at -Infinity: a min
  // of -Infinity or NaN never is
  const usable = steps.filter((step) => step.min > -Infinity);
  const descending = [...usable].sort((a, b) => (a.min > b.min ? -1 : a.min < b.min ? 1 : 0));
  const ordered: Band[] = [];
  for (const step of descending) {
    if (!ordered.some((kept) => kept.min === step.min)) {
      ordered.push(usable.find((first) => first.min === step.min) as Band);
    }
  }
  return ordered;
}
