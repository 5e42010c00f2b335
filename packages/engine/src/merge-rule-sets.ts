import { error } from "./issue.ts";
import type { Issue } from "./issue.ts";
import type { Locator, SourcePath, SourceRef } from "./rule-set.ts";
import { SCORING_KINDS } from "./rule-set.ts";

type Json = Record<string, unknown>;

/** How a key's value combines when a child rule set overrides its parent. */
type Strategy =
  | { readonly kind: "replace" }
  | { readonly kind: "shallow"; readonly nested: Readonly<Record<string, Strategy>> }
  | { readonly kind: "listById"; readonly item: Strategy }
  | { readonly kind: "map"; readonly item: Strategy };

const replace: Strategy = { kind: "replace" };
const shallow = (nested: Record<string, Strategy> = {}): Strategy => ({ kind: "shallow", nested });
const listById = (item: Strategy): Strategy => ({ kind: "listById", item });
const map = (item: Strategy): Strategy => ({ kind: "map", item });

// what the spec merges by id; everything else a child writes replaces the parent's value
const RULE_SET = shallow({
  categories: listById(shallow({ indicators: listById(shallow()) })),
  bonus: listById(shallow()),
  vetoes: listById(shallow()),
  fields: map(shallow()),
  lists: map(shallow({ fields: map(shallow()) })),
  computed: map(replace),
  award: shallow(),
  scale: shallow(),
  panel: shallow(),
  validity: shallow(),
  source: shallow(),
});

// where each key of a merged object came from; subtrees without an entry are one file's own text
const origins = new WeakMap<object, Map<string | number, SourceRef>>();

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Marks every object of a file's rule set with where its keys stand, so merges keep positions. */
export function annotateRuleSet(value: Json, file: string): Json {
  annotate(value, RULE_SET, { file, path: [] });
  return value;
}

function annotate(value: unknown, strategy: Strategy, ref: SourceRef): void {
  if (strategy.kind === "replace") {
    return;
  }
  if (strategy.kind === "listById" && Array.isArray(value)) {
    const refs = new Map<string | number, SourceRef>();
    value.forEach((item, index) => {
      const itemRef = { file: ref.file, path: [...ref.path, index] };
      refs.set(index, itemRef);
      annotate(item, strategy.item, itemRef);
    });
    origins.set(value, refs);
    return;
  }
  if (!isObject(value)) {
    return;
  }
  const refs = new Map<string | number, SourceRef>();
  for (const key of Object.keys(value)) {
    const keyRef = { file: ref.file, path: [...ref.path, key] };
    refs.set(key, keyRef);
    const nested = strategy.kind === "shallow" ? strategy.nested[key] : strategy.item;
    if (nested) {
      annotate(value[key], nested, keyRef);
    }
  }
  origins.set(value, refs);
}

/** Where the value at a path of a (possibly merged) rule set was written. */
export function sourceOf(root: Json, path: SourcePath, file: string): SourceRef {
  let base: SourceRef = { file, path: [] };
  let rest = 0;
  let value: unknown = root;
  path.forEach((key, index) => {
    const refs = value !== null && typeof value === "object" ? origins.get(value) : undefined;
    const ref = refs?.get(key);
    if (ref) {
      base = ref;
      rest = index + 1;
    }
    value =
      value !== null && typeof value === "object"
        ? (value as Record<string, unknown>)[key]
        : undefined;
  });
  return { file: base.file, path: [...base.path, ...path.slice(rest)] };
}

/**
 * Applies a child rule set over its parent: lists by id, maps by key, the rest replaced; an
 * item given a scoring key loses the parent's. Problems (removing what is not there) are issues.
 */
export function mergeRuleSets(
  parent: Json,
  child: Json,
  locate: Locator,
): { value: Json; issues: Issue[] } {
  const issues: Issue[] = [];
  const value = mergeValue(parent, child, RULE_SET, locate, issues) as Json;
  return { value, issues };
}

function mergeValue(
  parent: unknown,
  child: unknown,
  strategy: Strategy,
  locate: Locator,
  issues: Issue[],
): unknown {
  if (strategy.kind === "replace" || child === undefined) {
    return child === undefined ? parent : child;
  }
  if (strategy.kind === "listById") {
    return mergeList(parent, child, strategy.item, locate, issues);
  }
  if (!isObject(parent) || !isObject(child)) {
    return child;
  }
  return strategy.kind === "map"
    ? mergeMap(parent, child, strategy.item, locate, issues)
    : mergeObject(parent, child, strategy, locate, issues);
}

function mergeObject(
  parent: Json,
  child: Json,
  strategy: Extract<Strategy, { kind: "shallow" }>,
  locate: Locator,
  issues: Issue[],
): Json {
  const givesScoring = SCORING_KINDS.some((kind) => kind in child);
  const merged: Json = {};
  const refs = new Map<string | number, SourceRef>();
  const parentRefs = origins.get(parent);
  const childRefs = origins.get(child);
  for (const key of Object.keys(parent)) {
    if (givesScoring && (SCORING_KINDS as readonly string[]).includes(key)) {
      continue;
    }
    merged[key] = parent[key];
    const ref = parentRefs?.get(key);
    if (ref) {
      refs.set(key, ref);
    }
  }
  for (const key of Object.keys(child)) {
    const nested = strategy.nested[key];
    merged[key] = nested ? mergeValue(merged[key], child[key], nested, locate, issues) : child[key];
    const ref = childRefs?.get(key);
    if (ref) {
      refs.set(key, ref);
    }
  }
  origins.set(merged, refs);
  return merged;
}

function mergeMap(
  parent: Json,
  child: Json,
  item: Strategy,
  locate: Locator,
  issues: Issue[],
): Json {
  const merged: Json = {};
  const refs = new Map<string | number, SourceRef>(origins.get(parent) ?? []);
  const childRefs = origins.get(child);
  for (const key of Object.keys(parent)) {
    merged[key] = parent[key];
  }
  for (const key of Object.keys(child)) {
    const value = child[key];
    const ref = childRefs?.get(key);
    if (isObject(value) && value.remove === true) {
      if (!(key in merged)) {
        issues.push(error("rule.remove_unknown", locateOr(ref, locate), { id: key }));
      }
      delete merged[key];
      refs.delete(key);
      continue;
    }
    merged[key] = key in merged ? mergeValue(merged[key], value, item, locate, issues) : value;
    if (ref) {
      refs.set(key, ref);
    }
  }
  origins.set(merged, refs);
  return merged;
}

function mergeList(
  parent: unknown,
  child: unknown,
  item: Strategy,
  locate: Locator,
  issues: Issue[],
): unknown {
  if (!Array.isArray(parent) || !Array.isArray(child)) {
    return child;
  }
  const merged: unknown[] = [...(parent as unknown[])];
  const parentRefs = origins.get(parent);
  const mergedRefs: (SourceRef | undefined)[] = parent.map((_, index) => parentRefs?.get(index));
  const childRefs = origins.get(child);
  child.forEach((entry: unknown, index) => {
    const ref = childRefs?.get(index);
    const id = isObject(entry) ? entry.id : undefined;
    const at = merged.findIndex((existing) => isObject(existing) && existing.id === id);
    if (isObject(entry) && entry.remove === true) {
      if (at < 0) {
        issues.push(error("rule.remove_unknown", locateOr(ref, locate), { id: String(id) }));
      } else {
        merged.splice(at, 1);
        mergedRefs.splice(at, 1);
      }
      return;
    }
    if (at >= 0) {
      merged[at] = mergeValue(merged[at], entry, item, locate, issues);
      mergedRefs[at] = ref;
    } else {
      merged.push(entry);
      mergedRefs.push(ref);
    }
  });
  const refs = new Map<string | number, SourceRef>();
  mergedRefs.forEach((ref, index) => {
    if (ref) {
      refs.set(index, ref);
    }
  });
  origins.set(merged, refs);
  return merged;
}

function locateOr(ref: SourceRef | undefined, locate: Locator) {
  return ref ? locate(ref) : { file: "" };
}
