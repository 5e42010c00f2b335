import { describe, expect, it } from "vitest";
import { fit, truncate, widthOf, wrap } from "./text-width.ts";

describe("text widths", () => {
  it("counts East Asian wide characters as two columns", () => {
    expect(widthOf("周屯村")).toBe(6);
    expect(widthOf("xx街道甲社区")).toBe(12);
    expect(widthOf("Zhang San")).toBe(9);
  });

  it("pads Chinese to a width, so that columns line up", () => {
    expect(fit("周屯村", 8)).toBe("周屯村  ");
    expect(fit("上兰角村", 8)).toBe("上兰角村");
    expect(fit("39.83", 7, "right")).toBe("  39.83");
    expect(["周屯村", "阿依古丽社区", "ab"].map((name) => widthOf(fit(name, 10)))).toEqual([
      10, 10, 10,
    ]);
  });

  it("cuts with a one-column mark, never half a wide character", () => {
    expect(truncate("阿依古丽社区", 8)).toBe("阿依古~");
    expect(truncate("阿依古丽社区", 7)).toBe("阿依古~");
    expect(widthOf(fit("阿依古丽社区", 7))).toBe(7);
    expect(truncate("short", 10)).toBe("short");
  });

  it("wraps at spaces where it can, and between any two characters of Chinese", () => {
    expect(wrap("评委评分：张三 9.00、李四 9.50、王五 9.00", 16)).toEqual([
      "评委评分：张三",
      "9.00、李四",
      "9.50、王五 9.00",
    ]);
    expect(wrap("群众对民族团结进步创建工作的满意度", 10)).toEqual([
      "群众对民族",
      "团结进步创",
      "建工作的满",
      "意度",
    ]);
    expect(wrap("the scores do not vary at all", 12)).toEqual([
      "the scores",
      "do not vary",
      "at all",
    ]);
  });
});
