import type { Issue } from "@ceping/engine";

/** The command line was wrong: exit 2 with the usage. */
export class UsageError extends Error {
  override readonly name = "UsageError";
  readonly code = "USAGE";
}

/** The input has problems: exit 1, each printed with its place. */
export class InputError extends Error {
  override readonly name = "InputError";
  readonly code = "INPUT";
  readonly issues: readonly Issue[];
  constructor(issues: readonly Issue[]) {
    super(`${issues.length} problems in the input`);
    this.issues = issues;
  }
}
