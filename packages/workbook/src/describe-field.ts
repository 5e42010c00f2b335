import type { FieldSpec } from "@ceping/engine";

function range(spec: FieldSpec, unit = ""): string {
  const { min, max } = spec;
  if (min !== undefined && max !== undefined) {
    return `，${min}～${max}${unit}`;
  }
  if (min !== undefined) {
    return `，不小于 ${min}${unit}`;
  }
  return max !== undefined ? `，不大于 ${max}${unit}` : "";
}

/** A field's type and range in words, for a header's note and a cell's prompt. */
export function describeField(spec: FieldSpec): string {
  switch (spec.type) {
    case "integer":
      return `整数${range(spec)}`;
    case "number":
      return `数字${range(spec)}`;
    case "ratio":
      return spec.min === undefined && spec.max === undefined
        ? "比例：0～1 的小数或百分数，如 0.62 或 62%"
        : `比例${range(spec)}，可写小数或百分数`;
    case "boolean":
      return "是 或 否";
    case "date":
      return "日期，如 2024-05-01";
    case "enum":
      return `从下拉列表选择：${(spec.values ?? []).join("、")}`;
    case "string":
      return "文字";
  }
}

/** A plausible value for the template's example row. */
export function exampleValue(spec: FieldSpec): unknown {
  const within = (wanted: number) =>
    Math.min(spec.max ?? Infinity, Math.max(spec.min ?? -Infinity, wanted));
  switch (spec.type) {
    case "integer":
      return Math.round(within(10));
    case "number":
      return within(100);
    case "ratio":
      return within(0.5);
    case "boolean":
      return true;
    case "date":
      return "2024-05-01";
    case "enum":
      return spec.values?.[0] ?? "";
    case "string":
      return `（${spec.label}）`;
  }
}
