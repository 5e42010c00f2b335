/** A calendar date without a time or a time zone. */
export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    return isLeapYear(year) ? 29 : 28;
  }
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

// a character's digit value, or a number above 9 for anything else (>>> 0 wraps negatives)
function digitAt(text: string, index: number): number {
  return (text.charCodeAt(index) - 48) >>> 0;
}

/** A date as one integer (year × 10000 + month × 100 + day, ordered like dates), or NaN. */
export function dateKey(text: string): number {
  // NaN unless exactly YYYY-MM-DD and a real date; read by character, not by RegExp, as rules
  // call this once per row
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) {
    return NaN;
  }
  const y0 = digitAt(text, 0);
  const y1 = digitAt(text, 1);
  const y2 = digitAt(text, 2);
  const y3 = digitAt(text, 3);
  const m0 = digitAt(text, 5);
  const m1 = digitAt(text, 6);
  const d0 = digitAt(text, 8);
  const d1 = digitAt(text, 9);
  if (y0 > 9 || y1 > 9 || y2 > 9 || y3 > 9 || m0 > 9 || m1 > 9 || d0 > 9 || d1 > 9) {
    return NaN;
  }
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const month = m0 * 10 + m1;
  const day = d0 * 10 + d1;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return NaN;
  }
  return year * 10_000 + month * 100 + day;
}

function keyOrThrow(text: string, role: string): number {
  const key = dateKey(text);
  if (Number.isNaN(key)) {
    throw new RangeError(`${role} is not a date (YYYY-MM-DD): ${JSON.stringify(text)}`);
  }
  return key;
}

// a 29 February anniversary falls on 1 March in a year without one; yearsBetween and addYears
// both go through here so that they agree
function shiftYears(key: number, years: number): number {
  const year = Math.floor(key / 10_000) + years;
  const monthDay = key % 10_000;
  return monthDay === 229 && !isLeapYear(year) ? year * 10_000 + 301 : year * 10_000 + monthDay;
}

/** Whole years between two dateKey values, counted as yearsBetween counts them. */
export function yearsBetweenKeys(from: number, to: number): number {
  const years = Math.floor(to / 10_000) - Math.floor(from / 10_000);
  return shiftYears(from, years) <= to ? years : years - 1;
}

/**
 * The first day key within `years` years before `end` (both as dateKey gives them): a valid day
 * key k is within exactly when `first <= k && k <= end`. Infinity when no day is, -Infinity when
 * every day up to `end` is. Years compare as yearsBetweenKeys(k, end) < years does, so 2.5
 * behaves as 3 and NaN or 0 hold nowhere.
 */
export function firstDayWithinYears(end: number, years: number): number {
  if (!(years > 0)) {
    return Infinity;
  }
  const whole = Math.ceil(years);
  const endYear = Math.floor(end / 10_000);
  if (whole > endYear) {
    // even 0000-01-01 has fewer whole years to `end` than `whole`
    return -Infinity;
  }
  // k is within exactly when its whole-th anniversary is after end, which is monotone in k;
  // the same day `whole` years back is not (29 February may not exist then: start on the 28th)
  const year = endYear - whole;
  const month = Math.floor(end / 100) % 100;
  let key = year * 10_000 + month * 100 + Math.min(end % 100, daysInMonth(year, month));
  while (shiftYears(key, whole) <= end) {
    key = nextDayKey(key);
  }
  return key;
}

function nextDayKey(key: number): number {
  const year = Math.floor(key / 10_000);
  const month = Math.floor(key / 100) % 100;
  const day = key % 100;
  if (day < daysInMonth(year, month)) {
    return key + 1;
  }
  return month < 12 ? year * 10_000 + (month + 1) * 100 + 1 : (year + 1) * 10_000 + 101;
}

/** Reads `YYYY-MM-DD` as a calendar date; undefined unless the text is exactly a real date. */
export function parseIsoDate(text: string): CalendarDate | undefined {
  const key = dateKey(text);
  if (Number.isNaN(key)) {
    return undefined;
  }
  return { year: Math.floor(key / 10_000), month: Math.floor(key / 100) % 100, day: key % 100 };
}

/** Whole years from `from` to `to` as on a birthday; negative, rounded down, when `to` is earlier. */
export function yearsBetween(from: string, to: string): number {
  // the largest n whose anniversary addYears(from, n) is not after to: one day before is -1
  return yearsBetweenKeys(keyOrThrow(from, "from"), keyOrThrow(to, "to"));
}

/** The date `years` whole years after `date` (before, when negative); 29 February may become 1 March. */
export function addYears(date: string, years: number): string {
  if (!Number.isSafeInteger(years)) {
    throw new RangeError(`years must be a whole number: ${years}`);
  }
  const key = keyOrThrow(date, "date");
  const year = Math.floor(key / 10_000) + years;
  if (year < 0 || year > 9999) {
    throw new RangeError(`${date} plus ${years} years is outside the years 0000 to 9999`);
  }
  const shifted = shiftYears(key, years);
  const text = String(shifted).padStart(8, "0");
  return `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6)}`;
}

/** True when `date` is not after `on` and less than `years` whole years before it. */
export function isWithinYears(date: string, years: number, on: string): boolean {
  const start = keyOrThrow(date, "date");
  const end = keyOrThrow(on, "on");
  return start <= end && yearsBetweenKeys(start, end) < years;
}
