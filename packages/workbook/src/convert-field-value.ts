import type { FieldSpec, MessageCode, MessageParams } from "@ceping/engine";
import { describeCell, serialDateText } from "./read-cell.ts";
import type { CellRead } from "./read-cell.ts";

/** A cell read as a field's value, or why it cannot be. */
export type Conversion =
  { readonly value: unknown } | { readonly code: MessageCode; readonly params: MessageParams };

/** The part of a field's declaration that decides how a cell is read. */
export type FieldShape = Pick<FieldSpec, "label" | "type" | "values">;

const EXPECTED: Readonly<Record<FieldSpec["type"], string>> = {
  integer: "整数",
  number: "数字",
  ratio: "比例",
  boolean: "是或否",
  string: "文字",
  date: "日期",
  enum: "选项之一",
};

const TRUE_WORDS = new Set(["是", "√", "✓", "✔", "有", "true", "1", "yes", "y", "对"]);
const FALSE_WORDS = new Set(["否", "×", "✗", "✘", "无", "没有", "false", "0", "no", "n", "错"]);

/** Full-width letters, digits and signs as ASCII, the ideographic space as a space. */
export function toAscii(text: string): string {
  let out = "";
  for (const char of text) {
    const code = char.charCodeAt(0);
    if (code >= 0xff01 && code <= 0xff5e) {
      out += String.fromCharCode(code - 0xfee0);
    } else if (char === "\u3000") {
      out += " ";
    } else if (char === "\u2212") {
      out += "-";
    } else {
      out += char;
    }
  }
  return out;
}

/** What a person meant to type: ASCII for full-width forms, and no spaces. */
export function normalizeTyped(text: string): string {
  return toAscii(text).replace(/\s+/g, "");
}

// a decimal written out, with its point moved two places left, so that 33.3% is 0.333 exactly
function percentOf(sign: string, whole: string, fraction: string): number {
  const digits = whole + fraction;
  const point = whole.length - 2;
  const shifted =
    point <= 0
      ? `0.${"0".repeat(-point)}${digits}`
      : `${digits.slice(0, point)}.${digits.slice(point)}`;
  return Number(`${sign}${shifted}`);
}

/** Reads a typed number: full-width digits, thousands separators, a trailing %. */
export function parseTypedNumber(text: string): number | undefined {
  let typed = normalizeTyped(text);
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?%?$/.test(typed)) {
    typed = typed.replace(/,/g, "");
  }
  const percent = /^([+-]?)(\d*)(?:\.(\d*))?%$/.exec(typed);
  if (percent) {
    const [, sign = "", whole = "", fraction = ""] = percent;
    return whole + fraction === "" ? undefined : percentOf(sign, whole, fraction);
  }
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(typed)) {
    return undefined;
  }
  const number = Number(typed);
  return Number.isFinite(number) ? number : undefined;
}

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    year >= 1000 &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day
  );
}

/** Reads a typed date: 2024-05-01, 2024/5/1, 2024.5.1, 2024年5月1日, 20240501; a time after it is dropped. */
export function parseTypedDate(text: string): string | undefined {
  const typed = toAscii(text).trim();
  const match =
    /^(\d{4})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{1,2})(?:\s+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/.exec(
      typed,
    ) ??
    /^(\d{4})\s*(年)\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$/.exec(typed) ??
    /^(\d{4})()(\d{2})(\d{2})$/.exec(typed);
  if (!match) {
    return undefined;
  }
  const year = Number(match[1]);
  const month = Number(match[3]);
  const day = Number(match[4]);
  if (!isRealDate(year, month, day)) {
    return undefined;
  }
  return `${match[1]}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Reads a typed yes or no: 是/否, √/×, 有/无, TRUE/FALSE, 1/0 and the like. */
export function parseTypedBoolean(text: string): boolean | undefined {
  const typed = normalizeTyped(text).toLowerCase();
  if (TRUE_WORDS.has(typed)) {
    return true;
  }
  return FALSE_WORDS.has(typed) ? false : undefined;
}

function matchEnum(text: string, values: readonly string[]): string {
  if (values.includes(text)) {
    return text;
  }
  const typed = normalizeTyped(text).toLowerCase();
  return values.find((value) => normalizeTyped(value).toLowerCase() === typed) ?? text;
}

function failure(
  code: MessageCode,
  cell: CellRead,
  spec: FieldShape,
  extra: MessageParams = {},
): Conversion {
  return { code, params: { label: spec.label, found: describeCell(cell), ...extra } };
}

/**
 * Reads a cell as a value of a field's type, the way people type it, so that the engine's
 * `checkFieldValue` accepts it: numbers (full-width digits, thousands separators, a trailing %
 * dividing by 100), yes/no words, dates in the usual forms and Excel dates (as ISO text), enum
 * values matched regardless of full-width forms. Ranges and enum membership are left to
 * `checkFieldValue`; a blank cell is never converted.
 */
export function convertFieldValue(cell: CellRead, spec: FieldShape): Conversion {
  if (cell.kind === "error") {
    return failure("xlsx.cell_error", cell, spec, { expected: EXPECTED[spec.type] });
  }
  if (cell.kind === "formula") {
    return failure("xlsx.formula_no_value", cell, spec);
  }
  switch (spec.type) {
    case "integer":
    case "number":
    case "ratio": {
      const code = spec.type === "integer" ? "data.integer" : (`data.${spec.type}` as const);
      if (cell.kind === "number" && !cell.isDate) {
        return { value: cell.number };
      }
      const number = cell.kind === "text" ? parseTypedNumber(cell.text) : undefined;
      return number === undefined ? failure(code, cell, spec) : { value: number };
    }
    case "boolean": {
      if (cell.kind === "boolean") {
        return { value: cell.value };
      }
      if (cell.kind === "number" && !cell.isDate && (cell.number === 0 || cell.number === 1)) {
        return { value: cell.number === 1 };
      }
      const value = cell.kind === "text" ? parseTypedBoolean(cell.text) : undefined;
      return value === undefined ? failure("data.boolean", cell, spec) : { value };
    }
    case "date": {
      if (cell.kind === "date") {
        return { value: cell.date };
      }
      if (cell.kind === "number" && cell.isDate) {
        return { value: serialDateText(cell.number) };
      }
      const value = cell.kind === "text" ? parseTypedDate(cell.text) : undefined;
      return value === undefined ? failure("data.date", cell, spec) : { value };
    }
    case "string":
      return { value: plainText(cell) };
    case "enum":
      return { value: matchEnum(plainText(cell), spec.values ?? []) };
  }
}

/** A cell as text, for text fields and ids: numbers as written, dates as ISO, yes/no as 是/否. */
export function plainText(cell: CellRead): string {
  switch (cell.kind) {
    case "text":
      return cell.text;
    case "number":
      return cell.isDate ? serialDateText(cell.number) : String(cell.number);
    case "boolean":
      return cell.value ? "是" : "否";
    case "date":
      return cell.date;
    case "blank":
      return "";
    case "error":
      return cell.text;
    case "formula":
      return cell.formula;
  }
}
