import type { Candidate } from "./candidate.ts";
import type { CompiledRuleSet } from "./compile-rule-set.ts";
import { parseIsoDate } from "./dates.ts";
import { error, warning } from "./issue.ts";
import type { Issue, Place } from "./issue.ts";
import { toCents } from "./points.ts";
import type { Cents } from "./points.ts";
import type { FieldSpec } from "./rule-set.ts";
import { describe } from "./validate-rule-source.ts";

/** A candidate's data checked against one table: ready to score. */
export interface PreparedCandidate {
  readonly candidate: Candidate;
  readonly compiled: CompiledRuleSet;
  /** fields and lists by id, only declared ones, missing values left out */
  readonly data: Readonly<Record<string, unknown>>;
  /** ids of the fields that are missing and matter (required, or read by the table) */
  readonly missing: readonly string[];
  /** judged indicator id → reviewers' scores in hundredths, with the reviewers' names */
  readonly scores: ReadonlyMap<
    string,
    { readonly reviewers: readonly string[]; readonly points: readonly Cents[] }
  >;
}

function isBlank(value: unknown): boolean {
  return (
    value === undefined || value === null || (typeof value === "string" && value.trim() === "")
  );
}

/** Checks a value against a field's type and range; returns the value to score with or an issue. */
export function checkFieldValue(
  value: unknown,
  spec: FieldSpec,
  place: Place,
): { value?: unknown; issue?: Issue } {
  const label = spec.label;
  const fail = (
    code: Parameters<typeof error>[0],
    params: Record<string, string | number> = {},
  ) => ({
    issue: error(code, place, { label, found: describe(value), ...params }),
  });
  switch (spec.type) {
    case "integer":
    case "number":
    case "ratio": {
      let number = value;
      if (
        spec.type === "ratio" &&
        typeof value === "string" &&
        /^\s*-?\d+(\.\d+)?\s*%\s*$/.test(value)
      ) {
        number = Number(value.trim().slice(0, -1).trim()) / 100;
      }
      if (typeof number !== "number" || !Number.isFinite(number)) {
        return fail(
          spec.type === "integer"
            ? "data.integer"
            : spec.type === "ratio"
              ? "data.ratio"
              : "data.number",
        );
      }
      if (spec.type === "integer" && !Number.isInteger(number)) {
        return fail("data.integer");
      }
      const min = spec.min ?? (spec.type === "ratio" ? 0 : undefined);
      const max = spec.max ?? (spec.type === "ratio" ? 1 : undefined);
      if ((min !== undefined && number < min) || (max !== undefined && number > max)) {
        return fail("data.range", { min: min ?? "-∞", max: max ?? "+∞" });
      }
      return { value: number };
    }
    case "boolean":
      return typeof value === "boolean" ? { value } : fail("data.boolean");
    case "string":
      return typeof value === "string" || typeof value === "number"
        ? { value: String(value) }
        : fail("data.string");
    case "date":
      return typeof value === "string" && parseIsoDate(value.trim())
        ? { value: value.trim() }
        : fail("data.date");
    case "enum":
      return typeof value === "string" && spec.values?.includes(value.trim())
        ? { value: value.trim() }
        : fail("data.enum", { allowed: (spec.values ?? []).join("、") });
  }
}

/**
 * Checks a candidate's data, lists and reviewers' scores against one compiled table. Wrong
 * values are issues; blank values are missing, which the table's `missing` policy decides on.
 */
export function prepareCandidate(
  candidate: Candidate,
  compiled: CompiledRuleSet,
): { prepared: PreparedCandidate; issues: Issue[] } {
  const { ruleSet, readFields } = compiled;
  const issues: Issue[] = [];
  const placeOf = (key: string): Place =>
    candidate.dataPlaces?.[key] ?? {
      ...candidate.place,
      path: `${candidate.place.path ?? ""}.data.${key}`,
    };
  const data: Record<string, unknown> = {};
  const missing: string[] = [];

  for (const [name, spec] of Object.entries(ruleSet.fields)) {
    const value = Object.hasOwn(candidate.data, name) ? candidate.data[name] : undefined;
    if (isBlank(value)) {
      if (spec.required || readFields.has(name)) {
        missing.push(name);
      }
      continue;
    }
    const checked = checkFieldValue(value, spec, placeOf(name));
    if (checked.issue) {
      issues.push(checked.issue);
    } else {
      data[name] = checked.value;
    }
  }
  for (const [name, list] of Object.entries(ruleSet.lists)) {
    const rows = Object.hasOwn(candidate.data, name) ? candidate.data[name] : undefined;
    if (isBlank(rows)) {
      data[name] = [];
      continue;
    }
    if (!Array.isArray(rows)) {
      issues.push(error("data.list", placeOf(name), { label: list.label, found: describe(rows) }));
      continue;
    }
    data[name] = rows.map((row: unknown, index) => {
      const rowPlace = { ...placeOf(name), path: `${placeOf(name).path ?? ""}[${index}]` };
      const clean: Record<string, unknown> = {};
      if (row === null || typeof row !== "object" || Array.isArray(row)) {
        issues.push(error("data.row", rowPlace, { label: list.label, found: describe(row) }));
        return clean;
      }
      for (const [field, spec] of Object.entries(list.fields)) {
        const value = (row as Record<string, unknown>)[field];
        const place = { ...rowPlace, path: `${rowPlace.path}.${field}` };
        if (isBlank(value)) {
          if (spec.required) {
            issues.push(error("data.row_required", place, { label: spec.label, list: list.label }));
          }
          continue;
        }
        const checked = checkFieldValue(value, spec, place);
        if (checked.issue) {
          issues.push(checked.issue);
        } else {
          clean[field] = checked.value;
        }
      }
      return clean;
    });
  }
  for (const key of Object.keys(candidate.data)) {
    if (!Object.hasOwn(ruleSet.fields, key) && !Object.hasOwn(ruleSet.lists, key)) {
      issues.push(warning("data.unknown_field", placeOf(key), { key, table: ruleSet.id }));
    }
  }

  const judged = new Map(
    compiled.indicators
      .filter((entry) => entry.indicator.scoring.kind === "judged")
      .map((entry) => [entry.indicator.id, entry]),
  );
  const scores = new Map<string, { reviewers: string[]; points: Cents[] }>();
  for (const [reviewer, byIndicator] of Object.entries(candidate.scores)) {
    for (const [indicatorId, points] of Object.entries(byIndicator)) {
      const place = candidate.scorePlaces?.[reviewer]?.[indicatorId] ?? candidate.place;
      const entry = judged.get(indicatorId);
      if (!entry) {
        continue;
      }
      const scoring = entry.indicator.scoring;
      const step = scoring.kind === "judged" ? toCents(scoring.step) : 1;
      const cents = Math.round(points * 100);
      if (points < 0 || cents > entry.max || Math.abs(points * 100 - cents) > 1e-6) {
        issues.push(
          error("score.range", place, {
            reviewer,
            indicator: indicatorId,
            max: entry.indicator.max,
            found: points,
          }),
        );
        continue;
      }
      if (cents % step !== 0) {
        issues.push(
          error("score.step", place, {
            reviewer,
            indicator: indicatorId,
            step: step / 100,
            found: points,
          }),
        );
        continue;
      }
      const slot = scores.get(indicatorId) ?? { reviewers: [], points: [] };
      slot.reviewers.push(reviewer);
      slot.points.push(cents);
      scores.set(indicatorId, slot);
    }
  }
  return { prepared: { candidate, compiled, data, missing, scores }, issues };
}
