import { canonicalJson, parseUnitType } from "@ceping/engine";
import type { Level } from "@ceping/engine";
import type { Quota } from "./admit-by-quota.ts";

/** What is wrong with a quota, each as the parameters of a `store.quota` issue: none when it is sound. */
export function quotaProblems(
  quota: Pick<Quota, "level" | "scope" | "seats">,
  levels: readonly Level[],
): { problem: "seats" | "level" | "scope"; found: string | number }[] {
  const { level, scope, seats } = quota;
  const problems: { problem: "seats" | "level" | "scope"; found: string | number }[] = [];
  if (!Number.isInteger(seats) || seats < 1) {
    problems.push({ problem: "seats", found: seats });
  }
  if (!levels.includes(level)) {
    problems.push({ problem: "level", found: String(level) });
  }
  const fits =
    scope.kind === "level" ||
    (scope.kind === "unit_type" && parseUnitType(String(scope.value)) === scope.value) ||
    (scope.kind === "region" && typeof scope.value === "string" && scope.value.trim() !== "");
  if (!fits) {
    problems.push({ problem: "scope", found: canonicalJson(scope) });
  }
  return problems;
}
