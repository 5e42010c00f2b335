import { dateKey, firstDayWithinYears, yearsBetweenKeys } from "./dates.ts";

/** Operations a rule may use: json-logic-js 2.0.5's own, less I/O and run-time keys, plus the spec's. */
export const OPERATION_NAMES: readonly string[] = [
  "==",
  "===",
  "!=",
  "!==",
  ">",
  ">=",
  "<",
  "<=",
  "!!",
  "!",
  "%",
  "in",
  "cat",
  "substr",
  "+",
  "*",
  "-",
  "/",
  "min",
  "max",
  "merge",
  "var",
  "if",
  "?:",
  "and",
  "or",
  "filter",
  "map",
  "reduce",
  "all",
  "none",
  "some",
  "ratio",
  "years_since",
  "within_years",
  "count",
  "sum",
  "round",
];

// a Set has no prototype chain to fall into: "constructor" or "__proto__" are simply absent
const OPERATION_SET: ReadonlySet<string> = new Set(OPERATION_NAMES);

const FORBIDDEN_NAMES: ReadonlySet<string> = new Set([
  ...Object.getOwnPropertyNames(Object.prototype),
  "__proto__",
  "prototype",
  "constructor",
]);

/** True when a rule may use the operation. */
export function isOperationName(name: string): boolean {
  return OPERATION_SET.has(name);
}

/** True when a `var` path segment would reach into prototypes: `constructor`, `__proto__` … */
export function isForbiddenName(segment: string): boolean {
  return FORBIDDEN_NAMES.has(segment);
}

/**
 * The name a `var` reads, as json-logic-js reads it (`String(path)`, an absent path is the whole
 * data); undefined when the path is computed, which a rule file may not do.
 */
export function varPathName(target: unknown): string | undefined {
  if (target === null || target === undefined) {
    return "";
  }
  if (typeof target === "string") {
    return target;
  }
  return typeof target === "number" || typeof target === "boolean" ? String(target) : undefined;
}

/** JSON Logic truthiness as json-logic-js defines it: like JavaScript, but an empty array is false. */
export function truthy(value: unknown): boolean {
  if (Array.isArray(value) && value.length === 0) {
    return false;
  }
  return Boolean(value);
}

/** `parseFloat` as json-logic-js's `+` and `*` apply it, with a fast path for numbers. */
export function toNumber(value: unknown): number {
  // parseFloat(String(-0)) is 0, and x + 0 is the only change parseFloat makes to a number
  return typeof value === "number" ? value + 0 : parseFloat(String(value));
}

/** A value as `cat` joins it: null and undefined are empty. */
export function toText(value: unknown): string {
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- join shows an object as "[object Object]" too, and cat must match it
  return value === null || value === undefined ? "" : String(value);
}

/** json-logic-js's `in`: a substring of a string, or an element of an array. */
export function inOperation(needle: unknown, haystack: unknown): boolean {
  if (!haystack || typeof (haystack as { indexOf?: unknown }).indexOf === "undefined") {
    return false;
  }
  return (haystack as { indexOf(value: unknown): number }).indexOf(needle) !== -1;
}

/** json-logic-js's `substr`: a negative length counts from the end, as PHP's does. */
export function substr(source: unknown, start: unknown, length: unknown): string {
  // the casts keep JavaScript's own coercions, which is what json-logic-js does with these values
  if ((length as number) < 0) {
    const rest = String(source).substr(start as number);
    return rest.substr(0, rest.length + (length as number));
  }
  return String(source).substr(start as number, length as number);
}

/** The spec's `ratio`: a / b, or null when b is 0 or either is missing. */
export function ratio(dividend: unknown, divisor: unknown): number | null {
  if (dividend === null || dividend === undefined || divisor === null || divisor === undefined) {
    return null;
  }
  const by = Number(divisor);
  return by === 0 ? null : Number(dividend) / by;
}

// the assessment date is the same for every call of a run: read it once
let lastOn = "";
let lastOnKey = NaN;

function assessmentKey(on: string): number {
  if (on !== lastOn) {
    const key = dateKey(on);
    if (Number.isNaN(key)) {
      throw new RangeError(`the assessment date is not a date (YYYY-MM-DD): ${JSON.stringify(on)}`);
    }
    lastOn = on;
    lastOnKey = key;
  }
  return lastOnKey;
}

/** The spec's `years_since`: whole years from the date to `on`, or null when it is not a date. */
export function yearsSince(date: unknown, on: string): number | null {
  const key = typeof date === "string" ? dateKey(date) : NaN;
  return Number.isNaN(key) ? null : yearsBetweenKeys(key, assessmentKey(on));
}

// within_years's cutoff for the latest assessment date and number of years: rules use one or
// two literal numbers of years, so this is a parse-free comparison on almost every call
let cutoffEnd = NaN;
let cutoffYears = NaN;
let cutoffFirst = Infinity;

function firstWithin(end: number, years: number): number {
  if (end !== cutoffEnd || years !== cutoffYears) {
    cutoffFirst = firstDayWithinYears(end, years);
    cutoffEnd = end;
    cutoffYears = years;
  }
  return cutoffFirst;
}

/** The spec's `within_years`: the date is not after `on` and less than `years` whole years before it. */
export function withinYears(date: unknown, years: unknown, on: string): boolean {
  const key = typeof date === "string" ? dateKey(date) : NaN;
  if (Number.isNaN(key)) {
    return false;
  }
  return isWithinYearsKey(key, years, assessmentKey(on));
}

/** `within_years` on day keys (dateKey): NaN is no date. Number() makes "3" work like 3, as `<` would. */
function isWithinYearsKey(key: number, years: unknown, end: number): boolean {
  return key <= end && key >= firstWithin(end, Number(years));
}

const POWERS_OF_TEN: readonly number[] = Array.from({ length: 16 }, (_, power) => 10 ** power);

/**
 * |value| × scale rounded half up as on the decimal written (the 15 significant digits that
 * give the value back), when that is below 1e9; else -1. scale is a power of ten.
 */
export function roundedMagnitude(magnitude: number, scale: number): number {
  const scaled = magnitude * scale;
  // false for NaN and infinities too
  if (!(scaled < 1e9)) {
    return -1;
  }
  const whole = Math.floor(scaled);
  const fraction = scaled - whole;
  // away from a half, the binary noise (below 1e-5 at this size) cannot change the result
  if (Math.abs(fraction - 0.5) > 1e-5) {
    return fraction > 0.5 ? whole + 1 : whole;
  }
  return isHalfUp(magnitude, (whole + 0.5) / scale) ? whole + 1 : whole;
}

// Near a half, the 15-digit decimal decides: up when Number(magnitude.toPrecision(15)) >= half.
// half is the double nearest the decimal D = (whole + 0.5) / scale, of at most 10 digits, so
// toPrecision(15) gives D back for it and rounding is monotone: at or above half is up. Below
// it, up exactly when magnitude rounds to D at 15 digits, i.e. lies within half a unit u of the
// 15th digit of D; half lies within 0.12 u of D, so the distance to half decides unless it is
// between 0.3 u and 0.7 u, which only the text can.
function isHalfUp(magnitude: number, half: number): boolean {
  if (magnitude >= half) {
    return true;
  }
  const unit = 10 ** (Math.floor(Math.log10(half)) - 14);
  const below = half - magnitude;
  if (below <= 0.3 * unit) {
    return true;
  }
  if (below >= 0.7 * unit) {
    return false;
  }
  return Number(magnitude.toPrecision(15)) >= half;
}

/** The spec's `round`: half away from zero on the decimal written, so round(1.005, 2) is 1.01. */
export function roundHalfAwayFromZero(value: unknown, digits: unknown = 0): number | null {
  // null stays null, NaN and infinities pass through, and digits must be a whole number (or throw)
  if (value === null || value === undefined) {
    return null;
  }
  const number = toNumber(value);
  const places = toNumber(digits);
  if (!Number.isInteger(places)) {
    throw new RangeError(`round: digits must be a whole number, found ${String(digits)}`);
  }
  if (!Number.isFinite(number)) {
    return number;
  }
  if (places >= 0 && places < POWERS_OF_TEN.length) {
    const scale = POWERS_OF_TEN[places] ?? 1;
    const kept = roundedMagnitude(Math.abs(number), scale);
    if (kept === 0) {
      return 0;
    }
    if (kept > 0) {
      // kept and scale are exact, so the division is correctly rounded like the parse below
      return number < 0 ? -kept / scale : kept / scale;
    }
  }
  // 1.005 is stored as 1.00499999…; 15 significant digits give back the decimal that was written
  const clean = Number(number.toPrecision(15));
  const [mantissa = "0", exponent = "0"] = Math.abs(clean).toExponential().split("e");
  const significand = mantissa.replace(".", "");
  // |clean| = significand × 10^scale, and |clean| × 10^places = significand × 10^(scale + places)
  const scale = Number(exponent) - (significand.length - 1);
  const dropped = -(scale + places);
  if (dropped <= 0) {
    return clean === 0 ? 0 : clean;
  }
  let kept = 0;
  if (dropped <= significand.length) {
    const cut = significand.length - dropped;
    kept = cut === 0 ? 0 : Number(significand.slice(0, cut));
    if (significand.charCodeAt(cut) >= "5".charCodeAt(0)) {
      kept += 1;
    }
  }
  if (kept === 0) {
    return 0;
  }
  // parsing the decimal text gives the double nearest kept / 10^places, with no binary detour
  const magnitude = Number(`${kept}e${-places}`);
  return clean < 0 ? -magnitude : magnitude;
}
