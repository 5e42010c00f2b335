import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { sampleInit, steppingClock } from "../fixtures/sample-assessment.ts";
import type { Assessment } from "./assessment.ts";
import { createAssessment } from "./create-assessment.ts";
import {
  StoreExistsError,
  StoreFullError,
  StoreInUseError,
  StoreNotAssessmentError,
  StoreNotFoundError,
  StoreTooNewError,
} from "./errors.ts";
import { APPLICATION_ID, SCHEMA_VERSION } from "./migrations.ts";
import { openAssessment } from "./open-assessment.ts";
import { openSqliteStore } from "./sqlite-store.ts";
import { verifyAssessment } from "./verify-assessment.ts";

const folder = mkdtempSync(join(tmpdir(), "ceping-sqlite-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
let count = 0;
const fresh = () => join(folder, `a${count++}.ceping`);

function created(path = fresh()): Assessment {
  const made = createAssessment(path, sampleInit(), { now: steppingClock() });
  if (!made.ok) {
    throw new Error(JSON.stringify(made.issues));
  }
  return made.value;
}

function reopen(path: string): Assessment {
  const opened = openAssessment(path);
  if (!opened.ok) {
    throw new Error(JSON.stringify(opened.issues));
  }
  return opened.value;
}

describe("openSqliteStore", () => {
  it("keeps every committed score across closing and opening again", () => {
    const path = fresh();
    const assessment = created(path);
    const receipt = assessment.enterScore({
      actor: "李四",
      reviewer: "李四",
      candidate: "V1",
      indicator: "lead",
      points: 4,
    });
    const head = assessment.info().finalHash;
    assessment.close();
    const again = reopen(path);
    expect(again.info().finalHash).toBe(head);
    expect(again.state().scores.get("V1\u0000李四")?.get("lead")?.[0]).toMatchObject({
      points: 4,
      seq: receipt.ok ? receipt.value.seq : -1,
    });
    again.close();
  });

  it("writes a new assessment whole, renamed into place, and never over an existing file", () => {
    const path = fresh();
    created(path).close();
    expect(readdirSync(folder).filter((name) => name.includes(".creating"))).toEqual([]);
    const again = createAssessment(path, sampleInit());
    expect(again.ok ? [] : again.issues.map((issue) => issue.code)).toEqual(["store.exists"]);
    expect(() => openSqliteStore(path, { create: true })).toThrow(StoreExistsError);
  });

  it("tells a second program the file is in use, and lets it in once the first has closed", () => {
    const path = fresh();
    const first = created(path);
    expect(() => openAssessment(path)).toThrow(StoreInUseError);
    expect(() => verifyAssessment(path)).toThrow(StoreInUseError);
    const raw = new Database(path, { timeout: 0 });
    expect(() => raw.prepare("SELECT count(*) FROM events").get()).toThrow(/locked/);
    raw.close();
    first.close();
    const second = reopen(path);
    expect(second.info().events).toBeGreaterThan(0);
    second.close();
  });

  it("says the disk is full instead of breaking the file, and goes on once there is room", () => {
    const path = fresh();
    created(path).close();
    const pages = (() => {
      const db = new Database(path);
      const n = db.pragma("page_count", { simple: true }) as number;
      db.close();
      return n;
    })();
    const store = openSqliteStore(path, { maxPages: pages });
    const opened = openAssessment(store);
    const full = opened.ok ? opened.value : undefined;
    const note = "很长的说明".repeat(2000);
    let thrown: unknown;
    try {
      full?.enterScore({
        actor: "李四",
        reviewer: "李四",
        candidate: "V1",
        indicator: "lead",
        points: 4,
        note,
      });
    } catch (cause) {
      thrown = cause;
    }
    expect(thrown).toBeInstanceOf(StoreFullError);
    expect((thrown as StoreFullError).code).toBe("STORE_FULL");
    expect(full?.state().scores.size).toBe(0);
    full?.close();
    expect(verifyAssessment(path).ok).toBe(true);
    const roomy = reopen(path);
    expect(
      roomy.enterScore({
        actor: "李四",
        reviewer: "李四",
        candidate: "V1",
        indicator: "lead",
        points: 4,
        note,
      }).ok,
    ).toBe(true);
    roomy.close();
  });

  it("refuses files that are not assessments, are missing, or come from a newer ceping", () => {
    const text = join(folder, "notes.ceping");
    writeFileSync(text, "这不是数据库".repeat(100));
    expect(() => openSqliteStore(text)).toThrow(StoreNotAssessmentError);
    const other = join(folder, "other.db");
    const plain = new Database(other);
    plain.exec("CREATE TABLE t (x)");
    plain.close();
    expect(() => openSqliteStore(other)).toThrow(StoreNotAssessmentError);
    expect(() => openSqliteStore(join(folder, "missing.ceping"))).toThrow(StoreNotFoundError);
    const path = fresh();
    created(path).close();
    const db = new Database(path);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    expect(() => openSqliteStore(path)).toThrow(StoreTooNewError);
  });

  it("brings a file of an older schema up to date when it opens it", () => {
    const path = join(folder, "old.ceping");
    const db = new Database(path);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.close();
    const store = openSqliteStore(path);
    expect(store.readSnapshot()).toBeUndefined();
    store.close();
    const after = new Database(path);
    expect(after.pragma("user_version", { simple: true })).toBe(SCHEMA_VERSION);
    after.close();
  });

  it("refuses to update or delete events even through plain SQL", () => {
    const path = fresh();
    created(path).close();
    const db = new Database(path);
    expect(() => db.prepare("UPDATE events SET actor = 'x' WHERE seq = 2").run()).toThrow(
      /append-only/,
    );
    expect(() => db.prepare("DELETE FROM events WHERE seq = 2").run()).toThrow(/append-only/);
    expect(() => db.prepare("UPDATE candidates SET record = '{}'").run()).toThrow(/frozen/);
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    db.close();
  });
});
