import type { Issue } from "@ceping/engine";

/** What an action gives: its value and any warnings, or the problems that stopped it (nothing written). */
export type Result<T> =
  | { readonly ok: true; readonly value: T; readonly issues: readonly Issue[] }
  | { readonly ok: false; readonly issues: readonly Issue[] };
