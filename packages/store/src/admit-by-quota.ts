import type { Level, UnitType } from "@ceping/engine";
import type { RankedCandidate } from "./rank-candidates.ts";

/** Whom a quota is for: every candidate of its level, one unit type, or one region. */
export type QuotaScope =
  | { readonly kind: "level" }
  | { readonly kind: "unit_type"; readonly value: UnitType }
  | { readonly kind: "region"; readonly value: string };

/** A number of places at a level for the candidates in a scope, admitted in rank order. */
export interface Quota {
  readonly id: string;
  readonly level: Level;
  readonly scope: QuotaScope;
  readonly seats: number;
}

/** Whom a quota admits, and what keeps it from being settled. */
export interface QuotaOutcome {
  readonly quota: Quota;
  /** admitted, in rank order */
  readonly admitted: readonly string[];
  /** a tie across the cut line the chain could not break: these compete for `seats` places */
  readonly tiedAtCut?: { readonly candidates: readonly string[]; readonly seats: number };
  /** in scope but without a final result yet (pending the panel, incomplete): the outcome may change */
  readonly unsettled: readonly string[];
}

/**
 * Admits the ranked (eligible) candidates in a quota's scope in rank order until its seats are
 * taken. A group sharing a rank that does not fit in the seats left is a tie at the cut line: it
 * is reported, nobody in it is admitted, and it waits for the chair.
 */
export function admitByQuota(
  ranking: readonly RankedCandidate[],
  quota: Quota,
  inScope: (id: string) => boolean,
  unsettled: readonly string[] = [],
): QuotaOutcome {
  const eligible = ranking.filter((entry) => inScope(entry.id));
  const admitted: string[] = [];
  let left = quota.seats;
  for (let start = 0; start < eligible.length && left > 0;) {
    let end = start + 1;
    while (end < eligible.length && eligible[end]?.rank === eligible[start]?.rank) {
      end += 1;
    }
    const group = eligible.slice(start, end).map((entry) => entry.id);
    if (group.length > left) {
      return {
        quota,
        admitted,
        tiedAtCut: { candidates: group, seats: left },
        unsettled: unsettled.filter(inScope),
      };
    }
    admitted.push(...group);
    left -= group.length;
    start = end;
  }
  return { quota, admitted, unsettled: unsettled.filter(inScope) };
}
