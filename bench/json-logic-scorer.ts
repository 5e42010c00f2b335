import { createRequire } from "node:module";
import type * as JsonLogic from "json-logic-js";
import type { AdditionalOperation, RulesLogic } from "json-logic-js";
import { clampCents, toCents } from "../packages/engine/src/index.ts";
import type { Indicator, RuleSet } from "../packages/engine/src/index.ts";
// the bench is a tool, not a package: the spec's operations come from where the engine keeps them
import {
  ratio,
  roundHalfAwayFromZero,
  truthy,
  withinYears,
  yearsSince,
} from "../packages/engine/src/operations.ts";
import type { Verdict } from "./hand-scorer.ts";

type Data = Record<string, unknown>;
type Panel = Readonly<Record<string, number>>;
type Logic = RulesLogic<AdditionalOperation>;

// json-logic-js is the engine's dependency, not the workspace root's: resolve it from there
const jsonLogic = createRequire(new URL("../packages/engine/package.json", import.meta.url))(
  "json-logic-js",
) as typeof JsonLogic;

// operations get only their evaluated arguments, so the date reaches them through this variable;
// a process scores on one assessment date
let assessmentDate = "";

jsonLogic.add_operation("ratio", (dividend: unknown, divisor: unknown) => ratio(dividend, divisor));
jsonLogic.add_operation("years_since", (date: unknown) => yearsSince(date, assessmentDate));
jsonLogic.add_operation("within_years", (date: unknown, years: unknown) =>
  withinYears(date, years, assessmentDate),
);
jsonLogic.add_operation("round", (value: unknown, digits?: unknown) =>
  roundHalfAwayFromZero(value, digits),
);

function isOperation(node: unknown): node is Readonly<Record<string, unknown>> {
  return (
    typeof node === "object" &&
    node !== null &&
    !Array.isArray(node) &&
    Object.keys(node).length === 1
  );
}

// count and sum spelled in json-logic-js's own operations, as evaluate-reference.ts does
function desugar(node: unknown): unknown {
  if (Array.isArray(node)) {
    return node.map(desugar);
  }
  if (!isOperation(node)) {
    return node;
  }
  const [op = ""] = Object.keys(node);
  const values = node[op];
  if (op !== "count" && op !== "sum") {
    return { [op]: desugar(values) };
  }
  const [list, each] = (Array.isArray(values) ? values : [values]).map(desugar);
  const increment = { "+": [{ var: "accumulator" }, 1] };
  if (op === "count") {
    return { reduce: [each === undefined ? list : { filter: [list, each] }, increment, 0] };
  }
  return {
    reduce: [{ map: [list, each] }, { "+": [{ var: "accumulator" }, { var: "current" }] }, 0],
  };
}

function toLogic(expression: unknown): Logic {
  return desugar(expression) as Logic;
}

function evaluate(logic: Logic, data: Data): unknown {
  const result: unknown = jsonLogic.apply(logic, data);
  return result;
}

function toNumber(value: unknown): number {
  return typeof value === "number" ? value : Number(value);
}

function isPresent(value: unknown): boolean {
  return value !== null && value !== undefined;
}

/** An indicator's points in hundredths, rounded and clamped as the spec says. */
type IndicatorPlan = (data: Data, panel: Panel) => number;

function planIndicator(indicator: Indicator): IndicatorPlan {
  const max = toCents(indicator.max);
  const scoring = indicator.scoring;
  switch (scoring.kind) {
    case "judged": {
      const id = indicator.id;
      return (_, panel) => {
        const given = panel[id];
        return given === undefined ? 0 : clampCents(toCents(given), max);
      };
    }
    case "checklist": {
      const items = scoring.items.map((item) => ({
        points: toCents(item.points),
        when: item.when !== undefined ? toLogic(item.when) : undefined,
        field: item.field ?? "",
      }));
      return (data) => {
        let raw = 0;
        for (const item of items) {
          if (truthy(item.when !== undefined ? evaluate(item.when, data) : data[item.field])) {
            raw += item.points;
          }
        }
        return clampCents(raw, max);
      };
    }
    case "count": {
      const value = toLogic(scoring.value);
      return (data) => {
        const n = toNumber(evaluate(value, data));
        return Number.isFinite(n) ? clampCents(toCents(n * scoring.each), max) : 0;
      };
    }
    case "bands": {
      const value = toLogic(scoring.value);
      return (data) => {
        const found = evaluate(value, data);
        const n = toNumber(found);
        if (!isPresent(found) || Number.isNaN(n)) {
          return 0;
        }
        let best = -Infinity;
        let raw = 0;
        for (const step of scoring.steps) {
          if (step.min <= n && step.min > best) {
            best = step.min;
            raw = toCents(step.points);
          }
        }
        return clampCents(raw, max);
      };
    }
    case "linear": {
      const value = toLogic(scoring.value);
      return (data) => {
        const found = evaluate(value, data);
        const n = toNumber(found);
        if (!isPresent(found) || !Number.isFinite(n)) {
          return 0;
        }
        return clampCents(
          toCents((indicator.max * (n - scoring.zeroAt)) / (scoring.fullAt - scoring.zeroAt)),
          max,
        );
      };
    }
    case "deduct": {
      const items = scoring.items.map((item) => ({ each: item.each, count: toLogic(item.count) }));
      return (data) => {
        let raw = max;
        for (const item of items) {
          const n = toNumber(evaluate(item.count, data));
          if (Number.isFinite(n)) {
            raw -= toCents(item.each * n);
          }
        }
        return clampCents(raw, max);
      };
    }
    case "points": {
      const value = toLogic(scoring.value);
      return (data) => {
        const found = evaluate(value, data);
        const n = toNumber(found);
        return isPresent(found) && Number.isFinite(n) ? clampCents(toCents(n), max) : 0;
      };
    }
  }
}

/**
 * Scores a rule set with json-logic-js 2.0.5, the reference semantics: each expression of the
 * rule file is desugared once (count, sum) and applied with `jsonLogic.apply` to one data object
 * per candidate, then the spec's arithmetic follows. Written from the spec, independently of
 * score-candidate.ts, for complete data only (no missing fields).
 */
export function createJsonLogicScorer(
  ruleSet: RuleSet,
  on: string,
): (prepared: Readonly<Data>, panel: Panel) => Verdict {
  assessmentDate = on;
  // the rule file lists computed values in dependency order, so one pass in that order suffices
  const computed = Object.entries(ruleSet.computed).map(([name, { expression }]) => ({
    name,
    logic: toLogic(expression),
  }));
  const categories = ruleSet.categories.map((category) => ({
    max: toCents(category.max),
    indicators: category.indicators.map(planIndicator),
  }));
  const bonus = ruleSet.bonus.map(planIndicator);
  const bonusCap = toCents(ruleSet.scale.bonus);
  const vetoes = ruleSet.vetoes.map((veto) =>
    veto.when !== undefined ? toLogic(veto.when) : undefined,
  );

  return (prepared, panel) => {
    const data: Data = { ...prepared, $on: on };
    for (const { name, logic } of computed) {
      data[name] = evaluate(logic, data);
    }
    let base = 0;
    for (const category of categories) {
      let sum = 0;
      for (const score of category.indicators) {
        sum += score(data, panel);
      }
      base += clampCents(sum, category.max);
    }
    let bonusSum = 0;
    for (const score of bonus) {
      bonusSum += score(data, panel);
    }
    let bits = 0;
    vetoes.forEach((when, index) => {
      if (when !== undefined && truthy(evaluate(when, data))) {
        bits |= 1 << index;
      }
    });
    return { total: base + Math.min(bonusSum, bonusCap), vetoes: bits };
  };
}
