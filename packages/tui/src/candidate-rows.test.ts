import { describe, expect, it } from "vitest";
import {
  filterRows,
  levelRows,
  listTasks,
  positionOf,
  rowsById,
  SORT_KEYS,
  sortRows,
  STATUS_ORDER,
} from "./candidate-rows.ts";
import type { CandidateRow, SortKey } from "./candidate-rows.ts";
import { FIXTURE_FLAGS, fixtureSession, manyCandidates } from "../test/fixture-session.ts";

// the comparisons the list sorted with before it compared precomputed ranks: the order must not change
const collator = new Intl.Collator("zh");
function byId(a: CandidateRow, b: CandidateRow): number {
  const x = a.result.candidate.id;
  const y = b.result.candidate.id;
  return x < y ? -1 : x > y ? 1 : 0;
}
const REFERENCE: Record<SortKey, (a: CandidateRow, b: CandidateRow) => number> = {
  total: (a, b) => b.score.total - a.score.total || byId(a, b),
  id: byId,
  name: (a, b) => collator.compare(a.result.candidate.name, b.result.candidate.name) || byId(a, b),
  status: (a, b) =>
    STATUS_ORDER.indexOf(a.score.status) - STATUS_ORDER.indexOf(b.score.status) ||
    b.score.total - a.score.total ||
    byId(a, b),
};

/** 300 villages in no order of id, with names that tie: the same name, and "é" written two ways. */
function tangledSession() {
  const names = ["第1村", "é村", "e\u0301村", "阿村", "a村", "A村", "八村", "吧村", "Z村", ""];
  const candidates = manyCandidates(300).map((candidate, index) => ({
    ...candidate,
    id: `V-${String((index * 7919) % 300).padStart(4, "0")}`,
    name: index % 3 === 0 ? (names[index % names.length] as string) : candidate.name,
  }));
  return fixtureSession({ candidates });
}

describe("sortRows", () => {
  it("orders as the rows compared themselves, ties included", () => {
    expect(collator.compare("é村", "e\u0301村")).toBe(0);
    const rows = levelRows(tangledSession().view(), "county");
    for (const sort of SORT_KEYS) {
      const expected = [...rows].sort(REFERENCE[sort]).map((entry) => entry.result.candidate.id);
      expect(sortRows(rows, sort).map((entry) => entry.result.candidate.id)).toEqual(expected);
    }
  });

  it("keeps the order of rows that tie on everything, as a stable sort does", () => {
    const rows = levelRows(tangledSession().view(), "county");
    const twice = [...rows, ...rows.slice(0, 5)];
    for (const sort of SORT_KEYS) {
      expect(sortRows(twice, sort)).toEqual([...twice].sort(REFERENCE[sort]));
    }
  });

  it("sorts an array of rows once per order", () => {
    const rows = levelRows(fixtureSession().view(), "county");
    expect(sortRows(rows, "name")).toBe(sortRows(rows, "name"));
    expect(sortRows([...rows], "name")).not.toBe(sortRows(rows, "name"));
  });
});

describe("levelRows", () => {
  it("makes a level's rows once per view, with rank, tie and open flags", () => {
    // the fixture's outlier flag on C-02, not disposed of
    const session = fixtureSession({ flags: FIXTURE_FLAGS?.slice(0, 1) ?? [] });
    const view = session.view();
    const rows = levelRows(view, "county");
    expect(levelRows(view, "county")).toBe(rows);
    expect(
      rows.map(({ result, rank, tied, openFlags }) => [result.candidate.id, rank, tied, openFlags]),
    ).toEqual([
      ["C-01", 1, false, 0],
      ["C-02", 2, true, 1],
      ["C-03", undefined, false, 0],
      ["C-04", undefined, false, 0],
      ["C-05", undefined, false, 0],
      ["C-06", undefined, false, 0],
      ["C-07", undefined, false, 0],
      ["C-08", 2, true, 0],
    ]);
    expect(rows.filter((entry) => "rank" in entry)).toHaveLength(3);
    expect(levelRows(view, "province")).toEqual([]);
  });

  it("makes them again for a new view", () => {
    const session = fixtureSession({ user: "王五" });
    const before = session.view();
    const rows = levelRows(before, "county");
    void session.saveScore?.({ candidate: "C-06", indicator: "lead", points: 6 });
    expect(session.view()).not.toBe(before);
    expect(levelRows(session.view(), "county")).not.toBe(rows);
  });
});

describe("filterRows", () => {
  it("keeps a unit type, a status and a search in name or id, in the order given", () => {
    const rows = sortRows(levelRows(fixtureSession().view(), "county"), "name");
    const ids = (kept: readonly CandidateRow[]) => kept.map((entry) => entry.result.candidate.id);
    const none = { unitType: null, status: null, query: "" };
    expect(filterRows(rows, none)).toBe(rows);
    expect(ids(filterRows(rows, { ...none, unitType: "community" }))).toEqual(["C-03", "C-04"]);
    expect(ids(filterRows(rows, { ...none, status: "eligible" }))).toEqual([
      "C-02",
      "C-08",
      "C-01",
    ]);
    expect(ids(filterRows(rows, { ...none, query: " XX " }))).toEqual(["C-04"]);
    expect(ids(filterRows(rows, { ...none, query: "c-0" }))).toHaveLength(8);
    expect(ids(filterRows(rows, { unitType: "village", status: null, query: "兰角" }))).toEqual([
      "C-02",
      "C-08",
    ]);
  });
});

describe("positionOf and rowsById", () => {
  it("find a candidate among the rows", () => {
    const rows = levelRows(fixtureSession().view(), "county");
    // the first ask scans, the later ones look the positions up: the same answers
    expect(positionOf(rows, "C-05")).toBe(4);
    expect(positionOf(rows, "C-99")).toBe(-1);
    expect(positionOf(rows, "C-05")).toBe(4);
    expect(positionOf(rows, "C-01")).toBe(0);
    expect(positionOf(rows, undefined)).toBe(-1);
    expect(rowsById(rows).get("C-05")).toBe(rows[4]);
    expect(rowsById(rows)).toBe(rowsById(rows));
  });
});

describe("listTasks", () => {
  it("works out ahead the ranks, each order of the level, each level in the order, and the ids", () => {
    const view = fixtureSession().view();
    const tasks = listTasks(view, ["county", "province"], "county", "total");
    expect(tasks).toHaveLength(2 + SORT_KEYS.length + 2 + 1);
    tasks.forEach((task) => task());
    const rows = levelRows(view, "county");
    // by pinyin: a, da, la, shang, xia, xiao, zhou; then the Latin
    expect(sortRows(rows, "name").map((entry) => entry.result.candidate.id)).toEqual([
      "C-03",
      "C-06",
      "C-07",
      "C-02",
      "C-08",
      "C-05",
      "C-01",
      "C-04",
    ]);
  });
});
