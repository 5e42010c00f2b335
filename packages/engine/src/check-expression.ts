import type { Expression, Locator, SourcePath, SourceRef } from "./rule-set.ts";
import type { Issue, MessageParams } from "./issue.ts";
import type { MessageCode } from "./messages.ts";
import { error } from "./issue.ts";
import { OPERATION_NAMES, isForbiddenName, isOperationName, varPathName } from "./operations.ts";

export interface ExpressionScope {
  /** what the top level is called in messages, e.g. "候选单位数据" */
  readonly label: string;
  /** names readable at the top level: fields, computed values, "$on" (lists are in `lists`) */
  readonly names: ReadonlySet<string>;
  /** lists by id: their rows' field ids, and their Chinese label for messages */
  readonly lists: ReadonlyMap<
    string,
    { readonly label: string; readonly fields: ReadonlySet<string> }
  >;
}

export interface ExpressionCheck {
  readonly issues: readonly Issue[];
  /** top-level names the expression reads (fields, lists, computed values, "$on"), for dependency order and missing data */
  readonly reads: ReadonlySet<string>;
}

/** What the rows of an iterated value are: a list's rows with their fields, or unknown. */
interface Rows {
  readonly label: string;
  /** undefined when the rows' shape is unknown: then only the whole row, `{"var": ""}`, may be read */
  readonly fields: ReadonlySet<string> | undefined;
}

/** Where a `var` reads from: the candidate, one row of an iteration, or `reduce`'s step. */
type Context =
  | { readonly kind: "top" }
  | { readonly kind: "row"; readonly rows: Rows }
  | { readonly kind: "reduce"; readonly rows: Rows };

interface Walk {
  readonly scope: ExpressionScope;
  readonly at: SourceRef;
  readonly locate: Locator;
  readonly issues: Issue[];
  readonly reads: Set<string>;
}

const UNKNOWN_ROWS_LABEL = "结构未知的行";
const REDUCE_LABEL = "reduce 的 current 和 accumulator";
const KNOWN = OPERATION_NAMES.join(", ");

// operations that evaluate their second argument once per row, with the row as data
const ROW_OPERATIONS: ReadonlySet<string> = new Set([
  "filter",
  "map",
  "all",
  "some",
  "none",
  "count",
  "sum",
]);

// a Map, like every lookup by a name from a rule file, so inherited names find nothing
const ARITY: ReadonlyMap<string, readonly [number, number]> = new Map([
  ["ratio", [2, 2]],
  ["years_since", [1, 1]],
  ["within_years", [2, 2]],
  ["count", [1, 2]],
  ["sum", [2, 2]],
  ["round", [1, 2]],
  ["filter", [2, 2]],
  ["map", [2, 2]],
  ["all", [2, 2]],
  ["some", [2, 2]],
  ["none", [2, 2]],
  ["reduce", [2, 3]],
  ["var", [1, 2]],
]);

function report(walk: Walk, code: MessageCode, path: SourcePath, params: MessageParams): void {
  const place = walk.locate({ file: walk.at.file, path: [...walk.at.path, ...path] });
  walk.issues.push(error(code, place, params));
}

function isPlainObject(value: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function isLiteralNonArray(value: unknown): boolean {
  return value === null || (typeof value !== "object" && typeof value !== "undefined");
}

// Iteration is checked strictly: a row's fields are known only when the iterated value is a list,
// `{"var": listId}` (with or without a default), or a `filter` over one. Over anything else (a
// `map` result, a literal array, a computed value) only the whole row, `{"var": ""}`, may be read.
// `reduce`'s step sees `current`, `accumulator`, `""`, and `current.<field>` over a list.

/** Checks one expression against what it may read, collecting every problem and the names it reads. */
export function checkExpression(
  expression: Expression,
  scope: ExpressionScope,
  at: SourceRef,
  locate: Locator,
): ExpressionCheck {
  const walk: Walk = { scope, at, locate, issues: [], reads: new Set() };
  visit(expression, [], { kind: "top" }, walk);
  return { issues: walk.issues, reads: walk.reads };
}

// returns the rows of the value when it is known to be a list, for the iterations around it
function visit(node: unknown, path: SourcePath, context: Context, walk: Walk): Rows | undefined {
  if (Array.isArray(node)) {
    node.forEach((element, index) => visit(element, [...path, index], context, walk));
    return undefined;
  }
  if (node === null || ["string", "number", "boolean"].includes(typeof node)) {
    return undefined;
  }
  if (typeof node !== "object") {
    report(walk, "expr.not_json", path, { found: `(${typeof node})` });
    return undefined;
  }
  if (!isPlainObject(node)) {
    // a Date or a Map from a loader that is not plain JSON: name what it is
    report(walk, "expr.not_json", path, { found: Object.prototype.toString.call(node) });
    return undefined;
  }
  const keys = Object.keys(node);
  const op = keys[0];
  if (keys.length !== 1 || op === undefined) {
    report(walk, "expr.not_an_expression", path, {
      keys: keys.length > 0 ? keys.join(", ") : "{}",
    });
    return undefined;
  }
  if (!isOperationName(op)) {
    // the arguments of an unknown operation are not checked: whether they see rows is unknown
    report(walk, "expr.unknown_operation", [...path, op], { op, known: KNOWN });
    return undefined;
  }
  const values: unknown = (node as Readonly<Record<string, unknown>>)[op];
  const args: readonly unknown[] = Array.isArray(values) ? values : [values];
  const argPath = (index: number): SourcePath =>
    Array.isArray(values) ? [...path, op, index] : [...path, op];

  const arity = ARITY.get(op);
  if (arity !== undefined && (args.length < arity[0] || args.length > arity[1])) {
    const [min, max] = arity;
    const expected = min === max ? `${min}` : `${min}–${max}`;
    report(walk, "expr.arity", [...path, op], { op, expected, found: args.length });
  }

  if (op === "var") {
    return visitVar(args, argPath, context, walk);
  }
  const digits = args[1];
  if (
    op === "round" &&
    (typeof digits === "number" || typeof digits === "string") &&
    !Number.isInteger(Number(digits))
  ) {
    report(walk, "expr.round_digits", argPath(1), { found: String(digits) });
  }
  if (ROW_OPERATIONS.has(op) || op === "reduce") {
    return visitIteration(op, args, argPath, context, walk);
  }
  args.forEach((arg, index) => visit(arg, argPath(index), context, walk));
  return undefined;
}

function visitIteration(
  op: string,
  args: readonly unknown[],
  argPath: (index: number) => SourcePath,
  context: Context,
  walk: Walk,
): Rows | undefined {
  if (args.length === 0) {
    return undefined;
  }
  const list = args[0];
  const rows = visit(list, argPath(0), context, walk);
  if (isLiteralNonArray(list)) {
    report(walk, "expr.list_expected", argPath(0), { op });
  }
  const rowsSeen: Rows = rows ?? { label: UNKNOWN_ROWS_LABEL, fields: undefined };
  if (args.length > 1) {
    const inner: Context =
      op === "reduce" ? { kind: "reduce", rows: rowsSeen } : { kind: "row", rows: rowsSeen };
    visit(args[1], argPath(1), inner, walk);
  }
  if (op === "reduce" && args.length > 2) {
    visit(args[2], argPath(2), context, walk);
  }
  return op === "filter" ? rows : undefined;
}

function visitVar(
  args: readonly unknown[],
  argPath: (index: number) => SourcePath,
  context: Context,
  walk: Walk,
): Rows | undefined {
  if (args.length > 1) {
    visit(args[1], argPath(1), context, walk);
  }
  if (args.length === 0) {
    // {"var": []} reads the whole data; the arity issue already says what is wrong
    return undefined;
  }
  const target = args[0];
  const name = varPathName(target);
  if (name === undefined) {
    report(walk, "expr.dynamic_var", argPath(0), {});
    visit(target, argPath(0), context, walk);
    return undefined;
  }
  const segments = name === "" ? [] : name.split(".");
  if (segments.some(isForbiddenName)) {
    report(walk, "expr.forbidden_name", argPath(0), { name });
    return undefined;
  }
  const found = resolve(name, segments, context, walk);
  if (!found.ok) {
    report(walk, "expr.unknown_var", argPath(0), { name, scope: found.label });
  }
  return found.rows;
}

interface Resolution {
  readonly ok: boolean;
  /** the label of the scope searched, for the message when not ok */
  readonly label: string;
  readonly rows?: Rows;
}

function resolve(
  name: string,
  segments: readonly string[],
  context: Context,
  walk: Walk,
): Resolution {
  const [first, second] = segments;
  if (context.kind === "top") {
    const label = walk.scope.label;
    // fields are flat: a dotted path, or the whole candidate (""), is no field
    if (first === undefined || segments.length !== 1) {
      return { ok: false, label };
    }
    const list = walk.scope.lists.get(first);
    if (list !== undefined) {
      walk.reads.add(first);
      return { ok: true, label, rows: { label: list.label, fields: list.fields } };
    }
    if (walk.scope.names.has(first)) {
      walk.reads.add(first);
      return { ok: true, label };
    }
    return { ok: false, label };
  }
  const rows = context.rows;
  if (name === "") {
    return { ok: true, label: rows.label };
  }
  if (context.kind === "row") {
    const ok = segments.length === 1 && rows.fields !== undefined && rows.fields.has(name);
    return { ok, label: rows.label };
  }
  if (segments.length === 1 && (first === "current" || first === "accumulator")) {
    return { ok: true, label: REDUCE_LABEL };
  }
  if (first === "current" && rows.fields !== undefined) {
    const ok = segments.length === 2 && second !== undefined && rows.fields.has(second);
    return { ok, label: rows.label };
  }
  return { ok: false, label: REDUCE_LABEL };
}
