import jsonLogic from "json-logic-js";
import type { AdditionalOperation, RulesLogic } from "json-logic-js";
import type { Expression } from "./rule-set.ts";
import { ratio, roundHalfAwayFromZero, withinYears, yearsSince } from "./operations.ts";

// json-logic-js calls operations with the evaluated arguments only, so the assessment date
// reaches years_since and within_years through this variable, set for each call
let assessmentDate = "";

jsonLogic.add_operation("ratio", (dividend: unknown, divisor: unknown) => ratio(dividend, divisor));
jsonLogic.add_operation("years_since", (date: unknown) => yearsSince(date, assessmentDate));
jsonLogic.add_operation("within_years", (date: unknown, years: unknown) =>
  withinYears(date, years, assessmentDate),
);
jsonLogic.add_operation("round", (value: unknown, digits?: unknown) =>
  roundHalfAwayFromZero(value, digits),
);

function isLogic(node: unknown): node is Readonly<Record<string, unknown>> {
  return (
    typeof node === "object" &&
    node !== null &&
    !Array.isArray(node) &&
    Object.keys(node).length === 1
  );
}

// count and sum are spelled out in json-logic-js's own operations, so their meaning is theirs
function desugar(node: unknown): unknown {
  if (Array.isArray(node)) {
    return node.map(desugar);
  }
  if (!isLogic(node)) {
    return node;
  }
  const [op = ""] = Object.keys(node);
  const values = node[op];
  if (op !== "count" && op !== "sum") {
    // a computed key makes an own property even for "__proto__"
    return { [op]: desugar(values) };
  }
  const [list, each] = (Array.isArray(values) ? values : [values]).map(desugar);
  const increment = { "+": [{ var: "accumulator" }, 1] };
  if (op === "count") {
    const rows = each === undefined ? list : { filter: [list, each] };
    return { reduce: [rows, increment, 0] };
  }
  const total = { "+": [{ var: "accumulator" }, { var: "current" }] };
  return { reduce: [{ map: [list, each] }, total, 0] };
}

/** Evaluates with json-logic-js 2.0.5 itself plus the spec's operations: what compiled code must match. */
export function evaluateReference(
  expression: Expression,
  data: Readonly<Record<string, unknown>>,
  on: string,
): unknown {
  // {"var": "$on"} reads the assessment date, as compiled code reads it
  const previous = assessmentDate;
  assessmentDate = on;
  try {
    const logic = desugar(expression) as RulesLogic<AdditionalOperation>;
    const result: unknown = jsonLogic.apply(logic, { ...data, $on: on });
    return result;
  } finally {
    assessmentDate = previous;
  }
}
