import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { AssessmentStore, Snapshot } from "./assessment-store.ts";
import { chainEvents, GENESIS_HASH } from "./chain-events.ts";
import { StoreClosedError, StoreConflictError } from "./errors.ts";
import { createMemoryStore } from "./memory-store.ts";
import { openSqliteStore } from "./sqlite-store.ts";

// Every AssessmentStore implementation must pass these; add a new backend to this list.
const folder = mkdtempSync(join(tmpdir(), "ceping-contract-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
let files = 0;
const BACKENDS: readonly [string, () => AssessmentStore][] = [
  ["memory", () => createMemoryStore()],
  ["sqlite", () => openSqliteStore(join(folder, `store-${files++}.ceping`), { create: true })],
];

const SNAPSHOT: Snapshot = {
  ruleFiles: [
    { file: "rules/county/level.yaml", text: "level: county\n", selected: false },
    { file: "rules/county/village.yaml", text: "id: county.village # 县级\n", selected: true },
  ],
  candidates: [
    {
      id: "QD-03",
      name: "拉德村",
      unitType: "village",
      data: { population: 1240, activities: [{ date: "2026-03-02", kind: "联谊" }] },
      titles: [{ level: "county", awarded: "2019-12-20", revoked: false }],
      township: "河西镇",
    },
  ],
};

const AT = "2026-11-29T08:00:00.000Z";
const draft = (kind: string, payload: unknown, actor = "秘书处") => ({ actor, kind, payload });

describe.each(BACKENDS)("AssessmentStore contract: %s", (_name, make) => {
  it("starts empty: no snapshot, no events, the genesis head", () => {
    const store = make();
    expect(store.readSnapshot()).toBeUndefined();
    expect(store.readEvents()).toEqual([]);
    expect(store.head()).toEqual({ seq: 0, hash: GENESIS_HASH });
    store.close();
  });

  it("gives back the snapshot and the first events as they were written", () => {
    const store = make();
    const first = chainEvents(
      store.head(),
      [draft("assessment.created", { on: "2026-11-29" })],
      AT,
    );
    store.initialize(SNAPSHOT, first);
    expect(store.readSnapshot()).toEqual(SNAPSHOT);
    expect(store.readEvents()).toEqual(first);
    expect(store.head()).toEqual({ seq: 1, hash: first[0]?.hash });
    store.close();
  });

  it("initializes only once", () => {
    const store = make();
    store.initialize(SNAPSHOT, chainEvents(store.head(), [draft("assessment.created", {})], AT));
    expect(() => store.initialize(SNAPSHOT, [])).toThrow(StoreConflictError);
    store.close();
  });

  it("appends events that continue the chain and reads them back from any point", () => {
    const store = make();
    store.initialize(SNAPSHOT, chainEvents(store.head(), [draft("assessment.created", {})], AT));
    const added = chainEvents(
      store.head(),
      [
        draft(
          "score.entered",
          { reviewer: "张三", candidate: "QD-03", indicator: "a", points: 4.5 },
          "张三",
        ),
        draft("sheet.submitted", { reviewer: "张三", candidate: "QD-03" }, "张三"),
      ],
      AT,
    );
    store.append(added);
    expect(store.readEvents().map((event) => event.seq)).toEqual([1, 2, 3]);
    expect(store.readEvents(1)).toEqual(added);
    expect(store.head()).toEqual({ seq: 3, hash: added[1]?.hash });
    store.close();
  });

  it("refuses events that do not follow the head, and writes none of the batch", () => {
    const store = make();
    store.initialize(SNAPSHOT, chainEvents(store.head(), [draft("assessment.created", {})], AT));
    const stale = chainEvents({ seq: 0, hash: GENESIS_HASH }, [draft("x", {})], AT);
    expect(() => store.append(stale)).toThrow(StoreConflictError);
    const good = chainEvents(store.head(), [draft("x", { n: 1 })], AT);
    const broken = [...good, { ...(good[0] as (typeof good)[0]), seq: 9 }];
    expect(() => store.append(broken)).toThrow(StoreConflictError);
    expect(store.readEvents()).toHaveLength(1);
    store.close();
  });

  it("throws StoreClosedError after close", () => {
    const store = make();
    store.close();
    expect(() => store.head()).toThrow(StoreClosedError);
    expect(() => store.readEvents()).toThrow(StoreClosedError);
  });
});
