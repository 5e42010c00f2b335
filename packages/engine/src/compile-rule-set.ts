import { checkExpression } from "./check-expression.ts";
import { compileDataShape } from "./compile-data-shape.ts";
import type { DataShape } from "./compile-data-shape.ts";
import type { ExpressionScope } from "./check-expression.ts";
import { compileExpressions } from "./compile-expression.ts";
import type { CompiledExpression } from "./compile-expression.ts";
import { compileScorer } from "./compile-scorer.ts";
import type { TableScorer } from "./compile-scorer.ts";
import { error } from "./issue.ts";
import type { Issue } from "./issue.ts";
import { toCents } from "./points.ts";
import type { Cents } from "./points.ts";
import type {
  Expression,
  Indicator,
  Locator,
  Requirement,
  RuleSet,
  SourceRef,
  Veto,
} from "./rule-set.ts";

/** An expression ready to run, with the fields it depends on (through computed values too). */
export interface CompiledValue {
  readonly run: CompiledExpression;
  readonly fields: ReadonlySet<string>;
}

export interface CompiledIndicator {
  readonly indicator: Indicator;
  /** index of its category, or -1 for a bonus item */
  readonly category: number;
  readonly max: Cents;
  /** the fields its points depend on, through computed values too */
  readonly fields: ReadonlySet<string>;
  /** the value expression (count, bands, linear, points) */
  readonly value?: CompiledValue;
  /** per checklist item (`when`) or deduct item (`count`), in order */
  readonly parts: readonly (CompiledValue | undefined)[];
}

/** A rule set whose expressions are checked and compiled: what scoring runs on. */
export interface CompiledRuleSet {
  readonly ruleSet: RuleSet;
  readonly computed: readonly { readonly name: string; readonly value: CompiledValue }[];
  readonly indicators: readonly CompiledIndicator[];
  readonly vetoes: readonly { readonly veto: Veto; readonly when?: CompiledValue }[];
  readonly requirements: readonly {
    readonly requirement: Requirement;
    readonly when?: CompiledValue;
  }[];
  readonly categoryMax: readonly Cents[];
  /** the award threshold, the near-miss margin and the bonus cap, in hundredths */
  readonly threshold: Cents;
  readonly nearMiss: Cents;
  readonly bonusCap: Cents;
  /** every field something reads: a blank one among them is missing */
  readonly readFields: ReadonlySet<string>;
  /** how prepareCandidate builds the data: one object shape for every candidate */
  readonly shape: DataShape;
  /** the whole table as one generated function, for scoring complete data without explaining */
  readonly scorer?: TableScorer;
}

interface Pending {
  readonly expression: Expression;
  readonly source: SourceRef;
  readonly reads: ReadonlySet<string>;
  index: number;
}

/**
 * Checks every expression of a rule set against its fields, lists and computed values, orders
 * the computed values (a cycle is an issue), and compiles all expressions into one module.
 */
export function compileRuleSet(
  ruleSet: RuleSet,
  locate: Locator,
): { compiled?: CompiledRuleSet; issues: Issue[] } {
  const issues: Issue[] = [];
  const lists = new Map(
    Object.entries(ruleSet.lists).map(([id, list]) => [
      id,
      { label: list.label, fields: new Set(Object.keys(list.fields)) },
    ]),
  );
  const names = new Set([...Object.keys(ruleSet.fields), ...Object.keys(ruleSet.computed), "$on"]);
  const scope: ExpressionScope = { label: "候选单位数据", names, lists };
  const pending: Pending[] = [];
  const add = (expression: Expression, source: SourceRef): Pending => {
    const check = checkExpression(expression, scope, source, locate);
    issues.push(...check.issues);
    const entry: Pending = { expression, source, reads: check.reads, index: pending.length };
    pending.push(entry);
    return entry;
  };

  const computedEntries = Object.entries(ruleSet.computed).map(
    ([name, { expression, source }]) => [name, add(expression, source)] as const,
  );
  const computedOrder = orderComputed(computedEntries, ruleSet, locate, issues);

  const indicatorEntries = [
    ...ruleSet.categories.flatMap((category, c) =>
      category.indicators.map((indicator) => ({ indicator, category: c })),
    ),
    ...ruleSet.bonus.map((indicator) => ({ indicator, category: -1 })),
  ].map(({ indicator, category }) => {
    const scoring = indicator.scoring;
    const ref = (...path: (string | number)[]): SourceRef => ({
      file: indicator.source.file,
      path: [...indicator.source.path, ...path],
    });
    let value: Pending | undefined;
    let parts: (Pending | string | undefined)[] = [];
    switch (scoring.kind) {
      case "count":
      case "bands":
      case "linear":
        value = add(scoring.value, ref(scoring.kind, "value"));
        break;
      case "points":
        value = add(scoring.value, ref("points"));
        break;
      case "checklist":
        parts = scoring.items.map((item, i) =>
          item.when !== undefined ? add(item.when, ref("checklist", i, "when")) : item.field,
        );
        break;
      case "deduct":
        parts = scoring.items.map((item, i) => add(item.count, ref("deduct", "items", i, "count")));
        break;
      case "judged":
        break;
    }
    return { indicator, category, value, parts };
  });
  const vetoEntries = ruleSet.vetoes.map((veto) => ({
    veto,
    when:
      veto.when !== undefined
        ? add(veto.when, { ...veto.source, path: [...veto.source.path, "when"] })
        : undefined,
  }));
  const requirementEntries = ruleSet.award.requires.map((requirement) => ({
    requirement,
    when:
      requirement.kind === "when"
        ? add(requirement.when, {
            ...requirement.source,
            path: [...requirement.source.path, "when"],
          })
        : undefined,
  }));

  if (issues.some((issue) => issue.severity === "error")) {
    return { issues };
  }
  const runs = compileExpressions(pending.map((entry) => entry.expression));
  const fieldsOf = dependencyResolver(ruleSet, computedEntries);
  const compiledValue = (entry: Pending): CompiledValue => ({
    run: runs[entry.index] as CompiledExpression,
    fields: fieldsOf(entry.reads),
  });

  const indicators: CompiledIndicator[] = indicatorEntries.map(
    ({ indicator, category, value, parts }) => {
      const compiledParts = parts.map((part) =>
        part === undefined || typeof part === "string" ? undefined : compiledValue(part),
      );
      const fields = new Set<string>(value ? fieldsOf(value.reads) : []);
      parts.forEach((part) => {
        for (const field of typeof part === "string" ? [part] : part ? fieldsOf(part.reads) : []) {
          fields.add(field);
        }
      });
      return {
        indicator,
        category,
        max: toCents(indicator.max),
        fields,
        ...(value && { value: compiledValue(value) }),
        parts: compiledParts,
      };
    },
  );

  const shape = compileDataShape(ruleSet);
  const scorer = compileScorer({ ruleSet, computedOrder, indicators: indicatorEntries }, shape);
  return {
    compiled: {
      ruleSet,
      computed: computedOrder.map((name) => ({
        name,
        value: compiledValue(computedEntries.find(([n]) => n === name)?.[1] as Pending),
      })),
      indicators,
      vetoes: vetoEntries.map(({ veto, when }) => ({
        veto,
        ...(when && { when: compiledValue(when) }),
      })),
      requirements: requirementEntries.map(({ requirement, when }) => ({
        requirement,
        ...(when && { when: compiledValue(when) }),
      })),
      categoryMax: ruleSet.categories.map((category) => toCents(category.max)),
      threshold: toCents(ruleSet.award.threshold),
      nearMiss: toCents(ruleSet.award.nearMiss),
      bonusCap: toCents(ruleSet.scale.bonus),
      readFields: new Set(
        pending
          .flatMap((entry) => [...fieldsOf(entry.reads)])
          .concat(indicators.flatMap((entry) => [...entry.fields])),
      ),
      shape,
      ...(scorer && { scorer }),
    },
    issues,
  };
}

function orderComputed(
  entries: readonly (readonly [string, Pending])[],
  ruleSet: RuleSet,
  locate: Locator,
  issues: Issue[],
): string[] {
  const reads = new Map(entries.map(([name, entry]) => [name, entry.reads]));
  const order: string[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (name: string, trail: string[]) => {
    if (state.get(name) === "done") {
      return;
    }
    if (state.get(name) === "visiting") {
      const cycle = [...trail.slice(trail.indexOf(name)), name];
      issues.push(
        error(
          "rule.computed_cycle",
          locate(ruleSet.computed[name]?.source ?? { file: ruleSet.file, path: [] }),
          {
            cycle: cycle.join(" → "),
          },
        ),
      );
      return;
    }
    state.set(name, "visiting");
    for (const read of reads.get(name) ?? []) {
      if (reads.has(read)) {
        visit(read, [...trail, name]);
      }
    }
    state.set(name, "done");
    order.push(name);
  };
  for (const [name] of entries) {
    visit(name, []);
  }
  return order;
}

function dependencyResolver(
  ruleSet: RuleSet,
  computed: readonly (readonly [string, Pending])[],
): (reads: ReadonlySet<string>) => ReadonlySet<string> {
  const computedReads = new Map(computed.map(([name, entry]) => [name, entry.reads]));
  const memo = new Map<string, Set<string>>();
  const fieldsOfComputed = (name: string): Set<string> => {
    const known = memo.get(name);
    if (known) {
      return known;
    }
    const fields = new Set<string>();
    memo.set(name, fields);
    for (const read of computedReads.get(name) ?? []) {
      for (const field of resolve(read)) {
        fields.add(field);
      }
    }
    return fields;
  };
  const resolve = (name: string): Iterable<string> =>
    name in ruleSet.fields ? [name] : computedReads.has(name) ? fieldsOfComputed(name) : [];
  return (reads) => {
    const fields = new Set<string>();
    for (const read of reads) {
      for (const field of resolve(read)) {
        fields.add(field);
      }
    }
    return fields;
  };
}
