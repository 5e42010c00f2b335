import { createHash } from "node:crypto";

/**
 * JSON with object keys sorted and no whitespace (RFC 8785 for the values we store: strings,
 * finite numbers, booleans, null, arrays, objects), so equal content always hashes the same.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map((item: unknown) => canonicalJson(item ?? null)).join(",")}]`;
  }
  if (value !== null && typeof value === "object") {
    const record = value as Record<string, unknown>;
    const entries = Object.keys(record)
      .sort()
      .filter((key) => record[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`);
    return `{${entries.join(",")}}`;
  }
  if (typeof value === "number" && !Number.isFinite(value)) {
    // JSON has no NaN or Infinity; refuse rather than hash a lossy "null"
    throw new TypeError(`canonicalJson: ${value} is not a JSON number`);
  }
  return JSON.stringify(value) ?? "null";
}

/** SHA-256 of a text, as 64 lower-case hex digits. */
export function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}
