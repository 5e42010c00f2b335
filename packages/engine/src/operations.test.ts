import fc from "fast-check";
import jsonLogic from "json-logic-js";
import { describe, expect, it } from "vitest";
import {
  OPERATION_NAMES,
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

describe("isOperationName", () => {
  it("knows json-logic-js's operations without log, missing, missing_some and method, and the spec's", () => {
    expect(OPERATION_NAMES.length).toBe(38);
    expect(
      ["==", "<=", "?:", "substr", "reduce", "ratio", "years_since", "round"].map(isOperationName),
    ).toEqual([true, true, true, true, true, true, true, true]);
    expect(["log", "missing", "missing_some", "method", "frobnicate"].map(isOperationName)).toEqual(
      [false, false, false, false, false],
    );
  });

  it("never finds inherited names", () => {
    const inherited = ["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf", "has"];
    expect(inherited.map(isOperationName)).toEqual(inherited.map(() => false));
  });
});

describe("isForbiddenName", () => {
  it("forbids every name Object.prototype has, and prototype", () => {
    const names = [
      "constructor",
      "__proto__",
      "prototype",
      "toString",
      "valueOf",
      "__defineGetter__",
    ];
    expect(names.map(isForbiddenName)).toEqual(names.map(() => true));
    expect(["population", "date", "current", "length", ""].map(isForbiddenName)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});

describe("truthy", () => {
  it("is json-logic-js's truthiness: an empty array is false", () => {
    const values = [[], [0], 0, -0, NaN, "", "0", null, undefined, {}, false, true, 1];
    expect(values.map(truthy)).toEqual(values.map((value) => jsonLogic.truthy(value)));
    expect(values.map(truthy)).toEqual([
      false,
      true,
      false,
      false,
      false,
      false,
      true,
      false,
      false,
      true,
      false,
      true,
      true,
    ]);
  });
});

describe("toNumber", () => {
  it("is parseFloat, with -0 turned to 0 as parseFloat(String(-0)) does", () => {
    const values = [1.5, "2.5abc", " 3", "", null, true, [4, 5], "-0", Infinity, "Infinity"];
    expect(values.map(toNumber)).toEqual(values.map((value) => parseFloat(String(value))));
    expect(Object.is(toNumber(-0), 0)).toBe(true);
    expect(Object.is(toNumber("-0"), -0)).toBe(true);
  });
});

describe("toText", () => {
  it("joins as Array.prototype.join does", () => {
    const values = [null, undefined, 1, "a", [1, [2, 3]], true, {}];
    expect(values.map(toText)).toEqual(["", "", "1", "a", "1,2,3", "true", "[object Object]"]);
  });
});

describe("inOperation and substr", () => {
  it("match json-logic-js", () => {
    const cases: [unknown, unknown][] = [
      ["b", "abc"],
      [1, [1, 2]],
      ["1", [1, 2]],
      ["x", null],
      ["x", 5],
      ["x", { a: 1 }],
    ];
    expect(cases.map(([needle, haystack]) => inOperation(needle, haystack))).toEqual(
      cases.map(([needle, haystack]): unknown =>
        jsonLogic.apply({ in: [{ var: "n" }, { var: "h" }] }, { n: needle, h: haystack }),
      ),
    );
    expect(cases.map(([needle, haystack]) => inOperation(needle, haystack))).toEqual([
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
    expect(() => inOperation("x", { indexOf: 5 })).toThrow(TypeError);
    const substrings: [unknown, unknown, unknown][] = [
      ["abcdef", 1, -2],
      ["abcdef", -3, undefined],
      ["abcdef", 1, 2],
      [12345, 1, "-1"],
      [null, 0, 2],
    ];
    expect(substrings.map(([source, start, length]) => substr(source, start, length))).toEqual([
      "bcd",
      "def",
      "bc",
      "",
      "nu",
    ]);
  });
});

describe("ratio", () => {
  it("divides, or gives null for a zero divisor or a missing value", () => {
    expect(ratio(3, 4)).toBe(0.75);
    expect(ratio("3", "4")).toBe(0.75);
    expect(ratio(3, 0)).toBe(null);
    expect(ratio(3, "0")).toBe(null);
    expect(ratio(3, -0)).toBe(null);
    expect(ratio(null, 4)).toBe(null);
    expect(ratio(3, undefined)).toBe(null);
    expect(ratio(0, 4)).toBe(0);
    expect(ratio("abc", 4)).toBeNaN();
  });
});

describe("yearsSince and withinYears", () => {
  it("count years to the assessment date, null or false for what is not a date", () => {
    expect(yearsSince("2023-12-20", "2026-11-29")).toBe(2);
    expect(yearsSince("2026-11-30", "2026-11-29")).toBe(-1);
    expect(yearsSince("2023-02-29", "2026-11-29")).toBe(null);
    expect(yearsSince(20231220, "2026-11-29")).toBe(null);
    expect(yearsSince(null, "2026-11-29")).toBe(null);
    expect(withinYears("2023-11-30", 3, "2026-11-29")).toBe(true);
    expect(withinYears("2023-11-29", 3, "2026-11-29")).toBe(false);
    expect(withinYears("2023-11-30", "3", "2026-11-29")).toBe(true);
    expect(withinYears("2026-11-30", 3, "2026-11-29")).toBe(false);
    expect(withinYears("not a date", 3, "2026-11-29")).toBe(false);
    expect(withinYears(undefined, 3, "2026-11-29")).toBe(false);
  });

  it("throw a RangeError when the assessment date is no date", () => {
    expect(() => yearsSince("2023-12-20", "soon")).toThrow(
      'the assessment date is not a date (YYYY-MM-DD): "soon"',
    );
    expect(() => withinYears("2023-12-20", 3, "2026-02-30")).toThrow(RangeError);
  });
});

describe("roundHalfAwayFromZero", () => {
  it("rounds the decimal the author wrote, half away from zero", () => {
    expect(roundHalfAwayFromZero(1.005, 2)).toBe(1.01);
    expect(roundHalfAwayFromZero(2.675, 2)).toBe(2.68);
    expect(roundHalfAwayFromZero(-0.125, 2)).toBe(-0.13);
    expect(roundHalfAwayFromZero(0.1 + 0.2, 2)).toBe(0.3);
    expect(roundHalfAwayFromZero(2.5)).toBe(3);
    expect(roundHalfAwayFromZero(-2.5)).toBe(-3);
    expect(roundHalfAwayFromZero(2.4999)).toBe(2);
    expect(roundHalfAwayFromZero(0.5)).toBe(1);
    expect(roundHalfAwayFromZero(0.05, 1)).toBe(0.1);
    expect(roundHalfAwayFromZero(1234.5, -2)).toBe(1200);
    expect(roundHalfAwayFromZero(1250, -2)).toBe(1300);
    expect(roundHalfAwayFromZero(99.995, 2)).toBe(100);
    expect(roundHalfAwayFromZero(1e21, 2)).toBe(1e21);
    expect(roundHalfAwayFromZero(1.23456789e-7, 9)).toBe(1.23e-7);
    expect(roundHalfAwayFromZero(5e-324, 2)).toBe(0);
  });

  it("gives 0, never -0, for what rounds to zero", () => {
    expect(Object.is(roundHalfAwayFromZero(-0.001, 2), 0)).toBe(true);
    expect(Object.is(roundHalfAwayFromZero(-0), 0)).toBe(true);
  });

  it("passes null, NaN and infinities through, and reads strings as parseFloat does", () => {
    expect(roundHalfAwayFromZero(null, 2)).toBe(null);
    expect(roundHalfAwayFromZero(undefined)).toBe(null);
    expect(roundHalfAwayFromZero(NaN, 2)).toBeNaN();
    expect(roundHalfAwayFromZero(true)).toBeNaN();
    expect(roundHalfAwayFromZero(-Infinity, 2)).toBe(-Infinity);
    expect(roundHalfAwayFromZero("1.005", "2")).toBe(1.01);
  });

  it("throws a RangeError for digits that are not a whole number", () => {
    expect(() => roundHalfAwayFromZero(1, 1.5)).toThrow(
      "round: digits must be a whole number, found 1.5",
    );
    expect(() => roundHalfAwayFromZero(1, null)).toThrow(RangeError);
  });

  it("agrees with rounding the 15-digit decimal in exact integer arithmetic", () => {
    const decimals = fc
      .tuple(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.integer({ min: 0, max: 6 }))
      .map(([units, power]) => units / 10 ** power);
    const halves = fc
      .tuple(fc.integer({ min: -100_000, max: 100_000 }), fc.integer({ min: 1, max: 5 }))
      .map(([units, power]) => (units + 0.5) / 10 ** power);
    // halves a few units in the last place off, as arithmetic leaves them (1.2349999999999999)
    const noisyHalves = fc
      .tuple(halves, fc.integer({ min: -4, max: 4 }))
      .map(([value, units]) => value + value * units * Number.EPSILON);
    const doubles = fc.double({ min: -1e12, max: 1e12, noNaN: true });
    fc.assert(
      fc.property(
        fc.oneof(decimals, halves, noisyHalves, doubles),
        fc.integer({ min: -3, max: 8 }),
        (value, places) => {
          expect(roundHalfAwayFromZero(value, places)).toBe(roundByDigits(value, places));
        },
      ),
      { numRuns: 20_000 },
    );
  });

  it("decides a half by the 15-digit decimal also half a unit of its last digit away", () => {
    // up to 0.7 units of the 15th digit below a half, where the text alone can decide
    const nearHalves = fc
      .tuple(
        fc.integer({ min: 0, max: 99_999_999 }),
        fc.integer({ min: 0, max: 7 }),
        fc.double({ min: 0, max: 0.8, noNaN: true }),
      )
      .map(([units, power, below]) => {
        const half = (units + 0.5) / 10 ** power;
        return [half - below * 10 ** (Math.floor(Math.log10(half)) - 14), power] as const;
      });
    fc.assert(
      fc.property(nearHalves, ([value, places]) => {
        expect(roundHalfAwayFromZero(value, places)).toBe(roundByDigits(value, places));
        expect(roundHalfAwayFromZero(-value, places)).toBe(roundByDigits(-value, places));
      }),
      { numRuns: 20_000 },
    );
  });

  it("agrees with rounding the shortest decimal text by hand for two places", () => {
    for (let hundredths = -2000; hundredths <= 2000; hundredths += 1) {
      const half = (hundredths + 0.5) / 100;
      const expected = (hundredths + (hundredths >= 0 ? 1 : 0)) / 100;
      expect(roundHalfAwayFromZero(half, 2)).toBe(expected === 0 ? 0 : expected);
    }
  });
});

/** The test's own rounding: the value's 15 significant digits, rounded as BigInt integers. */
function roundByDigits(value: number, places: number): number {
  const [mantissa = "", exponent = "0"] = Math.abs(value).toPrecision(15).split("e");
  const [whole = "", fraction = ""] = mantissa.split(".");
  const digits = BigInt(whole + fraction);
  // |value| ≈ digits × 10^scale, so |value| × 10^places ≈ digits × 10^(scale + places)
  const shift = Number(exponent) - fraction.length + places;
  let kept: bigint;
  if (shift >= 0) {
    kept = digits * 10n ** BigInt(shift);
  } else {
    const divisor = 10n ** BigInt(-shift);
    kept = digits / divisor + (2n * (digits % divisor) >= divisor ? 1n : 0n);
  }
  if (kept === 0n) {
    return 0;
  }
  const magnitude = Number(`${kept}e${-places}`);
  return value < 0 ? -magnitude : magnitude;
}
