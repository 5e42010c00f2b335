import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addYears,
  dateKey,
  firstDayWithinYears,
  isWithinYears,
  parseIsoDate,
  yearsBetween,
  yearsBetweenKeys,
} from "./dates.ts";

// dates from 1900 to 2100, with the days around 29 February drawn often
const isoDate = fc.oneof(
  fc
    .date({
      min: new Date("1900-01-01T00:00:00Z"),
      max: new Date("2100-12-31T00:00:00Z"),
      noInvalidDate: true,
    })
    .map((date) => date.toISOString().slice(0, 10)),
  fc
    .tuple(
      fc.integer({ min: 1995, max: 2030 }),
      fc.constantFrom("02-27", "02-28", "02-29", "03-01", "12-31", "01-01"),
    )
    .map(([year, day]) => `${year}-${day}`)
    .filter((text) => parseIsoDate(text) !== undefined),
);

describe("parseIsoDate", () => {
  it("reads a real calendar date", () => {
    expect(parseIsoDate("2026-11-29")).toEqual({ year: 2026, month: 11, day: 29 });
    expect(parseIsoDate("2024-02-29")).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parseIsoDate("2000-02-29")).toEqual({ year: 2000, month: 2, day: 29 });
  });

  it("refuses dates that do not exist and text that is not exactly YYYY-MM-DD", () => {
    const refused = [
      "2023-02-29",
      "1900-02-29",
      "2026-04-31",
      "2026-13-01",
      "2026-00-10",
      "2026-01-00",
      "2026-1-5",
      "26-01-05",
      "2026-01-05T00:00:00Z",
      " 2026-01-05",
      "2026-01-05\n",
      "2026/01/05",
      "",
      "２０２６-01-05",
      "2026-0a-05",
      "-026-01-05",
    ];
    expect(refused.map(parseIsoDate)).toEqual(refused.map(() => undefined));
  });
});

describe("dateKey", () => {
  it("is one integer per date, ordered like the dates, and NaN for what is no date", () => {
    expect(dateKey("2026-11-29")).toBe(20261129);
    expect(dateKey("0000-01-01")).toBe(101);
    expect(
      ["2026-0a-05", "-026-01-05", "2026-01-5 ", "2026_01_05", "2025-02-29"].map(dateKey),
    ).toEqual([NaN, NaN, NaN, NaN, NaN]);
  });

  it("orders as the ISO text does", () => {
    fc.assert(
      fc.property(isoDate, isoDate, (left, right) => {
        expect(dateKey(left) < dateKey(right)).toBe(left < right);
      }),
    );
  });

  it("gives yearsBetweenKeys what yearsBetween gives", () => {
    fc.assert(
      fc.property(isoDate, isoDate, (from, to) => {
        expect(yearsBetweenKeys(dateKey(from), dateKey(to))).toBe(yearsBetween(from, to));
      }),
    );
  });
});

describe("yearsBetween", () => {
  it("counts whole years as on a birthday", () => {
    expect(yearsBetween("2023-12-20", "2026-11-29")).toBe(2);
    expect(yearsBetween("2023-11-29", "2026-11-29")).toBe(3);
    expect(yearsBetween("2023-11-30", "2026-11-29")).toBe(2);
    expect(yearsBetween("2026-11-29", "2026-11-29")).toBe(0);
  });

  it("lets a 29 February anniversary fall on 1 March in a common year", () => {
    expect(yearsBetween("2024-02-29", "2025-02-28")).toBe(0);
    expect(yearsBetween("2024-02-29", "2025-03-01")).toBe(1);
    expect(yearsBetween("2024-02-29", "2028-02-28")).toBe(3);
    expect(yearsBetween("2024-02-29", "2028-02-29")).toBe(4);
  });

  it("is negative, rounded down, when the second date comes first", () => {
    expect(yearsBetween("2026-11-29", "2026-11-28")).toBe(-1);
    expect(yearsBetween("2026-11-29", "2025-11-29")).toBe(-1);
    expect(yearsBetween("2026-11-29", "2025-11-28")).toBe(-2);
  });

  it("throws a RangeError on text that is not a date", () => {
    expect(() => yearsBetween("2023-02-29", "2026-11-29")).toThrow(RangeError);
    expect(() => yearsBetween("2023-02-28", "soon")).toThrow(
      'to is not a date (YYYY-MM-DD): "soon"',
    );
  });
});

describe("addYears", () => {
  it("moves a date by whole years, 29 February to 1 March in a common year", () => {
    expect(addYears("2023-11-29", 3)).toBe("2026-11-29");
    expect(addYears("2024-02-29", 1)).toBe("2025-03-01");
    expect(addYears("2024-02-29", 4)).toBe("2028-02-29");
    expect(addYears("2024-02-29", -1)).toBe("2023-03-01");
    expect(addYears("0005-06-07", -5)).toBe("0000-06-07");
  });

  it("refuses fractional years and results outside 0000 to 9999", () => {
    expect(() => addYears("2024-01-01", 1.5)).toThrow("years must be a whole number: 1.5");
    expect(() => addYears("9999-01-01", 1)).toThrow(RangeError);
    expect(() => addYears("0000-01-01", -1)).toThrow(RangeError);
  });

  it("agrees with yearsBetween: addYears(d, n) <= on exactly when yearsBetween(d, on) >= n", () => {
    fc.assert(
      fc.property(isoDate, isoDate, fc.integer({ min: -210, max: 210 }), (date, on, years) => {
        expect(addYears(date, years) <= on).toBe(yearsBetween(date, on) >= years);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("isWithinYears", () => {
  it("holds after the same day n years before, up to and including the date itself", () => {
    expect(isWithinYears("2023-11-30", 3, "2026-11-29")).toBe(true);
    expect(isWithinYears("2023-11-29", 3, "2026-11-29")).toBe(false);
    expect(isWithinYears("2026-11-29", 3, "2026-11-29")).toBe(true);
    expect(isWithinYears("2026-11-30", 3, "2026-11-29")).toBe(false);
    expect(isWithinYears("2026-11-29", 0, "2026-11-29")).toBe(false);
  });

  it("treats 29 February by its 1 March anniversary", () => {
    expect(isWithinYears("2024-02-29", 1, "2025-02-28")).toBe(true);
    expect(isWithinYears("2024-02-29", 1, "2025-03-01")).toBe(false);
  });

  it("holds when the date is not after on and its n-th anniversary is", () => {
    fc.assert(
      fc.property(isoDate, isoDate, fc.integer({ min: 0, max: 20 }), (date, on, years) => {
        const expected = date <= on && addYears(date, years) > on;
        expect(isWithinYears(date, years, on)).toBe(expected);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("firstDayWithinYears", () => {
  it("is the first day within n years: every day from it to on is, no day before it is", () => {
    const years = fc.oneof(
      fc.integer({ min: -2, max: 30 }),
      fc.constantFrom(0.5, 1.5, 2.5, Number.EPSILON, NaN, Infinity, -Infinity, 1e9, 2100),
    );
    fc.assert(
      fc.property(isoDate, years, fc.integer({ min: -3, max: 3 }), (on, n, days) => {
        const end = dateKey(on);
        const first = firstDayWithinYears(end, n);
        // the days around the cut, and around 29 February, by their own definition
        const candidates = [
          addYears(on, -Math.min(Math.max(Math.ceil(n) || 0, 0), 1900)),
          ...(Number.isFinite(first) ? [first] : []).map((key) => {
            const text = String(key).padStart(8, "0");
            return `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6)}`;
          }),
        ].flatMap((text) => {
          const time = Date.parse(`${text}T00:00:00Z`) + days * 86_400_000;
          return Number.isNaN(time) ? [] : [new Date(time).toISOString().slice(0, 10)];
        });
        for (const text of candidates) {
          const key = dateKey(text);
          const expected = key <= end && yearsBetweenKeys(key, end) < n;
          expect(key >= first && key <= end).toBe(expected);
        }
      }),
      { numRuns: 5000 },
    );
  });

  it("keeps 29 February by its 1 March anniversary", () => {
    expect(firstDayWithinYears(dateKey("2025-02-28"), 1)).toBe(dateKey("2024-02-29"));
    expect(firstDayWithinYears(dateKey("2025-03-01"), 1)).toBe(dateKey("2024-03-02"));
    expect(firstDayWithinYears(dateKey("2028-02-29"), 4)).toBe(dateKey("2024-03-01"));
    expect(firstDayWithinYears(dateKey("2026-11-29"), 0)).toBe(Infinity);
    expect(firstDayWithinYears(dateKey("2026-11-29"), 2027)).toBe(-Infinity);
  });
});
