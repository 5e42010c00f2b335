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
  /** fields and lists by id, only declared ones; a missing or wrong value is undefined */
  readonly data: Readonly<Record<string, unknown>>;
  /** ids of the fields that are missing and matter (required, or read by the table) */
  readonly missing: readonly string[];
  /** judged indicator id → reviewers' scores in hundredths, with the reviewers' names */
  readonly scores: ReadonlyMap<
    string,
    { readonly reviewers: readonly string[]; readonly points: readonly Cents[] }
  >;
  /**
   * true when the data has no errors and no field is missing, so that every field the table
   * reads holds a value of its type: what the table's compiled scorer relies on
   */
  readonly isComplete: boolean;
}

const NO_FIELDS: readonly string[] = Object.freeze([]);
const NO_SCORES: PreparedCandidate["scores"] = new Map();

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
        if (max === undefined) {
          return fail("data.min", { min: min ?? 0 });
        }
        return min === undefined ? fail("data.max", { max }) : fail("data.range", { min, max });
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

// what checkFieldValue accepts, read without building an issue or a result object: a table's
// candidates are read by the hundred thousand, and checkFieldValue then names only the wrong ones
const INVALID: unique symbol = Symbol("invalid");
const PERCENT = /^\s*-?\d+(\.\d+)?\s*%\s*$/;

/** checkFieldValue's value for a value it accepts, or INVALID; a test keeps the two in step. */
export function readFieldValue(value: unknown, spec: FieldSpec): unknown {
  switch (spec.type) {
    case "integer":
    case "number":
    case "ratio": {
      let number = value;
      if (spec.type === "ratio" && typeof value === "string" && PERCENT.test(value)) {
        number = Number(value.trim().slice(0, -1).trim()) / 100;
      }
      if (typeof number !== "number" || !Number.isFinite(number)) {
        return INVALID;
      }
      if (spec.type === "integer" && !Number.isInteger(number)) {
        return INVALID;
      }
      const min = spec.min ?? (spec.type === "ratio" ? 0 : undefined);
      const max = spec.max ?? (spec.type === "ratio" ? 1 : undefined);
      return (min !== undefined && number < min) || (max !== undefined && number > max)
        ? INVALID
        : number;
    }
    case "boolean":
      return typeof value === "boolean" ? value : INVALID;
    case "string":
      return typeof value === "string" || typeof value === "number" ? String(value) : INVALID;
    case "date":
      return typeof value === "string" && parseIsoDate(value.trim()) ? value.trim() : INVALID;
    case "enum":
      return typeof value === "string" && spec.values?.includes(value.trim())
        ? value.trim()
        : INVALID;
  }
}

/** readFieldValue's INVALID, for its test. */
export const INVALID_VALUE: unknown = INVALID;

/**
 * Checks a candidate's data, lists and reviewers' scores against one compiled table. Wrong
 * values are issues; blank values are missing, which the table's `missing` policy decides on.
 */
export function prepareCandidate(
  candidate: Candidate,
  compiled: CompiledRuleSet,
): { prepared: PreparedCandidate; issues: Issue[] } {
  const { ruleSet, readFields, shape } = compiled;
  const issues: Issue[] = [];
  const placeOf = (key: string): Place =>
    candidate.dataPlaces?.[key] ?? {
      ...candidate.place,
      path: `${candidate.place.path ?? ""}.data.${key}`,
    };
  const rowPlace = (list: string, index: number, field?: string): Place => {
    const place = placeOf(list);
    const row = `${place.path ?? ""}[${index}]`;
    return { ...place, path: field === undefined ? row : `${row}.${field}` };
  };
  // in the order of the data shape: fields, then lists
  const values: unknown[] = [];
  const missing: string[] = [];

  for (const [name, spec] of shape.fields) {
    const value = Object.hasOwn(candidate.data, name) ? candidate.data[name] : undefined;
    if (isBlank(value)) {
      if (spec.required || readFields.has(name)) {
        missing.push(name);
      }
      values.push(undefined);
      continue;
    }
    const read = readFieldValue(value, spec);
    if (read === INVALID) {
      issues.push(checkFieldValue(value, spec, placeOf(name)).issue as Issue);
    }
    values.push(read === INVALID ? undefined : read);
  }
  // each list's rows as values in the order of its fields, or undefined when it is no list
  const lists: (unknown[][] | undefined)[] = [];
  for (const { name, list, fields } of shape.lists) {
    const rows = Object.hasOwn(candidate.data, name) ? candidate.data[name] : undefined;
    if (isBlank(rows)) {
      lists.push([]);
      continue;
    }
    if (!Array.isArray(rows)) {
      issues.push(error("data.list", placeOf(name), { label: list.label, found: describe(rows) }));
      lists.push(undefined);
      continue;
    }
    lists.push(
      rows.map((row: unknown, index) => {
        const rowValues: unknown[] = [];
        if (row === null || typeof row !== "object" || Array.isArray(row)) {
          const found = describe(row);
          issues.push(error("data.row", rowPlace(name, index), { label: list.label, found }));
          return rowValues;
        }
        for (const [field, spec] of fields) {
          const value = (row as Record<string, unknown>)[field];
          if (isBlank(value)) {
            if (spec.required) {
              const params = { label: spec.label, list: list.label };
              issues.push(error("data.row_required", rowPlace(name, index, field), params));
            }
            rowValues.push(undefined);
            continue;
          }
          const read = readFieldValue(value, spec);
          if (read === INVALID) {
            const place = rowPlace(name, index, field);
            issues.push(checkFieldValue(value, spec, place).issue as Issue);
          }
          rowValues.push(read === INVALID ? undefined : read);
        }
        return rowValues;
      }),
    );
  }
  // the objects that outlive this call are made last and together, so that a candidate's rows
  // and data lie close in memory: scoring reads them together
  shape.lists.forEach(({ name }, index) => {
    const createRow = shape.createRow.get(name);
    const rows = lists[index];
    values.push(rows && createRow ? rows.map((row) => createRow(row)) : rows);
  });
  const data = shape.createData(values);
  // every issue so far is a wrong value
  const isComplete = issues.length === 0 && missing.length === 0;
  for (const key of Object.keys(candidate.data)) {
    if (!Object.hasOwn(ruleSet.fields, key) && !Object.hasOwn(ruleSet.lists, key)) {
      issues.push(warning("data.unknown_field", placeOf(key), { key, table: ruleSet.id }));
    }
  }

  const judged = new Map(
    (Object.keys(candidate.scores).length > 0 ? compiled.indicators : [])
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
  // most candidates have neither: share one empty of each instead of keeping 100,000
  const prepared = {
    candidate,
    compiled,
    data,
    missing: missing.length > 0 ? missing : NO_FIELDS,
    scores: scores.size > 0 ? scores : NO_SCORES,
    isComplete,
  };
  return { prepared, issues };
}
