import type { CellValue } from "exceljs";

/** A cell's content as plain data: what a person typed or what a formula last computed. */
export type CellRead =
  | { readonly kind: "blank" }
  | { readonly kind: "text"; readonly text: string }
  /** `isDate` when a number is formatted as a date (a formula's cached date) */
  | { readonly kind: "number"; readonly number: number; readonly isDate: boolean }
  | { readonly kind: "boolean"; readonly value: boolean }
  /** a calendar date, `YYYY-MM-DD` */
  | { readonly kind: "date"; readonly date: string }
  | { readonly kind: "error"; readonly text: string }
  /** a formula saved without its computed value */
  | { readonly kind: "formula"; readonly formula: string };

const BLANK: CellRead = { kind: "blank" };

/** True when an Excel number format shows dates (d, m, y, h, s outside quotes and brackets). */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) {
    return false;
  }
  const bare = format.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, "");
  return /[ymdhsb]/i.test(bare) && !/^general$/i.test(bare);
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

/** A JavaScript date from a spreadsheet, read in UTC (exceljs' convention), as `YYYY-MM-DD`. */
export function dateText(date: Date): string {
  // to the nearest second first: a serial like 45412.99999999 means the next midnight
  const rounded = new Date(Math.round(date.getTime() / 1000) * 1000);
  return `${pad(rounded.getUTCFullYear(), 4)}-${pad(rounded.getUTCMonth() + 1)}-${pad(rounded.getUTCDate())}`;
}

/** An Excel serial day number (1900 system) as `YYYY-MM-DD`. */
export function serialDateText(serial: number): string {
  return dateText(new Date(Math.round((serial - 25569) * 86_400_000)));
}

function richText(runs: readonly { text?: unknown }[]): string {
  let text = "";
  for (const run of runs) {
    text += typeof run.text === "string" ? run.text : "";
  }
  return text;
}

function readPlain(value: unknown, numFmt: string | undefined): CellRead {
  if (value === null || value === undefined) {
    return BLANK;
  }
  if (typeof value === "string") {
    const text = value.trim();
    return text === "" ? BLANK : { kind: "text", text };
  }
  if (typeof value === "number") {
    return Number.isNaN(value)
      ? { kind: "error", text: "#VALUE!" }
      : { kind: "number", number: value, isDate: isDateFormat(numFmt) };
  }
  if (typeof value === "boolean") {
    return { kind: "boolean", value };
  }
  if (value instanceof Date) {
    return Number.isNaN(value.getTime())
      ? { kind: "error", text: "#VALUE!" }
      : { kind: "date", date: dateText(value) };
  }
  if (typeof value !== "object") {
    return BLANK;
  }
  const object = value as Record<string, unknown>;
  if (typeof object.error === "string") {
    return { kind: "error", text: object.error };
  }
  if (Array.isArray(object.richText)) {
    return readPlain(richText(object.richText as { text?: unknown }[]), undefined);
  }
  if ("formula" in object || "sharedFormula" in object) {
    if (object.result === undefined || object.result === null) {
      const formula = typeof object.formula === "string" ? object.formula : "";
      const shared = typeof object.sharedFormula === "string" ? object.sharedFormula : "";
      return { kind: "formula", formula: `=${formula || shared}` };
    }
    return readPlain(object.result, numFmt);
  }
  if ("text" in object) {
    // a hyperlink: its shown text, itself plain or rich
    return readPlain(object.text, numFmt);
  }
  return BLANK;
}

/**
 * Reads an exceljs cell value as plain data: formulas by their cached result, rich text and
 * hyperlinks by their text, dates as calendar dates, blank and whitespace-only text as blank.
 */
export function readCell(value: CellValue, numFmt?: string): CellRead {
  return readPlain(value, numFmt);
}

/** What a cell holds, for a message: text in quotes, a date, a number, TRUE or FALSE. */
export function describeCell(cell: CellRead): string {
  switch (cell.kind) {
    case "blank":
      return "(无)";
    case "text": {
      const text = `"${cell.text}"`;
      return text.length > 40 ? `${text.slice(0, 37)}...` : text;
    }
    case "number":
      return cell.isDate ? serialDateText(cell.number) : String(cell.number);
    case "boolean":
      return cell.value ? "TRUE" : "FALSE";
    case "date":
      return cell.date;
    case "error":
      return cell.text;
    case "formula":
      return cell.formula;
  }
}
