import { error, warning } from "./issue.ts";
import type { Issue } from "./issue.ts";
import { isForbiddenName } from "./operations.ts";
import { formatCents, toCents } from "./points.ts";
import type { Indicator, Locator, RuleSet } from "./rule-set.ts";

/** Names a rule file may not give a field, list or computed value. */
export function isReservedName(name: string): boolean {
  return name === "$on" || isForbiddenName(name);
}

/**
 * The checks a schema cannot make on a merged rule set: points that add up, unique ids, names
 * that resolve, bands in order. Expressions are checked when they are compiled.
 */
export function checkRuleSet(ruleSet: RuleSet, locate: Locator): Issue[] {
  const issues: Issue[] = [];
  const at = (ref: Indicator["source"]) => locate(ref);

  const base = toCents(ruleSet.scale.base);
  const categorySum = ruleSet.categories.reduce((sum, cat) => sum + toCents(cat.max), 0);
  if (ruleSet.categories.length > 0 && categorySum !== base) {
    issues.push(
      error("rule.categories_sum", locate({ file: ruleSet.file, path: ["categories"] }), {
        sum: formatCents(categorySum),
        base: formatCents(base),
      }),
    );
  }
  for (const category of ruleSet.categories) {
    const sum = category.indicators.reduce((total, item) => total + toCents(item.max), 0);
    if (sum !== toCents(category.max)) {
      issues.push(
        error("rule.indicators_sum", at(category.source), {
          id: category.id,
          sum: formatCents(sum),
          max: formatCents(toCents(category.max)),
        }),
      );
    }
  }
  const threshold = toCents(ruleSet.award.threshold);
  if (threshold > base + toCents(ruleSet.scale.bonus)) {
    issues.push(
      warning("rule.threshold_unreachable", locate({ file: ruleSet.file, path: ["award"] }), {
        threshold: formatCents(threshold),
      }),
    );
  }

  const names = new Map<string, string>();
  const claim = (name: string, kind: string, ref: Indicator["source"]) => {
    if (isReservedName(name)) {
      issues.push(error("rule.reserved_name", at(ref), { name }));
    }
    const earlier = names.get(name);
    if (earlier) {
      issues.push(error("rule.duplicate_id", at(ref), { id: name, kind: earlier }));
    } else {
      names.set(name, kind);
    }
  };
  for (const [name, field] of Object.entries(ruleSet.fields)) {
    claim(name, "field", field.source);
    issues.push(...checkField(name, field, locate));
  }
  for (const [name, list] of Object.entries(ruleSet.lists)) {
    claim(name, "list", list.source);
    for (const [fieldName, field] of Object.entries(list.fields)) {
      if (isReservedName(fieldName)) {
        issues.push(error("rule.reserved_name", at(field.source), { name: fieldName }));
      }
      issues.push(...checkField(fieldName, field, locate));
    }
  }
  for (const [name, computed] of Object.entries(ruleSet.computed)) {
    claim(name, "computed", computed.source);
  }

  const uniqueIds = (ids: readonly { id: string; source: Indicator["source"] }[], kind: string) => {
    const seen = new Set<string>();
    for (const { id, source } of ids) {
      if (seen.has(id)) {
        issues.push(error("rule.duplicate_id", at(source), { id, kind }));
      }
      seen.add(id);
    }
  };
  uniqueIds(ruleSet.categories, "category");
  const indicators = [...ruleSet.categories.flatMap((cat) => cat.indicators), ...ruleSet.bonus];
  uniqueIds(indicators, "indicator");
  uniqueIds(ruleSet.vetoes, "veto");
  const vetoIds = new Set(ruleSet.vetoes.map((veto) => veto.id));

  for (const indicator of indicators) {
    const place = at(indicator.source);
    if (indicator.veto !== undefined && !vetoIds.has(indicator.veto)) {
      issues.push(error("rule.unknown_veto", place, { id: indicator.id, veto: indicator.veto }));
    }
    const scoring = indicator.scoring;
    const max = toCents(indicator.max);
    switch (scoring.kind) {
      case "judged": {
        const step = toCents(scoring.step);
        if (step > 0 && max % step !== 0) {
          issues.push(
            warning("rule.max_off_step", place, { id: indicator.id, step: scoring.step }),
          );
        }
        for (const level of scoring.rubric ?? []) {
          const points = toCents(level.points);
          if (points > max || (step > 0 && points % step !== 0)) {
            issues.push(
              error("rule.rubric_points", place, {
                id: indicator.id,
                label: level.label,
                points: level.points,
                max: indicator.max,
                step: scoring.step,
              }),
            );
          }
        }
        break;
      }
      case "checklist": {
        uniqueIds(
          scoring.items.map((item) => ({ id: item.id, source: indicator.source })),
          "checklist item",
        );
        for (const item of scoring.items) {
          if ((item.field === undefined) === (item.when === undefined)) {
            issues.push(
              error("rule.checklist_item_kind", place, { id: indicator.id, item: item.id }),
            );
          } else if (item.field !== undefined && ruleSet.fields[item.field]?.type !== "boolean") {
            issues.push(
              error("rule.checklist_field", place, {
                id: indicator.id,
                item: item.id,
                field: item.field,
              }),
            );
          }
        }
        break;
      }
      case "bands": {
        scoring.steps.forEach((step, index) => {
          const previous = scoring.steps[index - 1];
          if (previous !== undefined && !(step.min < previous.min)) {
            issues.push(error("rule.bands_order", place, { id: indicator.id }));
          }
          if (toCents(step.points) > max) {
            issues.push(
              error("rule.band_points", place, {
                id: indicator.id,
                points: step.points,
                max: indicator.max,
              }),
            );
          }
        });
        break;
      }
      case "linear":
        if (scoring.zeroAt === scoring.fullAt) {
          issues.push(error("rule.linear_range", place, { id: indicator.id }));
        }
        break;
      default:
        break;
    }
  }
  return issues;
}

function checkField(name: string, field: RuleSet["fields"][string], locate: Locator): Issue[] {
  const issues: Issue[] = [];
  if (field.type === "enum" && !field.values) {
    issues.push(error("rule.enum_values", locate(field.source), { name }));
  }
  if (field.min !== undefined && field.max !== undefined && field.min > field.max) {
    issues.push(error("rule.field_range", locate(field.source), { name }));
  }
  return issues;
}
