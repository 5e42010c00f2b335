import type { Level } from "@ceping/engine";
import type { QuotaScope } from "./admit-by-quota.ts";

/**
 * The id a quota gets from its level and scope (`county`, `county-village`, `county-河西镇`), so
 * that setting a quota for the same scope again replaces it, in the UI and on the command line.
 */
export function quotaId(level: Level, scope: QuotaScope): string {
  return scope.kind === "level" ? level : `${level}-${scope.value}`;
}
