import type { Expression } from "./rule-set.ts";
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
  yearsSince,
} from "./operations.ts";

/** An expression compiled to a function of the candidate's data and the assessment date (ISO). */
export type CompiledExpression = (data: Readonly<Record<string, unknown>>, on: string) => unknown;

/** What is known about a generated value before it runs, to skip conversions it does not need. */
type Kind = "number" | "string" | "boolean" | "null" | "array" | "other";

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

interface FunctionState {
  readonly frame: Frame;
  temps: number;
}

interface ModuleState {
  readonly functions: string[];
  count: number;
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
      return withIgnored(computed(`$in(${arg(0).code}, ${arg(1).code})`, "boolean"), rest(2));
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
      return withIgnored(computed(`$ratio(${arg(0).code}, ${arg(1).code})`, "other"), rest(2));
    case "years_since":
      return withIgnored(computed(`$yearsSince(${arg(0).code}, on)`, "other"), rest(1));
    case "within_years":
      return withIgnored(
        computed(`$withinYears(${arg(0).code}, ${arg(1).code}, on)`, "boolean"),
        rest(2),
      );
    case "round": {
      const all = rest(0);
      return withIgnored(computed(`$round(${codes(all.slice(0, 2))})`, "other"), all.slice(2));
    }
    default:
      throw new Error(`cannot compile the operation ${JSON.stringify(op)}`);
  }
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
  const target = args[0];
  let name: string;
  if (target === null || target === undefined) {
    name = "";
  } else if (typeof target === "string") {
    name = target;
  } else if (typeof target === "number" || typeof target === "boolean") {
    name = String(target);
  } else {
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
  const read = walk(segments, notFound, state);
  const code = prefix === "" ? read.code : `(${prefix}${read.code})`;
  return { code, kind: read.kind, defined: read.defined, pure };
}

function walk(
  segments: readonly string[],
  notFound: string,
  state: FunctionState,
): { code: string; kind: Kind; defined: boolean } {
  const [first, ...others] = segments;
  if (first === undefined) {
    switch (state.frame) {
      case "top":
        return { code: "d", kind: "other", defined: true };
      case "row":
        return { code: "r", kind: "other", defined: false };
      case "reduce":
        return { code: "({ current: cur, accumulator: acc })", kind: "other", defined: true };
    }
  }
  if (state.frame === "top" && first === "$on" && others.length === 0) {
    return { code: "on", kind: "string", defined: true };
  }
  let guard = "";
  let access: string;
  const key = (segment: string): string => `[${JSON.stringify(segment)}]`;
  switch (state.frame) {
    case "top":
      access = first === "$on" ? "on" : `d${key(first)}`;
      break;
    case "row":
      // json-logic-js gives the default for a row that is null
      guard = `r == null ? ${notFound} : `;
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

function iterate(
  op: string,
  args: readonly unknown[],
  state: FunctionState,
  module: ModuleState,
): Code {
  const list = args.length > 0 ? generate(args[0], state, module) : UNDEFINED;
  if (op === "count" && args.length < 2) {
    const holder = temp(state);
    return computed(
      `(${holder} = ${list.code}, $isArray(${holder}) ? ${holder}.length : 0)`,
      "number",
    );
  }
  const inner: FunctionState = { frame: op === "reduce" ? "reduce" : "row", temps: 0 };
  const body = args.length > 1 ? generate(args[1], inner, module) : UNDEFINED;
  const name = `$f${module.count}`;
  module.count += 1;
  const loop = (statement: string): string =>
    `${declare(inner)} for (let i = 0; i < a.length; i++) { const r = a[i]; ${statement} }`;
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
