import { roundHalfAwayFromZero } from "./operations.ts";

/**
 * Points are kept as whole hundredths ("cents") so that sums are exact: 89.99 never passes 90
 * and 0.1 + 0.2 is 0.3.
 */
export type Cents = number;

/** Rounds a computed value half up to two decimals and returns it in hundredths. */
export function toCents(value: number): Cents {
  const rounded = roundHalfAwayFromZero(value, 2) as number;
  return Math.round(rounded * 100);
}

/** Hundredths back to a number with at most two decimals, for JSON and display. */
export function fromCents(cents: Cents): number {
  return cents / 100;
}

/** Clamps hundredths to [0, max]. */
export function clampCents(cents: Cents, max: Cents): Cents {
  return cents < 0 ? 0 : cents > max ? max : cents;
}

/** Formats hundredths with two decimals: 9150 → "91.50". */
export function formatCents(cents: Cents): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

/** The mean of hundredths, rounded half up to a hundredth, exactly (integer arithmetic). */
export function meanCents(values: readonly Cents[]): Cents {
  let sum = 0;
  for (const value of values) {
    sum += value;
  }
  const n = values.length;
  // half up for non-negative sums: floor((2·sum + n) / 2n)
  return sum >= 0 ? Math.floor((2 * sum + n) / (2 * n)) : -Math.floor((-2 * sum + n) / (2 * n));
}
