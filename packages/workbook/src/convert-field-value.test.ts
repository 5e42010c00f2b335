import { describe, expect, it } from "vitest";
import {
  convertFieldValue,
  parseTypedBoolean,
  parseTypedDate,
  parseTypedNumber,
} from "./convert-field-value.ts";
import type { FieldShape } from "./convert-field-value.ts";
import { readCell } from "./read-cell.ts";

const text = (value: string) => readCell(value);

describe("what people type", () => {
  it("reads numbers with full-width digits, thousands separators and a trailing %", () => {
    expect(parseTypedNumber("９０")).toBe(90);
    expect(parseTypedNumber("1,240")).toBe(1240);
    expect(parseTypedNumber("1，240")).toBe(1240);
    expect(parseTypedNumber("93%")).toBe(0.93);
    expect(parseTypedNumber("３３.３％")).toBe(0.333);
    expect(parseTypedNumber(" -12.5 ")).toBe(-12.5);
    expect(parseTypedNumber("1,24")).toBeUndefined();
    expect(parseTypedNumber("很多")).toBeUndefined();
    expect(parseTypedNumber("%")).toBeUndefined();
  });

  it("reads yes and no in every usual form", () => {
    for (const yes of ["是", "√", "✓", "有", "TRUE", "true", "1", "１"]) {
      expect(parseTypedBoolean(yes)).toBe(true);
    }
    for (const no of ["否", "×", "✗", "无", "FALSE", "false", "0"]) {
      expect(parseTypedBoolean(no)).toBe(false);
    }
    expect(parseTypedBoolean("也许")).toBeUndefined();
  });

  it("reads dates as ISO text, refusing impossible ones", () => {
    expect(parseTypedDate("2024-05-01")).toBe("2024-05-01");
    expect(parseTypedDate("2024/5/1")).toBe("2024-05-01");
    expect(parseTypedDate("2024.5.1")).toBe("2024-05-01");
    expect(parseTypedDate("2024年5月1日")).toBe("2024-05-01");
    expect(parseTypedDate("２０２４年５月１日")).toBe("2024-05-01");
    expect(parseTypedDate("20240501")).toBe("2024-05-01");
    expect(parseTypedDate("2024-05-01 14:30")).toBe("2024-05-01");
    expect(parseTypedDate("2024-02-30")).toBeUndefined();
    expect(parseTypedDate("2024/5-1")).toBeUndefined();
  });
});

describe("convertFieldValue", () => {
  const ratio: FieldShape = { label: "占比", type: "ratio" };
  const date: FieldShape = { label: "日期", type: "date" };
  const choice: FieldShape = { label: "档案员", type: "enum", values: ["专职", "兼职(含)"] };

  it("takes ratios as 0.93 or 93%", () => {
    expect(convertFieldValue(readCell(0.93), ratio)).toEqual({ value: 0.93 });
    expect(convertFieldValue(text("93%"), ratio)).toEqual({ value: 0.93 });
  });

  it("takes Excel dates and the cached value of a formula formatted as a date", () => {
    expect(convertFieldValue(readCell(new Date(Date.UTC(2024, 4, 1))), date)).toEqual({
      value: "2024-05-01",
    });
    expect(
      convertFieldValue(readCell({ formula: "TODAY()", result: 45413 }, "yyyy-mm-dd"), date),
    ).toEqual({
      value: "2024-05-01",
    });
    expect(convertFieldValue(readCell(45413), date)).toEqual({
      code: "data.date",
      params: { label: "日期", found: "45413" },
    });
  });

  it("matches enum values whatever the width of their brackets", () => {
    expect(convertFieldValue(text("兼职（含）"), choice)).toEqual({ value: "兼职(含)" });
    expect(
      convertFieldValue(readCell({ richText: [{ text: "专" }, { text: "职" }] }), choice),
    ).toEqual({
      value: "专职",
    });
  });

  it("names error cells and formulas without a value", () => {
    expect(convertFieldValue(readCell({ error: "#N/A" }), ratio)).toEqual({
      code: "xlsx.cell_error",
      params: { label: "占比", found: "#N/A", expected: "比例" },
    });
    expect(convertFieldValue(readCell({ formula: "A1*2" }), ratio)).toEqual({
      code: "xlsx.formula_no_value",
      params: { label: "占比", found: "=A1*2" },
    });
  });

  it("reads blank and whitespace-only cells as blank, not zero", () => {
    expect(readCell("  ")).toEqual({ kind: "blank" });
    expect(readCell(null)).toEqual({ kind: "blank" });
    expect(readCell({ formula: "A1", result: "" })).toEqual({ kind: "blank" });
  });
});
