import { UNIT_TYPES } from "@ceping/engine";
import { describe, expect, it } from "vitest";
import { widthOf } from "./text-width.ts";
import { unitTypeName, unitTypeShort } from "./tui-text.ts";

describe("unitTypeShort", () => {
  it("fits every unit type in a list's type column: 8 columns in Chinese, 10 in English", () => {
    const tooWide = UNIT_TYPES.filter(
      (type) => widthOf(unitTypeShort(type, "zh")) > 8 || widthOf(unitTypeShort(type, "en")) > 10,
    );
    expect(tooWide).toEqual([]);
    expect(unitTypeShort("township", "zh")).toBe("乡镇");
    expect(unitTypeShort("religious_site", "zh")).toBe("宗教场所");
    // names that fit stay as they are
    expect(unitTypeShort("village", "zh")).toBe(unitTypeName("village", "zh"));
  });
});
