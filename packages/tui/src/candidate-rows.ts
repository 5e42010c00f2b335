import { UNIT_TYPES } from "@ceping/engine";
import type { CandidateScore, Level, LevelScore, Status, UnitType } from "@ceping/engine";
import type { RankedEntry, SessionView } from "./panel-session.ts";
import { rankStrings } from "./string-ranks.ts";

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

// Thousands of candidates: each key must cost a few milliseconds. A view never changes (a new
// one comes after every change), so what is worked out from it is kept per view, and the sort
// orders per array of rows.
const collator = new Intl.Collator("zh");
const idRanks = rankStrings((a, b) => (a < b ? -1 : a > b ? 1 : 0));
const nameRanks = rankStrings((a, b) => collator.compare(a, b));
const rowsOfView = new WeakMap<SessionView, Map<Level, CandidateRow[]>>();

/** Every candidate scored at the level, as rows, before any filter: made once per view and level, and shared. */
export function levelRows(view: SessionView, level: Level): CandidateRow[] {
  let byLevel = rowsOfView.get(view);
  if (!byLevel) {
    byLevel = new Map();
    rowsOfView.set(view, byLevel);
  }
  let rows = byLevel.get(level);
  if (!rows) {
    rows = makeLevelRows(view, level);
    byLevel.set(level, rows);
  }
  return rows;
}

function makeLevelRows(view: SessionView, level: Level): CandidateRow[] {
  const standing = view.standings.find((entry) => entry.level === level);
  const ranks = new Map<string, RankedEntry>();
  for (const entry of standing?.ranking ?? []) {
    ranks.set(entry.id, entry);
  }
  const flags = new Map<string, number>();
  for (const flag of standing?.flags ?? []) {
    if (flag.candidate !== undefined && !flag.disposition) {
      flags.set(flag.candidate, (flags.get(flag.candidate) ?? 0) + 1);
    }
  }
  const rows: CandidateRow[] = [];
  for (const result of view.results) {
    let score: LevelScore | undefined;
    for (const entry of result.levels) {
      if (entry.level === level) {
        score = entry;
        break;
      }
    }
    if (!score) {
      continue;
    }
    const { id } = result.candidate;
    const ranked = ranks.get(id);
    const openFlags = flags.get(id) ?? 0;
    // two literals rather than a spread: a spread per row costs more than the rest of the loop
    rows.push(
      ranked
        ? { result, score, rank: ranked.rank, tied: ranked.tied, openFlags }
        : { result, score, tied: false, openFlags },
    );
  }
  return rows;
}

/**
 * What the list's keys will ask of a view, as small tasks to run ahead while no key is pressed:
 * the ranks of ids and names (sorting 10,000 names with Intl.Collator takes about 10 ms), the
 * level's rows in the other sort orders (`o`), the other levels' rows in this order (`l`), and
 * the level's rows by id (the results' screen).
 */
export function listTasks(
  view: SessionView,
  levels: readonly Level[],
  level: Level,
  sort: SortKey,
): (() => unknown)[] {
  const tasks: (() => unknown)[] = [
    () => idRanks(view.results.map((result) => result.candidate.id)),
    () => nameRanks(view.results.map((result) => result.candidate.name)),
  ];
  // each order with its positions, so that the cursor is found at once when it is shown
  for (const other of SORT_KEYS) {
    tasks.push(() => positionsOf(sortRows(levelRows(view, level), other)));
  }
  for (const other of levels) {
    tasks.push(() => positionsOf(sortRows(levelRows(view, other), sort)));
  }
  // the results screen (`4`) looks the level's candidates up by id
  tasks.push(() => rowsById(levelRows(view, level)));
  return tasks;
}

interface Orders {
  /** each row's rank by id */
  ids?: Int32Array;
  readonly sorted: Map<SortKey, CandidateRow[]>;
}

const ordersOf = new WeakMap<readonly CandidateRow[], Orders>();

/** The rows in a sort order: sorted once per array of rows, so that filters need not sort again. */
export function sortRows(rows: readonly CandidateRow[], sort: SortKey): CandidateRow[] {
  let orders = ordersOf.get(rows);
  if (!orders) {
    orders = { sorted: new Map() };
    ordersOf.set(rows, orders);
  }
  let sorted = orders.sorted.get(sort);
  if (!sorted) {
    orders.ids ??= idRanks(rows.map((entry) => entry.result.candidate.id));
    sorted = sortedOrder(rows, orders.ids, sort).map((index) => rows[index] as CandidateRow);
    orders.sorted.set(sort, sorted);
  }
  return sorted;
}

/**
 * The positions of the rows in a sort order. Each sort compares numbers worked out once per row:
 * the totals, the place of the status in STATUS_ORDER, and ranks of the ids (by code unit, as
 * `<` compares) and of the names (Intl.Collator "zh"); ties fall to the id, then to the order the
 * rows come in (Array#sort is stable), as when the rows themselves were compared.
 */
function sortedOrder(rows: readonly CandidateRow[], ids: Int32Array, sort: SortKey): number[] {
  const n = rows.length;
  const order = Array.from({ length: n }, (_, index) => index);
  const id = (a: number, b: number) => (ids[a] as number) - (ids[b] as number);
  if (sort === "id") {
    return order.sort(id);
  }
  if (sort === "name") {
    const names = nameRanks(rows.map((entry) => entry.result.candidate.name));
    return order.sort((a, b) => (names[a] as number) - (names[b] as number) || id(a, b));
  }
  const totals = new Float64Array(n);
  rows.forEach((entry, index) => {
    totals[index] = entry.score.total;
  });
  const byTotal = (a: number, b: number) => (totals[b] as number) - (totals[a] as number);
  if (sort === "total") {
    return order.sort((a, b) => byTotal(a, b) || id(a, b));
  }
  const statuses = new Int8Array(n);
  rows.forEach((entry, index) => {
    statuses[index] = STATUS_ORDER.indexOf(entry.score.status);
  });
  return order.sort(
    (a, b) => (statuses[a] as number) - (statuses[b] as number) || byTotal(a, b) || id(a, b),
  );
}

const lowered = new WeakMap<
  readonly CandidateRow[],
  { readonly names: string[]; readonly ids: string[] }
>();

/** The rows a filter keeps, in the order they come in. */
export function filterRows(
  rows: readonly CandidateRow[],
  filter: Omit<ListFilter, "level" | "sort">,
): CandidateRow[] {
  const query = filter.query.trim().toLowerCase();
  const { unitType, status } = filter;
  if (unitType === null && status === null && query === "") {
    return rows as CandidateRow[];
  }
  // a search filters again on every key typed: lower-case the names and ids once per array
  let text = query === "" ? undefined : lowered.get(rows);
  if (query !== "" && !text) {
    text = {
      names: rows.map((entry) => entry.result.candidate.name.toLowerCase()),
      ids: rows.map((entry) => entry.result.candidate.id.toLowerCase()),
    };
    lowered.set(rows, text);
  }
  const kept: CandidateRow[] = [];
  for (let index = 0; index < rows.length; index++) {
    const entry = rows[index] as CandidateRow;
    if (
      (unitType === null || entry.result.candidate.unitType === unitType) &&
      (status === null || entry.score.status === status) &&
      (!text ||
        (text.names[index] as string).includes(query) ||
        (text.ids[index] as string).includes(query))
    ) {
      kept.push(entry);
    }
  }
  return kept;
}

const byIdOf = new WeakMap<readonly CandidateRow[], ReadonlyMap<string, CandidateRow>>();

/** The rows by candidate id, made once per array of rows. */
export function rowsById(rows: readonly CandidateRow[]): ReadonlyMap<string, CandidateRow> {
  let found = byIdOf.get(rows);
  if (!found) {
    found = new Map(rows.map((entry) => [entry.result.candidate.id, entry]));
    byIdOf.set(rows, found);
  }
  return found;
}

const positionMaps = new WeakMap<readonly CandidateRow[], ReadonlyMap<string, number>>();
const scannedOnce = new WeakSet<readonly CandidateRow[]>();

/** Each candidate's place among the rows, made once per array of rows. */
function positionsOf(rows: readonly CandidateRow[]): ReadonlyMap<string, number> {
  let positions = positionMaps.get(rows);
  if (!positions) {
    const made = new Map<string, number>();
    rows.forEach((entry, index) => made.set(entry.result.candidate.id, index));
    positions = made;
    positionMaps.set(rows, positions);
  }
  return positions;
}

/**
 * Where a candidate is among the rows, or -1. An array asked a second time gets its positions
 * made once: a scan of 10,000 rows on every frame of a page down was a tenth of the frame
 * (bench/tui.ts), while a filter's fresh array, often asked once, is only scanned.
 */
export function positionOf(rows: readonly CandidateRow[], id: string | undefined): number {
  if (id === undefined) {
    return -1;
  }
  if (!positionMaps.has(rows) && !scannedOnce.has(rows)) {
    scannedOnce.add(rows);
    for (let index = 0; index < rows.length; index++) {
      if ((rows[index] as CandidateRow).result.candidate.id === id) {
        return index;
      }
    }
    return -1;
  }
  return positionsOf(rows).get(id) ?? -1;
}

const typesOf = new WeakMap<readonly CandidateScore[], UnitType[]>();

/** The unit types among the candidates, in the vocabulary's order. */
export function unitTypesOf(results: readonly CandidateScore[]): UnitType[] {
  let types = typesOf.get(results);
  if (!types) {
    const present = new Set<UnitType>();
    for (const result of results) {
      present.add(result.candidate.unitType);
    }
    types = UNIT_TYPES.filter((type) => present.has(type));
    typesOf.set(results, types);
  }
  return types;
}

/** The next of a cycle of choices, where null stands for "all". */
export function nextOf<T>(choices: readonly T[], current: T | null): T | null {
  if (current === null) {
    return choices[0] ?? null;
  }
  const index = choices.indexOf(current);
  return index < 0 || index === choices.length - 1 ? null : (choices[index + 1] as T);
}
