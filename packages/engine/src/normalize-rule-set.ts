import { canonicalJson, sha256Hex } from "./canonical-json.ts";
import { error } from "./issue.ts";
import type { Issue } from "./issue.ts";
import { sourceOf } from "./merge-rule-sets.ts";
import type {
  Category,
  FieldSpec,
  Indicator,
  LevelSettings,
  ListSpec,
  Locator,
  PanelSettings,
  Requirement,
  RuleSet,
  Scoring,
  SourcePath,
  SourceRef,
  Validity,
  Veto,
} from "./rule-set.ts";
import { SCORING_KINDS } from "./rule-set.ts";
import type { Level, UnitType } from "./vocabulary.ts";

type Json = Record<string, unknown>;

const DEFAULT_PANEL: PanelSettings = { aggregate: "trimmed_mean", trimFrom: 5, minReviewers: 3 };

/**
 * Turns a schema-valid, merged rule set into the engine's complete shape, applying the level's
 * defaults; what a merged table must hold but does not (a title, a scoring key) is an issue.
 */
export function normalizeRuleSet(
  raw: Json,
  file: string,
  levels: ReadonlyMap<Level, LevelSettings>,
  locate: Locator,
): { ruleSet?: RuleSet; issues: Issue[] } {
  const issues: Issue[] = [];
  const at = (path: SourcePath) => sourceOf(raw, path, file);
  const place = (path: SourcePath) => locate(at(path));
  const id = String(raw.id);
  const need = <T>(value: T | undefined, key: string, path: SourcePath = []): T | undefined => {
    if (value === undefined) {
      issues.push(error("rule.required_key", place(path), { key, at: path.join(".") || id }));
    }
    return value;
  };

  const level = need(raw.level as Level | undefined, "level");
  const settings = level ? levels.get(level) : undefined;
  const fields = normalizeFields(raw.fields as Json | undefined, ["fields"], at, need);
  const lists: Record<string, ListSpec> = {};
  for (const [listId, list] of Object.entries((raw.lists as Json | undefined) ?? {})) {
    const spec = list as Json;
    lists[listId] = {
      label: need(spec.label as string | undefined, "label", ["lists", listId]) ?? listId,
      ...(spec.hint !== undefined && { hint: spec.hint as string }),
      fields: normalizeFields(
        spec.fields as Json | undefined,
        ["lists", listId, "fields"],
        at,
        need,
      ),
      source: at(["lists", listId]),
    };
  }
  const computed: RuleSet["computed"] = Object.fromEntries(
    Object.entries((raw.computed as Json | undefined) ?? {}).map(([name, expression]) => [
      name,
      { expression, source: at(["computed", name]) },
    ]),
  );

  const indicator = (item: Json, path: SourcePath): Indicator => {
    const kinds = SCORING_KINDS.filter((kind) => item[kind] !== undefined);
    if (kinds.length !== 1) {
      issues.push(
        error("rule.scoring_kinds", place(path), {
          id: String(item.id),
          found: kinds.length === 0 ? "-" : kinds.join(", "),
        }),
      );
    }
    return {
      id: String(item.id),
      title: need(item.title as string | undefined, "title", path) ?? String(item.id),
      max: need(item.max as number | undefined, "max", path) ?? 0,
      methods: (item.methods as string[] | undefined) ?? [],
      evidence: (item.evidence as string[] | undefined) ?? [],
      ...(item.hint !== undefined && { hint: item.hint as string }),
      ...(item.veto !== undefined && { veto: item.veto as string }),
      ...(item.assumption === true && { assumption: true }),
      scoring: toScoring(item, kinds[0] ?? "points", path, need),
      source: at(path),
    };
  };

  const categories: Category[] = ((raw.categories as Json[] | undefined) ?? []).map((cat, c) => {
    const path = ["categories", c];
    return {
      id: String(cat.id),
      title: need(cat.title as string | undefined, "title", path) ?? String(cat.id),
      max: need(cat.max as number | undefined, "max", path) ?? 0,
      indicators: ((cat.indicators as Json[] | undefined) ?? []).map((item, i) =>
        indicator(item, [...path, "indicators", i]),
      ),
      ...(cat.assumption === true && { assumption: true }),
      source: at(path),
    };
  });
  if (categories.length === 0) {
    need(undefined, "categories");
  }
  const bonus = ((raw.bonus as Json[] | undefined) ?? []).map((item, i) =>
    indicator(item, ["bonus", i]),
  );
  const vetoes: Veto[] = ((raw.vetoes as Json[] | undefined) ?? []).map((veto, v) => {
    const path = ["vetoes", v];
    if (veto.when === undefined && veto.raisedBy !== "panel") {
      issues.push(error("rule.veto_without_condition", place(path), { id: String(veto.id) }));
    }
    return {
      id: String(veto.id),
      title: need(veto.title as string | undefined, "title", path) ?? String(veto.id),
      ...(veto.when !== undefined && { when: veto.when }),
      ...(veto.raisedBy === "panel" && { raisedBy: "panel" as const }),
      ...(veto.assumption === true && { assumption: true }),
      source: at(path),
    };
  });

  const award = (raw.award as Json | undefined) ?? {};
  const requires: Requirement[] = ((award.requires as Json[] | undefined) ?? []).flatMap(
    (req, r): Requirement[] => {
      const path = ["award", "requires", r];
      const title = req.title as Json | undefined;
      if (title !== undefined && req.when === undefined) {
        return [
          {
            kind: "title" as const,
            level: title.level as Level,
            minYears: (title.minYears as number | undefined) ?? 0,
            source: at(path),
          },
        ];
      }
      if (req.when !== undefined && title === undefined) {
        return [
          {
            kind: "when" as const,
            when: req.when,
            message: need(req.message as string | undefined, "message", path) ?? "",
            source: at(path),
          },
        ];
      }
      issues.push(error("rule.requirement_kind", place(path), {}));
      return [];
    },
  );

  const scale = (raw.scale as Json | undefined) ?? {};
  const validity = mergeSettings<Validity>(settings?.validity, raw.validity as Json | undefined);
  if (!validity?.years || !validity.renewal) {
    issues.push(error("rule.no_validity", place([]), { id, level: level ?? "-" }));
  }
  const panel = mergeSettings<PanelSettings>(
    { ...DEFAULT_PANEL, ...settings?.panel },
    raw.panel as Json | undefined,
  ) as PanelSettings;

  const merged: RuleSet = {
    id,
    title: need(raw.title as string | undefined, "title") ?? id,
    level: level ?? "county",
    appliesTo: need(raw.appliesTo as UnitType[] | undefined, "appliesTo") ?? [],
    version: String(need(raw.version as string | undefined, "version") ?? ""),
    ...(raw.effective !== undefined && { effective: raw.effective as string }),
    ...(raw.source !== undefined && { source: raw.source as RuleSet["source"] }),
    scale: {
      base: need(scale.base as number | undefined, "base", ["scale"]) ?? 100,
      bonus: (scale.bonus as number | undefined) ?? 0,
    },
    fields,
    lists,
    computed,
    categories,
    bonus,
    vetoes,
    award: {
      threshold: need(award.threshold as number | undefined, "threshold", ["award"]) ?? 0,
      nearMiss: (award.nearMiss as number | undefined) ?? 0,
      requires,
    },
    missing: (raw.missing as "block" | "zero" | undefined) ?? "block",
    panel,
    validity: validity ?? { years: 0, renewal: "zero_base" },
    file,
    hash: hashRuleSet({ ...raw, panel, validity }),
  };
  return { ruleSet: merged, issues };
}

function normalizeFields(
  raw: Json | undefined,
  path: SourcePath,
  at: (path: SourcePath) => SourceRef,
  need: <T>(value: T | undefined, key: string, path?: SourcePath) => T | undefined,
): Record<string, FieldSpec> {
  const fields: Record<string, FieldSpec> = {};
  for (const [name, value] of Object.entries(raw ?? {})) {
    const spec = value as Json;
    const fieldPath = [...path, name];
    fields[name] = {
      label: need(spec.label as string | undefined, "label", fieldPath) ?? name,
      type: need(spec.type as FieldSpec["type"] | undefined, "type", fieldPath) ?? "string",
      ...(spec.hint !== undefined && { hint: spec.hint as string }),
      ...(spec.min !== undefined && { min: spec.min as number }),
      ...(spec.max !== undefined && { max: spec.max as number }),
      ...(spec.required === true && { required: true }),
      ...(spec.values !== undefined && { values: spec.values as string[] }),
      ...(spec.assumption === true && { assumption: true }),
      source: at(fieldPath),
    };
  }
  return fields;
}

function toScoring(
  item: Json,
  kind: Scoring["kind"],
  path: SourcePath,
  need: <T>(value: T | undefined, key: string, path?: SourcePath) => T | undefined,
): Scoring {
  const spec = item[kind] as Json | undefined;
  switch (kind) {
    case "judged":
      return {
        kind,
        step: (spec?.step as number | undefined) ?? 0.5,
        ...(spec?.rubric !== undefined && {
          rubric: spec.rubric as { label: string; points: number }[],
        }),
      };
    case "checklist": {
      const items = (Array.isArray(spec) ? spec : (spec?.items as Json[] | undefined)) ?? [];
      return {
        kind,
        items: items.map((entry: Json, i: number) => ({
          id: String(entry.id),
          label:
            need(entry.label as string | undefined, "label", [...path, kind, i]) ??
            String(entry.id),
          points: need(entry.points as number | undefined, "points", [...path, kind, i]) ?? 0,
          ...(entry.when !== undefined && { when: entry.when }),
          ...(entry.field !== undefined && { field: entry.field as string }),
        })),
      };
    }
    case "count":
      return { kind, value: spec?.value, each: (spec?.each as number | undefined) ?? 0 };
    case "bands":
      return {
        kind,
        value: spec?.value,
        steps: ((spec?.steps as Json[] | undefined) ?? []).map((step) => ({
          min: step.min as number,
          points: step.points as number,
        })),
      };
    case "linear":
      return {
        kind,
        value: spec?.value,
        zeroAt: spec?.zeroAt as number,
        fullAt: spec?.fullAt as number,
      };
    case "deduct":
      return {
        kind,
        items: ((spec?.items as Json[] | undefined) ?? []).map((entry) => ({
          label: entry.label as string,
          each: entry.each as number,
          count: entry.count,
        })),
      };
    case "points":
      return { kind, value: item.points };
  }
}

function mergeSettings<T>(base: Partial<T> | undefined, own: Json | undefined): T | undefined {
  if (base === undefined && own === undefined) {
    return undefined;
  }
  const merged = { ...base, ...own } as Json;
  delete merged.assumption;
  return merged as T;
}

/** SHA-256 over the canonical JSON of the merged rule set: what it scores with, not where it stood. */
export function hashRuleSet(value: unknown): string {
  return sha256Hex(canonicalJson(value));
}
