import { describe, expect, it } from "vitest";
import { regionOf } from "./region-of.ts";

describe("regionOf", () => {
  it("takes the given region, then data.region, then the township", () => {
    expect(regionOf({ region: "东区", township: "甲镇", data: { region: "西区" } })).toBe("东区");
    expect(regionOf({ data: { region: " 西区 ", township: "乙镇" } })).toBe("西区");
    expect(regionOf({ data: { township: "河西镇" } })).toBe("河西镇");
    expect(regionOf({ township: "甲镇", data: { township: "乙镇" } })).toBe("甲镇");
    expect(regionOf({ data: { region: "  ", township: 3 } })).toBeUndefined();
  });
});
