import type { MessageCode } from "./messages.ts";

/** Where a problem is: a file with a line and column, or a path inside a file (a field, a cell). */
export interface Place {
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  /** a path inside the file: `candidates[3].data.population`, `申报单位!F7` */
  readonly path?: string;
}

/** Values a message is filled with. */
export type MessageParams = Readonly<Record<string, string | number>>;

/** A problem found in input data or rule files; never thrown, always collected. */
export interface Issue {
  readonly severity: "error" | "warning";
  readonly code: MessageCode;
  readonly place: Place;
  readonly params: MessageParams;
}

/** A line for a person (a reason, a note), translated when shown. */
export interface Message {
  readonly code: MessageCode;
  readonly params: MessageParams;
}

/** Builds an error issue. */
export function error(code: MessageCode, place: Place, params: MessageParams = {}): Issue {
  return { severity: "error", code, place, params };
}

/** Builds a warning issue. */
export function warning(code: MessageCode, place: Place, params: MessageParams = {}): Issue {
  return { severity: "warning", code, place, params };
}

/** True when any issue is an error. */
export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((issue) => issue.severity === "error");
}

/**
 * The issues without repeats, in their order: one issue per place, code and parameters, however
 * many candidates or levels found it.
 */
export function uniqueIssues(issues: Iterable<Issue>): Issue[] {
  const seen = new Set<string>();
  const unique: Issue[] = [];
  for (const issue of issues) {
    const key = `${issue.place.file}|${issue.place.line}|${issue.place.path}|${issue.code}|${JSON.stringify(issue.params)}`;
    if (!seen.has(key)) {
      seen.add(key);
      unique.push(issue);
    }
  }
  return unique;
}
