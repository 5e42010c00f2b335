import { canonicalJson } from "./canonical-json.ts";
import type { RuleLibrary } from "./load-rule-library.ts";
import type { Indicator, RuleSet } from "./rule-set.ts";

/** What kind of part of a table changed. */
export type RuleChangeKind =
  "table" | "category" | "indicator" | "bonus" | "veto" | "field" | "award" | "scale" | "settings";

/** One difference between two versions of the rules. */
export interface RuleChange {
  readonly ruleset: string;
  readonly kind: RuleChangeKind;
  readonly id: string;
  readonly change: "added" | "removed" | "changed";
  /** the keys that differ, for a changed item: `max`, `scoring`, `threshold` … */
  readonly keys: readonly string[];
  readonly before?: unknown;
  readonly after?: unknown;
}

// what a person compares: the content of an item, without where it was written
function content(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(content);
  }
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => key !== "source" && key !== "indicators")
        .map(([key, inner]) => [key, content(inner)]),
    );
  }
  return value;
}

function changedKeys(before: unknown, after: unknown): string[] {
  const a = content(before) as Record<string, unknown>;
  const b = content(after) as Record<string, unknown>;
  return [...new Set([...Object.keys(a), ...Object.keys(b)])]
    .filter((key) => canonicalJson(a[key]) !== canonicalJson(b[key]))
    .sort();
}

function compareById<T extends { id: string }>(
  ruleset: string,
  kind: RuleChangeKind,
  before: readonly T[],
  after: readonly T[],
  changes: RuleChange[],
  pick: (item: T) => unknown = (item) => item,
): void {
  const old = new Map(before.map((item) => [item.id, item]));
  const next = new Map(after.map((item) => [item.id, item]));
  for (const [id, item] of old) {
    const other = next.get(id);
    if (!other) {
      changes.push({ ruleset, kind, id, change: "removed", keys: [], before: content(pick(item)) });
      continue;
    }
    const keys = changedKeys(pick(item), pick(other));
    if (keys.length > 0) {
      changes.push({
        ruleset,
        kind,
        id,
        change: "changed",
        keys,
        before: content(pick(item)),
        after: content(pick(other)),
      });
    }
  }
  for (const [id, item] of next) {
    if (!old.has(id)) {
      changes.push({ ruleset, kind, id, change: "added", keys: [], after: content(pick(item)) });
    }
  }
}

function compareTables(before: RuleSet, after: RuleSet, changes: RuleChange[]): void {
  const id = after.id;
  const indicators = (set: RuleSet): Indicator[] => set.categories.flatMap((cat) => cat.indicators);
  compareById(id, "category", before.categories, after.categories, changes);
  compareById(id, "indicator", indicators(before), indicators(after), changes);
  compareById(id, "bonus", before.bonus, after.bonus, changes);
  compareById(id, "veto", before.vetoes, after.vetoes, changes);
  const fields = (set: RuleSet) =>
    Object.entries(set.fields).map(([name, spec]) => ({ ...spec, id: name }));
  compareById(id, "field", fields(before), fields(after), changes);
  const settings = (set: RuleSet) => ({
    missing: set.missing,
    panel: set.panel,
    validity: set.validity,
    appliesTo: set.appliesTo,
  });
  const parts: [RuleChangeKind, (set: RuleSet) => unknown][] = [
    ["award", (set) => set.award],
    ["scale", (set) => set.scale],
    ["settings", settings],
  ];
  for (const [kind, pick] of parts) {
    const keys = changedKeys(pick(before), pick(after));
    if (keys.length > 0) {
      changes.push({
        ruleset: id,
        kind,
        id: kind,
        change: "changed",
        keys,
        before: content(pick(before)),
        after: content(pick(after)),
      });
    }
  }
}

/** What differs between two versions of a rule library: tables, and what is in each. */
export function diffRuleSets(before: RuleLibrary, after: RuleLibrary): RuleChange[] {
  const changes: RuleChange[] = [];
  for (const [id, compiled] of before.ruleSets) {
    const other = after.ruleSets.get(id);
    if (!other) {
      changes.push({ ruleset: id, kind: "table", id, change: "removed", keys: [] });
    } else if (compiled.ruleSet.hash !== other.ruleSet.hash) {
      compareTables(compiled.ruleSet, other.ruleSet, changes);
    }
  }
  for (const id of after.ruleSets.keys()) {
    if (!before.ruleSets.has(id)) {
      changes.push({ ruleset: id, kind: "table", id, change: "added", keys: [] });
    }
  }
  return changes;
}
