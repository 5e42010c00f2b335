import { UNIT_TYPES } from "@ceping/engine";
import type { CandidateScore, Level, LevelScore, Status, UnitType } from "@ceping/engine";
import type { SessionView } from "./panel-session.ts";

/** The order statuses are listed and sorted in: the best first. */
export const STATUS_ORDER: readonly Status[] = [
  "eligible",
  "below_threshold",
  "pending_panel",
  "incomplete",
  "precondition_failed",
  "vetoed",
];

export const SORT_KEYS = ["total", "id", "name", "status"] as const;
export type SortKey = (typeof SORT_KEYS)[number];

/** How the candidates list is narrowed and ordered. */
export interface ListFilter {
  readonly level: Level;
  readonly unitType: UnitType | null;
  readonly status: Status | null;
  readonly sort: SortKey;
  /** part of a name or an id */
  readonly query: string;
}

/** A candidate as a row of the list, at one level. */
export interface CandidateRow {
  readonly result: CandidateScore;
  readonly score: LevelScore;
  /** its rank among the eligible at the level */
  readonly rank?: number;
  readonly tied: boolean;
  /** divergence flags on it that wait for the chair */
  readonly openFlags: number;
}

const collator = new Intl.Collator("zh");

/** Every candidate scored at the level, as rows, before any filter. */
export function levelRows(view: SessionView, level: Level): CandidateRow[] {
  const standing = view.standings.find((entry) => entry.level === level);
  const ranks = new Map(standing?.ranking.map((entry) => [entry.id, entry]));
  const flags = new Map<string, number>();
  for (const flag of standing?.flags ?? []) {
    if (flag.candidate !== undefined && !flag.disposition) {
      flags.set(flag.candidate, (flags.get(flag.candidate) ?? 0) + 1);
    }
  }
  const rows: CandidateRow[] = [];
  for (const result of view.results) {
    const score = result.levels.find((entry) => entry.level === level);
    if (!score) {
      continue;
    }
    const ranked = ranks.get(result.candidate.id);
    rows.push({
      result,
      score,
      ...(ranked && { rank: ranked.rank }),
      tied: ranked?.tied ?? false,
      openFlags: flags.get(result.candidate.id) ?? 0,
    });
  }
  return rows;
}

function byId(a: CandidateRow, b: CandidateRow): number {
  const x = a.result.candidate.id;
  const y = b.result.candidate.id;
  return x < y ? -1 : x > y ? 1 : 0;
}

const COMPARE: Readonly<Record<SortKey, (a: CandidateRow, b: CandidateRow) => number>> = {
  total: (a, b) => b.score.total - a.score.total || byId(a, b),
  id: byId,
  name: (a, b) => collator.compare(a.result.candidate.name, b.result.candidate.name) || byId(a, b),
  status: (a, b) =>
    STATUS_ORDER.indexOf(a.score.status) - STATUS_ORDER.indexOf(b.score.status) ||
    b.score.total - a.score.total ||
    byId(a, b),
};

/** The rows in a sort order: sorted once, so that filtering and searching need not sort again. */
export function sortRows(rows: readonly CandidateRow[], sort: SortKey): CandidateRow[] {
  return [...rows].sort(COMPARE[sort]);
}

/** The rows a filter keeps, in the order they come in. */
export function filterRows(
  rows: readonly CandidateRow[],
  filter: Omit<ListFilter, "level" | "sort">,
): CandidateRow[] {
  const query = filter.query.trim().toLowerCase();
  if (filter.unitType === null && filter.status === null && query === "") {
    return rows as CandidateRow[];
  }
  return rows.filter(
    ({ result, score }) =>
      (filter.unitType === null || result.candidate.unitType === filter.unitType) &&
      (filter.status === null || score.status === filter.status) &&
      (query === "" ||
        result.candidate.name.toLowerCase().includes(query) ||
        result.candidate.id.toLowerCase().includes(query)),
  );
}

/** The unit types among the candidates, in the vocabulary's order. */
export function unitTypesOf(results: readonly CandidateScore[]): UnitType[] {
  const present = new Set(results.map((result) => result.candidate.unitType));
  return UNIT_TYPES.filter((type) => present.has(type));
}

/** The next of a cycle of choices, where null stands for "all". */
export function nextOf<T>(choices: readonly T[], current: T | null): T | null {
  if (current === null) {
    return choices[0] ?? null;
  }
  const index = choices.indexOf(current);
  return index < 0 || index === choices.length - 1 ? null : (choices[index + 1] as T);
}
