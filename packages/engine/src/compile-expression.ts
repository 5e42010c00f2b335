import { dateKey, firstDayWithinYears } from "./dates.ts";
import type { Expression, FieldSpec, FieldType, ListSpec } from "./rule-set.ts";
import {
  inOperation,
  isForbiddenName,
  isOperationName,
  ratio,
  roundHalfAwayFromZero,
  substr,
  toNumber,
  toText,
  truthy,
  withinYears,
  varPathName,
  yearsSince,
} from "./operations.ts";

/** An expression compiled to a function of the candidate's data and the assessment date (ISO). */
export type CompiledExpression = (data: Readonly<Record<string, unknown>>, on: string) => unknown;

/** What is known about a generated value before it runs, to skip conversions it does not need. */
export type Kind = "number" | "string" | "boolean" | "null" | "array" | "other";

interface Code {
  readonly code: string;
  readonly kind: Kind;
  /** false when the value may be undefined: `{"and": []}`, a row of an unknown array */
  readonly defined: boolean;
  /** evaluating it cannot throw, so an ignored argument that is pure may be left out */
  readonly pure: boolean;
  /** a primitive literal's value, when the code is one: it may be repeated or folded */
  readonly literal?: { readonly value: string | number | boolean | null };
}

/** What a generated function's data is: the candidate, one row, or `reduce`'s step. */
type Frame = "top" | "row" | "reduce";

/** The rows of a list in a table's scorer: objects made by the list's row factory. */
interface KnownRows {
  readonly fields: ReadonlyMap<string, FieldSpec>;
}

interface FunctionState {
  readonly frame: Frame;
  temps: number;
  /** only in a table's scorer, over a list */
  readonly rows?: KnownRows;
}

interface ModuleState {
  readonly functions: string[];
  count: number;
  /** only when generating a table's scorer */
  readonly table?: TableState;
}

/**
 * What a table's scorer knows when it runs (compile-scorer.ts): the candidate's data `d` comes
 * from the table's data factory and holds, in every field an expression reads, a value of the
 * field's type (a date is valid YYYY-MM-DD text); every list is an array of rows from the list's
 * row factory, whose required fields hold values; computed values are locals.
 */
export interface TableScope {
  readonly fields: ReadonlyMap<string, FieldSpec>;
  readonly lists: ReadonlyMap<string, ListSpec>;
  /** computed value name → the local holding it (a name the scorer chose, never from the rule) */
  readonly computed: ReadonlyMap<string, string>;
}

interface TableState {
  readonly scope: TableScope;
  /** Number(years) of a literal `within_years` → the module variable holding its first day, as text */
  readonly cutoffs: Map<string, { readonly name: string; readonly years: number }>;
  /** list → the iterations over it that run in one pass before anything else: see passOver */
  readonly passes: Map<string, ListPass>;
  /** how many accumulators the passes have */
  accumulators: number;
  /** the most temporaries one pass's row uses */
  passTemps: number;
}

/** One pass over a list's rows, computing several iterations' results at once. */
interface ListPass {
  /** accumulator initialisations, before the first row (`rows` is the list) */
  readonly starts: string[];
  /** per row `r`: one statement per iteration */
  readonly steps: string[];
}

function emptyProduct(): never {
  // json-logic-js's "*" is a reduce without an initial value, which throws on no arguments
  throw new TypeError('"*" needs at least one argument');
}

// what generated code may call; nothing else reaches it
const HELPERS = {
  $isArray: Array.isArray,
  $truthy: truthy,
  $num: toNumber,
  $text: toText,
  $in: inOperation,
  $substr: substr,
  $min: Math.min,
  $max: Math.max,
  $ratio: ratio,
  $yearsSince: yearsSince,
  $withinYears: withinYears,
  $round: roundHalfAwayFromZero,
  $emptyProduct: emptyProduct,
  $firstWithinText: firstDayWithinYearsText,
};

/** What generated code may call, by name: a table's scorer adds its own to these. */
export const EXPRESSION_HELPERS: Readonly<Record<string, unknown>> = HELPERS;

// the first day within `years` of `on` as ISO text, which orders valid dates as they fall: ""
// when every day up to `on` is, "~" (above any digit) when none is
function firstDayWithinYearsText(on: string, years: number): string {
  const first = firstDayWithinYears(dateKey(on), years);
  if (!Number.isFinite(first)) {
    return first < 0 ? "" : "~";
  }
  const digits = String(first).padStart(8, "0");
  return `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6)}`;
}

const FIELD_KINDS: Readonly<Record<FieldType, Kind>> = {
  integer: "number",
  number: "number",
  ratio: "number",
  boolean: "boolean",
  string: "string",
  date: "string",
  enum: "string",
};

const UNDEFINED: Code = { code: "(void 0)", kind: "other", defined: false, pure: true };
const NULL: Code = {
  code: "null",
  kind: "null",
  defined: true,
  pure: true,
  literal: { value: null },
};

/** Compiles one checked expression to a JavaScript function. */
export function compileExpression(expression: Expression): CompiledExpression {
  const [compiled] = compileExpressions([expression]);
  if (compiled === undefined) {
    throw new Error("compiling one expression gave no function");
  }
  return compiled;
}

/** Compiles a rule set's checked expressions in one generated module, so V8 optimises them together. */
export function compileExpressions(expressions: readonly Expression[]): CompiledExpression[] {
  // anything checkExpression would have refused throws a plain Error here too
  const module: ModuleState = { functions: [], count: 0 };
  const entries = expressions.map((expression, index) => {
    const state: FunctionState = { frame: "top", temps: 0 };
    const result = generate(expression, state, module);
    const name = `$e${index}`;
    module.functions.push(`function ${name}(d, on) {${declare(state)} return ${result.code}; }`);
    return name;
  });
  const source = `"use strict";\n${module.functions.join("\n")}\nreturn [${entries.join(", ")}];`;
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- generating code is the point: only checked names and JSON.stringify'd literals reach the source
  const build = new Function(...Object.keys(HELPERS), source) as (...helpers: unknown[]) => unknown;
  const built = build(...Object.values(HELPERS));
  if (!Array.isArray(built) || built.length !== expressions.length) {
    throw new Error("the generated module did not return one function per expression");
  }
  return built as CompiledExpression[];
}

/** A generated value as a table's scorer uses it: its code and what is known of it. */
export interface GeneratedValue {
  readonly code: string;
  readonly kind: Kind;
  /** false when it may be undefined */
  readonly defined: boolean;
}

/** A table's expressions generated into one function's body, for compile-scorer.ts. */
export interface TableCode {
  /** an expression as code for the scorer's body, which has `d`, `on` and the locals */
  expression(expression: Expression): GeneratedValue;
  /** `let t0, t1, …;` for the temporaries the expressions use, to open the scorer's body */
  declarations(): string;
  /** the functions and module variables the expressions call, to place before the scorer */
  moduleSource(): string;
  /** a statement to open the scorer's body with: the cutoffs of `within_years` for the date `on` */
  openOn(): string;
  /** the passes over lists, to run after openOn and before any expression */
  passes(): string[];
}

/** Starts generating a table's expressions against what its scorer knows (see TableScope). */
export function generateTableCode(scope: TableScope): TableCode {
  const table: TableState = {
    scope,
    cutoffs: new Map(),
    passes: new Map(),
    accumulators: 0,
    passTemps: 0,
  };
  const module: ModuleState = { functions: [], count: 0, table };
  // temporaries never outlive one expression, so the expressions share them
  const state: FunctionState = { frame: "top", temps: 0 };
  let temps = 0;
  return {
    expression(expression) {
      state.temps = 0;
      const { code, kind, defined } = generate(expression, state, module);
      temps = Math.max(temps, state.temps);
      return { code, kind, defined };
    },
    declarations() {
      const accumulators = Array.from({ length: table.accumulators }, (_, index) => `u${index}`);
      const lets = accumulators.length > 0 ? ` let ${accumulators.join(", ")};` : "";
      return `${declare({ frame: "top", temps: Math.max(temps, table.passTemps) })}${lets}`;
    },
    passes() {
      return [...table.passes].map(
        ([list, { starts, steps }]) =>
          `{ const rows = d[${JSON.stringify(list)}]; ${starts.join(" ")} for (let i = 0; i < rows.length; i++) { const r = rows[i]; ${steps.join(" ")} } }`,
      );
    },
    moduleSource() {
      const cutoffs = [...(module.table?.cutoffs.values() ?? [])];
      const names = cutoffs.map(({ name }) => `, ${name} = ""`).join("");
      const assign = cutoffs
        .map(({ name, years }) => ` ${name} = $firstWithinText(on, ${numberLiteral(years)});`)
        .join("");
      return [
        `let $onText = null${names};`,
        `function $setOn(on) { $onText = on;${assign} }`,
        ...module.functions,
      ].join("\n");
    },
    openOn: () => "if (on !== $onText) { $setOn(on); }",
  };
}

function declare(state: FunctionState): string {
  if (state.temps === 0) {
    return "";
  }
  return ` let ${Array.from({ length: state.temps }, (_, index) => `t${index}`).join(", ")};`;
}

function temp(state: FunctionState): string {
  const name = `t${state.temps}`;
  state.temps += 1;
  return name;
}

function numberLiteral(value: number): string {
  if (Number.isNaN(value)) {
    return "(0 / 0)";
  }
  if (!Number.isFinite(value)) {
    return value > 0 ? "(1 / 0)" : "(-1 / 0)";
  }
  if (Object.is(value, -0)) {
    return "(-0)";
  }
  // String() of a finite number is a plain numeric token such as 12, 0.5 or 1e+21
  return value < 0 ? `(${String(value)})` : String(value);
}

function literal(value: unknown): Code {
  if (value === null) {
    return NULL;
  }
  if (typeof value === "boolean") {
    const code = value ? "true" : "false";
    return { code, kind: "boolean", defined: true, pure: true, literal: { value } };
  }
  if (typeof value === "number") {
    return {
      code: numberLiteral(value),
      kind: "number",
      defined: true,
      pure: true,
      literal: { value },
    };
  }
  if (typeof value === "string") {
    // JSON.stringify gives a valid JavaScript string literal for any string, so text cannot escape it
    return {
      code: JSON.stringify(value),
      kind: "string",
      defined: true,
      pure: true,
      literal: { value },
    };
  }
  throw new Error(`cannot compile a ${typeof value} value`);
}

function computed(code: string, kind: Kind, defined = true): Code {
  return { code, kind, defined, pure: false };
}

function join(kinds: readonly Kind[]): Kind {
  const [first] = kinds;
  return first !== undefined && kinds.every((kind) => kind === first) ? first : "other";
}

/** A JavaScript expression whose truth is the value's JSON Logic truthiness. */
function condition(value: Code): string {
  switch (value.kind) {
    case "boolean":
    case "number":
    case "string":
    case "null":
      return value.code;
    case "array":
      return `((${value.code}).length !== 0)`;
    case "other":
      return `$truthy(${value.code})`;
  }
}

/** A boolean expression: the value's JSON Logic truthiness (for a table's scorer). */
export function truthOf(value: GeneratedValue): string {
  return truthValue({ ...value, pure: false });
}

function truthValue(value: Code): string {
  return value.kind === "array" || value.kind === "other" || value.kind === "boolean"
    ? condition(value)
    : `(!!${value.code})`;
}

/** json-logic-js's parseFloat of an operand of "+" or "sum"; there a -0 is absorbed anyway. */
function addend(value: Code): string {
  if (value.literal !== undefined) {
    const { value: raw } = value.literal;
    return numberLiteral(typeof raw === "number" ? raw : parseFloat(String(raw)));
  }
  return value.kind === "number" ? value.code : `$num(${value.code})`;
}

/** json-logic-js's parseFloat of a factor of "*", where a -0 would show. */
function factor(value: Code): string {
  if (value.literal !== undefined) {
    const { value: raw } = value.literal;
    return numberLiteral((typeof raw === "number" ? raw : parseFloat(String(raw))) + 0);
  }
  return value.kind === "number" ? `(${value.code} + 0)` : `$num(${value.code})`;
}

// json-logic-js evaluates every argument before it calls an operation, even those it ignores,
// so one that may throw must still run
function withIgnored(result: Code, ignored: readonly Code[]): Code {
  const impure = ignored.filter((value) => !value.pure);
  if (impure.length === 0) {
    return result;
  }
  const code = `(${impure.map((value) => value.code).join(", ")}, ${result.code})`;
  return { ...result, code, pure: false };
}

function generate(node: unknown, state: FunctionState, module: ModuleState): Code {
  if (Array.isArray(node)) {
    const elements = node.map((element) => generate(element, state, module).code);
    return computed(`[${elements.join(", ")}]`, "array");
  }
  if (node === null || typeof node !== "object") {
    return literal(node);
  }
  const prototype: unknown = Object.getPrototypeOf(node);
  const keys = Object.keys(node);
  const [op] = keys;
  if (
    (prototype !== Object.prototype && prototype !== null) ||
    keys.length !== 1 ||
    op === undefined
  ) {
    throw new Error("cannot compile an object that is not one operation");
  }
  if (!isOperationName(op)) {
    throw new Error(`cannot compile the unknown operation ${JSON.stringify(op)}`);
  }
  const values: unknown = (node as Readonly<Record<string, unknown>>)[op];
  const args: readonly unknown[] = Array.isArray(values) ? values : [values];
  const arg = (index: number): Code =>
    index < args.length ? generate(args[index], state, module) : UNDEFINED;
  const rest = (from: number): Code[] =>
    args.slice(from).map((value) => generate(value, state, module));

  switch (op) {
    case "==":
    case "===":
    case "!=":
    case "!==":
    case ">":
    case ">=":
      return withIgnored(compare(op, arg(0), arg(1)), rest(2));
    case "<":
    case "<=":
      return withIgnored(between(op, args.length, arg(0), arg(1), arg(2), state), rest(3));
    case "!!":
      return withIgnored(computed(truthValue(arg(0)), "boolean"), rest(1));
    case "!":
      return withIgnored(computed(`(!${condition(arg(0))})`, "boolean"), rest(1));
    case "%":
      return withIgnored(computed(`(${arg(0).code} % ${arg(1).code})`, "number"), rest(2));
    case "/":
      return withIgnored(computed(`(${arg(0).code} / ${arg(1).code})`, "number"), rest(2));
    case "-":
      return withIgnored(minus(args.length, arg(0), arg(1), state), rest(2));
    case "+":
      return plus(rest(0));
    case "*":
      return times(rest(0));
    case "min":
      return computed(`$min(${codes(rest(0))})`, "number");
    case "max":
      return computed(`$max(${codes(rest(0))})`, "number");
    case "merge":
      return computed(`[].concat(${codes(rest(0))})`, "array");
    case "cat":
      return cat(rest(0));
    case "substr":
      return withIgnored(
        computed(`$substr(${arg(0).code}, ${arg(1).code}, ${arg(2).code})`, "string"),
        rest(3),
      );
    case "in":
      return withIgnored(inList(arg(0), args[1], state) ?? inAny(arg(0), arg(1)), rest(2));
    case "var":
      return withIgnored(variable(args, state, module), rest(2));
    case "if":
    case "?:":
      return choose(rest(0));
    case "and":
    case "or":
      return andOr(op, rest(0), state);
    case "filter":
    case "map":
    case "all":
    case "some":
    case "none":
    case "count":
    case "sum":
    case "reduce":
      return iterate(op, args, state, module);
    case "ratio":
      return withIgnored(quotient(arg(0), arg(1), state), rest(2));
    case "years_since":
      return withIgnored(computed(`$yearsSince(${arg(0).code}, on)`, "other"), rest(1));
    case "within_years": {
      const text = dateTextOf(args[0], state, module);
      const within =
        text === undefined
          ? computed(`$withinYears(${arg(0).code}, ${arg(1).code}, on)`, "boolean")
          : withinText(text, arg(1), module);
      return withIgnored(within, rest(2));
    }
    case "round": {
      const all = rest(0);
      return withIgnored(computed(`$round(${codes(all.slice(0, 2))})`, "other"), all.slice(2));
    }
    default:
      throw new Error(`cannot compile the operation ${JSON.stringify(op)}`);
  }
}

function inAny(needle: Code, haystack: Code): Code {
  return computed(`$in(${needle.code}, ${haystack.code})`, "boolean");
}

// `in` a literal array of primitives is indexOf's strict equality with each: no array per call
function inList(needle: Code, haystack: unknown, state: FunctionState): Code | undefined {
  if (
    !Array.isArray(haystack) ||
    !haystack.every((item) => item === null || typeof item !== "object")
  ) {
    return undefined;
  }
  if (haystack.length === 0) {
    return withIgnored(computed("false", "boolean"), [needle]);
  }
  const name = needle.literal !== undefined ? needle.code : temp(state);
  const tests = haystack.map((item) => `${name} === ${literal(item).code}`).join(" || ");
  const code = name === needle.code ? `(${tests})` : `(${name} = ${needle.code}, ${tests})`;
  return computed(code, "boolean");
}

// ratio of two numbers needs none of $ratio's checks for null
function quotient(dividend: Code, divisor: Code, state: FunctionState): Code {
  if (dividend.kind !== "number" || divisor.kind !== "number" || !dividend.pure) {
    return computed(`$ratio(${dividend.code}, ${divisor.code})`, "other");
  }
  // a pure dividend reads the same after the divisor, so only the divisor needs a variable
  const by = temp(state);
  return computed(
    `(${by} = ${divisor.code}, ${by} === 0 ? null : ${dividend.code} / ${by})`,
    "other",
  );
}

/**
 * The code reading a date field in a table's scorer, whose text is a valid date or, for a blank
 * optional row field, undefined; else undefined.
 */
function dateTextOf(node: unknown, state: FunctionState, module: ModuleState): string | undefined {
  const scope = module.table?.scope;
  if (scope === undefined || node === null || typeof node !== "object" || Array.isArray(node)) {
    return undefined;
  }
  const keys = Object.keys(node);
  const target: unknown = (node as Readonly<Record<string, unknown>>).var;
  // only a plain read: with a default, a blank row field would give the default
  const name = Array.isArray(target) && target.length === 1 ? (target[0] as unknown) : target;
  if (keys.length !== 1 || keys[0] !== "var" || typeof name !== "string") {
    return undefined;
  }
  const field =
    state.frame === "top"
      ? scope.fields.get(name)
      : state.frame === "row"
        ? state.rows?.fields.get(name)
        : undefined;
  if (field?.type !== "date") {
    return undefined;
  }
  return state.frame === "top" ? `d[${JSON.stringify(name)}]` : `r[${JSON.stringify(name)}]`;
}

// a literal number of years compares the date's text with a cutoff kept per assessment date;
// undefined (a blank row date) is neither >= nor <= any text, so it is never within
function withinText(text: string, years: Code, module: ModuleState): Code {
  const cutoffs = module.table?.cutoffs;
  if (years.literal === undefined || cutoffs === undefined) {
    return computed(`$withinYears(${text}, ${years.code}, on)`, "boolean");
  }
  // Number() as withinYears applies it; one module variable per number of years
  const number = Number(years.literal.value);
  const id = String(number);
  let cutoff = cutoffs.get(id);
  if (cutoff === undefined) {
    cutoff = { name: `w${cutoffs.size}`, years: number };
    cutoffs.set(id, cutoff);
  }
  return computed(`(${text} >= ${cutoff.name} && ${text} <= on)`, "boolean");
}

function codes(values: readonly Code[]): string {
  return values.map((value) => value.code).join(", ");
}

// the operator text comes from this table, never from the rule
const COMPARISONS: ReadonlyMap<string, string> = new Map([
  ["==", "=="],
  ["===", "==="],
  ["!=", "!="],
  ["!==", "!=="],
  [">", ">"],
  [">=", ">="],
]);

function compare(op: string, left: Code, right: Code): Code {
  const operator = COMPARISONS.get(op);
  if (operator === undefined) {
    throw new Error(`cannot compile the comparison ${JSON.stringify(op)}`);
  }
  return computed(`(${left.code} ${operator} ${right.code})`, "boolean");
}

function between(
  op: string,
  count: number,
  low: Code,
  middle: Code,
  high: Code,
  state: FunctionState,
): Code {
  const operator = op === "<" ? "<" : "<=";
  if (count <= 2) {
    return computed(`(${low.code} ${operator} ${middle.code})`, "boolean");
  }
  // every operand is evaluated once, before the comparisons; a literal needs no variable
  const assignments: string[] = [];
  const [a, b, c] = [low, middle, high].map((value) => {
    if (value.literal !== undefined) {
      return value.code;
    }
    const name = temp(state);
    assignments.push(`${name} = ${value.code}, `);
    return name;
  });
  const both = `${a} ${operator} ${b} && ${b} ${operator} ${c}`;
  // json-logic-js compares two values when the third is undefined, e.g. {"and": []}
  const test = high.defined ? both : `${c} === undefined ? ${a} ${operator} ${b} : ${both}`;
  return computed(`(${assignments.join("")}${test})`, "boolean");
}

function minus(count: number, left: Code, right: Code, state: FunctionState): Code {
  if (count < 2) {
    return computed(`(-${left.code})`, "number");
  }
  if (right.defined) {
    return computed(`(${left.code} - ${right.code})`, "number");
  }
  const [a, b] = [temp(state), temp(state)];
  return computed(
    `(${a} = ${left.code}, ${b} = ${right.code}, ${b} === undefined ? -${a} : ${a} - ${b})`,
    "number",
  );
}

function plus(values: readonly Code[]): Code {
  if (values.length === 0) {
    return computed("0", "number");
  }
  return computed(`(0 + ${values.map(addend).join(" + ")})`, "number");
}

function times(values: readonly Code[]): Code {
  const [first, ...others] = values;
  if (first === undefined) {
    return computed("$emptyProduct()", "other");
  }
  if (others.length === 0) {
    // one factor is returned as it is, not parsed
    return first;
  }
  // each step parses the running product again, which turns a -0 into 0
  let code = factor(first);
  others.forEach((value, index) => {
    code = index === 0 ? `(${code} * ${factor(value)})` : `((${code} + 0) * ${factor(value)})`;
  });
  return computed(code, "number");
}

function cat(values: readonly Code[]): Code {
  const parts = values
    .filter((value) => !(value.kind === "null" && value.pure))
    .map((value) =>
      value.kind === "string" || value.kind === "number" || value.kind === "boolean"
        ? value.code
        : `$text(${value.code})`,
    );
  return computed(parts.length === 0 ? '""' : `("" + ${parts.join(" + ")})`, "string");
}

function choose(values: readonly Code[]): Code {
  const pairs = Math.floor(values.length / 2);
  let result = values.length % 2 === 1 ? (values[values.length - 1] ?? NULL) : NULL;
  for (let pair = pairs - 1; pair >= 0; pair -= 1) {
    const test = values[pair * 2];
    const then = values[pair * 2 + 1];
    if (test === undefined || then === undefined) {
      throw new Error("if: missing branch");
    }
    result = computed(
      `(${condition(test)} ? ${then.code} : ${result.code})`,
      join([then.kind, result.kind]),
      then.defined && result.defined,
    );
  }
  return result;
}

function andOr(op: "and" | "or", values: readonly Code[], state: FunctionState): Code {
  const last = values[values.length - 1];
  if (last === undefined) {
    // json-logic-js returns its loop variable, never assigned
    return UNDEFINED;
  }
  let result = last;
  for (let index = values.length - 2; index >= 0; index -= 1) {
    const value = values[index];
    if (value === undefined) {
      throw new Error(`${op}: missing operand`);
    }
    const kind = join([value.kind, result.kind]);
    const defined = value.defined && result.defined;
    if (value.kind === "boolean") {
      // a boolean that decides is itself false (and) or true (or): no variable needed
      const code =
        op === "and"
          ? `(${value.code} ? ${result.code} : false)`
          : `(${value.code} ? true : ${result.code})`;
      result = computed(code, kind, defined);
      continue;
    }
    const name = temp(state);
    const test = condition({ ...value, code: name });
    const code =
      op === "and"
        ? `(${name} = ${value.code}, ${test} ? ${result.code} : ${name})`
        : `(${name} = ${value.code}, ${test} ? ${name} : ${result.code})`;
    result = computed(code, kind, defined);
  }
  return result;
}

function variable(args: readonly unknown[], state: FunctionState, module: ModuleState): Code {
  const name = varPathName(args[0]);
  if (name === undefined) {
    throw new Error("cannot compile a computed var path");
  }
  const segments = name === "" ? [] : name.split(".");
  if (segments.some(isForbiddenName)) {
    throw new Error(`cannot compile a var path into prototypes: ${JSON.stringify(name)}`);
  }

  // json-logic-js evaluates the default first, and uses null for an undefined one
  let prefix = "";
  let notFound = "null";
  let pure = true;
  if (args.length > 1) {
    const fallback = generate(args[1], state, module);
    if (fallback.literal !== undefined) {
      notFound = fallback.code;
    } else {
      const holder = temp(state);
      prefix = fallback.defined
        ? `${holder} = ${fallback.code}, `
        : `${holder} = ${fallback.code}, ${holder} = ${holder} === undefined ? null : ${holder}, `;
      notFound = holder;
      pure = fallback.pure;
    }
  }
  const read = walk(segments, notFound, state, module);
  const code = prefix === "" ? read.code : `(${prefix}${read.code})`;
  return { code, kind: read.kind, defined: read.defined, pure };
}

function walk(
  segments: readonly string[],
  notFound: string,
  state: FunctionState,
  module: ModuleState,
): { code: string; kind: Kind; defined: boolean } {
  const [first, ...others] = segments;
  if (first === undefined) {
    switch (state.frame) {
      case "top":
        return { code: "d", kind: "other", defined: true };
      case "row":
        return { code: "r", kind: "other", defined: state.rows !== undefined };
      case "reduce":
        return { code: "({ current: cur, accumulator: acc })", kind: "other", defined: true };
    }
  }
  if (state.frame === "top" && first === "$on" && others.length === 0) {
    return { code: "on", kind: "string", defined: true };
  }
  const known = knownRead(first, state, module);
  if (known !== undefined && others.length === 0) {
    // a value of the field's type is there: no default can apply
    return { code: known.access, kind: known.kind, defined: true };
  }
  let guard = "";
  let access: string;
  const key = (segment: string): string => `[${JSON.stringify(segment)}]`;
  switch (state.frame) {
    case "top":
      access =
        first === "$on" ? "on" : (module.table?.scope.computed.get(first) ?? `d${key(first)}`);
      break;
    case "row":
      // json-logic-js gives the default for a row that is null; a table's own rows are objects
      guard = state.rows === undefined ? `r == null ? ${notFound} : ` : "";
      access = `r${key(first)}`;
      break;
    case "reduce":
      // reduce's data is { current, accumulator }: any other name is absent
      access = first === "current" ? "cur" : first === "accumulator" ? "acc" : "(void 0)";
      break;
  }
  if (others.length === 0 && notFound === "null") {
    // undefined gives null and null stays null, which is what ?? does
    return { code: `(${guard}(${access} ?? null))`, kind: "other", defined: true };
  }
  const holder = temp(state);
  let code = `${guard}(${holder} = ${access}) === undefined ? ${notFound} : `;
  for (const segment of others) {
    code += `${holder} == null ? ${notFound} : (${holder} = ${holder}${key(segment)}) === undefined ? ${notFound} : `;
  }
  return { code: `(${code}${holder})`, kind: "other", defined: true };
}

/** A read that a table's scorer knows holds a value of a known kind: a field, a list, a required row field. */
function knownRead(
  name: string,
  state: FunctionState,
  module: ModuleState,
): { access: string; kind: Kind } | undefined {
  const scope = module.table?.scope;
  if (scope === undefined) {
    return undefined;
  }
  if (state.frame === "top") {
    const field = scope.fields.get(name);
    if (field !== undefined) {
      return { access: `d[${JSON.stringify(name)}]`, kind: FIELD_KINDS[field.type] };
    }
    return scope.lists.has(name)
      ? { access: `d[${JSON.stringify(name)}]`, kind: "array" }
      : undefined;
  }
  const field = state.frame === "row" ? state.rows?.fields.get(name) : undefined;
  if (field?.required === true) {
    return { access: `r[${JSON.stringify(name)}]`, kind: FIELD_KINDS[field.type] };
  }
  return undefined;
}

/** The rows of an iterated value in a table's scorer, when it is a list or a filter over one. */
function knownRows(
  node: unknown,
  state: FunctionState,
  module: ModuleState,
): KnownRows | undefined {
  const scope = module.table?.scope;
  if (scope === undefined || state.frame !== "top") {
    return undefined;
  }
  const filtered = filterParts(node);
  if (filtered !== undefined) {
    return knownRows(filtered.list, state, module);
  }
  const name = variableName(node);
  const list = name === undefined ? undefined : scope.lists.get(name);
  return list && { fields: new Map(Object.entries(list.fields)) };
}

function iterate(
  op: string,
  args: readonly unknown[],
  state: FunctionState,
  module: ModuleState,
): Code {
  // sum or count over a filter, by a body that cannot throw: one loop and no array between, and
  // the filter's condition still runs on every row in order
  const bodyCannotThrow =
    args.length > 1 && (isPure(args[1]) || (module.table !== undefined && cannotThrow(args[1])));
  const fused =
    (op === "sum" || op === "count") && bodyCannotThrow ? filterParts(args[0]) : undefined;
  const listNode = fused ? fused.list : args[0];
  const pass = passOver(op, listNode, fused?.test, args[1], state, module);
  if (pass !== undefined) {
    return pass;
  }
  const list = args.length > 0 ? generate(listNode, state, module) : UNDEFINED;
  if (op === "count" && args.length < 2) {
    if (list.kind === "array") {
      return computed(`(${list.code}).length`, "number");
    }
    const holder = temp(state);
    return computed(
      `(${holder} = ${list.code}, $isArray(${holder}) ? ${holder}.length : 0)`,
      "number",
    );
  }
  const rows = op === "reduce" ? undefined : knownRows(listNode, state, module);
  const inner: FunctionState = {
    frame: op === "reduce" ? "reduce" : "row",
    temps: 0,
    ...(rows && { rows }),
  };
  const test = fused && generate(fused.test, inner, module);
  const body = args.length > 1 ? generate(args[1], inner, module) : UNDEFINED;
  const name = `$f${module.count}`;
  module.count += 1;
  const loop = (statement: string): string =>
    `${declare(inner)} for (let i = 0; i < a.length; i++) { const r = a[i]; ${test ? `if (${condition(test)}) { ${statement} }` : statement} }`;
  let text: string;
  switch (op) {
    case "filter":
      text = `const o = []; if (!$isArray(a)) { return o; }${loop(`if (${condition(body)}) { o.push(r); }`)} return o;`;
      break;
    case "map":
      text = `const o = []; if (!$isArray(a)) { return o; }${loop(`o.push(${body.code});`)} return o;`;
      break;
    case "all":
      text = `if (!$isArray(a) || a.length === 0) { return false; }${loop(`if (!${condition(body)}) { return false; }`)} return true;`;
      break;
    case "none":
      text = `if (!$isArray(a) || a.length === 0) { return true; }${loop(`if (${condition(body)}) { return false; }`)} return true;`;
      break;
    case "some":
      text = `if (!$isArray(a) || a.length === 0) { return false; }${loop(`if (${condition(body)}) { return true; }`)} return false;`;
      break;
    case "count":
      text = `if (!$isArray(a)) { return 0; } let n = 0;${loop(`if (${condition(body)}) { n++; }`)} return n;`;
      break;
    case "sum":
      text = `if (!$isArray(a)) { return 0; } let s = 0;${loop(`s += ${addend(body)};`)} return s;`;
      break;
    case "reduce": {
      const initial = args.length > 2 ? generate(args[2], state, module) : NULL;
      module.functions.push(
        `function ${name}(a, acc, on) { if (!$isArray(a)) { return acc; }${declare(inner)} for (let i = 0; i < a.length; i++) { const cur = a[i]; acc = ${body.code}; } return acc; }`,
      );
      return computed(`${name}(${list.code}, ${initial.code}, on)`, "other", false);
    }
    default:
      throw new Error(`cannot compile the iteration ${JSON.stringify(op)}`);
  }
  module.functions.push(`function ${name}(a, on) { ${text} }`);
  const kind: Kind =
    op === "filter" || op === "map"
      ? "array"
      : op === "count" || op === "sum"
        ? "number"
        : "boolean";
  return computed(`${name}(${list.code}, on)`, kind);
}

// In a table's scorer, iterations over a list by conditions that cannot throw all run in one
// pass over its rows, before any expression, as the hand-written scorer would loop. Running them
// earlier, or past the row where `some` would stop, is unobservable when nothing can throw.
const PASS_OPERATIONS: ReadonlySet<string> = new Set(["count", "sum", "some", "all", "none"]);

function passOver(
  op: string,
  listNode: unknown,
  test: unknown,
  bodyNode: unknown,
  state: FunctionState,
  module: ModuleState,
): Code | undefined {
  const table = module.table;
  const listName = plainListRead(listNode, module);
  if (
    table === undefined ||
    state.frame !== "top" ||
    listName === undefined ||
    !PASS_OPERATIONS.has(op) ||
    bodyNode === undefined ||
    !cannotThrow(bodyNode) ||
    (test !== undefined && !cannotThrow(test))
  ) {
    return undefined;
  }
  const rows = knownRows(listNode, state, module);
  const inner: FunctionState = { frame: "row", temps: 0, ...(rows && { rows }) };
  const when = test === undefined ? undefined : condition(generate(test, inner, module));
  const body = generate(bodyNode, inner, module);
  table.passTemps = Math.max(table.passTemps, inner.temps);
  const name = `u${table.accumulators}`;
  table.accumulators += 1;
  let start: string;
  let step: string;
  switch (op) {
    case "count":
      [start, step] = ["0", `if (${condition(body)}) { ${name}++; }`];
      break;
    case "sum":
      [start, step] = ["0", `${name} += ${addend(body)};`];
      break;
    case "some":
      [start, step] = ["false", `if (!${name} && ${condition(body)}) { ${name} = true; }`];
      break;
    case "none":
      [start, step] = ["true", `if (${name} && ${condition(body)}) { ${name} = false; }`];
      break;
    default:
      // all: false for no rows
      [start, step] = [
        "rows.length !== 0",
        `if (${name} && !${condition(body)}) { ${name} = false; }`,
      ];
      break;
  }
  const pass = table.passes.get(listName) ?? { starts: [], steps: [] };
  table.passes.set(listName, pass);
  pass.starts.push(`${name} = ${start};`);
  pass.steps.push(when === undefined ? step : `if (${when}) { ${step} }`);
  return computed(name, op === "count" || op === "sum" ? "number" : "boolean");
}

/** The list a `{"var": list}` reads in a table's scorer, without a default; else undefined. */
function plainListRead(node: unknown, module: ModuleState): string | undefined {
  const name = variableName(node);
  const target: unknown =
    node !== null && typeof node === "object" ? (node as Record<string, unknown>).var : undefined;
  const hasDefault = Array.isArray(target) && target.length > 1;
  return name !== undefined && !hasDefault && module.table?.scope.lists.has(name) === true
    ? name
    : undefined;
}

/**
 * True when an expression cannot throw in a table's scorer, where every value comes from
 * checked data (no value has a toString or valueOf of its own) and the date is valid: only a
 * "*" of nothing and a round to digits not written as a literal can.
 */
function cannotThrow(node: unknown): boolean {
  if (Array.isArray(node)) {
    return node.every(cannotThrow);
  }
  if (node === null || typeof node !== "object") {
    return true;
  }
  const entries = Object.entries(node as Readonly<Record<string, unknown>>);
  const [entry] = entries;
  if (entry === undefined || entries.length !== 1) {
    return false;
  }
  const [op, values] = entry;
  const args: readonly unknown[] = Array.isArray(values) ? values : [values];
  if (op === "*" && args.length === 0) {
    return false;
  }
  // round parses its digits and throws unless they are whole: "" and true are not
  const digits = args[1];
  if (op === "round" && digits !== undefined && !Number.isInteger(digits)) {
    return false;
  }
  return args.every(cannotThrow);
}

/** True for what generates pure code: a literal, or a `var` without a default or with a literal one. */
function isPure(node: unknown): boolean {
  if (node === null || typeof node !== "object") {
    return true;
  }
  const keys = Object.keys(node);
  const target: unknown = (node as Readonly<Record<string, unknown>>).var;
  if (Array.isArray(node) || keys.length !== 1 || keys[0] !== "var") {
    return false;
  }
  const path: unknown = Array.isArray(target) ? target[0] : target;
  const fallback: unknown = Array.isArray(target) ? target[1] : null;
  const isPath =
    path === null || path === undefined || ["string", "number", "boolean"].includes(typeof path);
  return (
    isPath &&
    (!Array.isArray(target) || target.length <= 2) &&
    (fallback === null || typeof fallback !== "object")
  );
}

/** The list and condition of a `{"filter": [list, condition]}`, else undefined. */
function filterParts(node: unknown): { list: unknown; test: unknown } | undefined {
  if (node === null || typeof node !== "object" || Array.isArray(node)) {
    return undefined;
  }
  const keys = Object.keys(node);
  const values: unknown = (node as Readonly<Record<string, unknown>>).filter;
  if (keys.length !== 1 || keys[0] !== "filter" || !Array.isArray(values) || values.length !== 2) {
    return undefined;
  }
  return { list: values[0], test: values[1] };
}

function variableName(node: unknown): string | undefined {
  if (node === null || typeof node !== "object" || Array.isArray(node)) {
    return undefined;
  }
  const target: unknown = (node as Readonly<Record<string, unknown>>).var;
  const name: unknown = Array.isArray(target) ? target[0] : target;
  return typeof name === "string" ? name : undefined;
}
