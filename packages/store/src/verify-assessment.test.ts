import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { formatIssue } from "@ceping/engine";
import { afterAll, describe, expect, it } from "vitest";
import { sampleInit, steppingClock } from "../fixtures/sample-assessment.ts";
import { CALM, sheets } from "../fixtures/score-sheets.ts";
import { canonicalJson } from "@ceping/engine";
import { hashEvent } from "./chain-events.ts";
import { createAssessment } from "./create-assessment.ts";
import { verifyAssessment } from "./verify-assessment.ts";

const folder = mkdtempSync(join(tmpdir(), "ceping-verify-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
let count = 0;

const SCORES = { V1: CALM.V1, V2: CALM.V2, V3: CALM.V3 };

/** A locked assessment with scores, as a file; returns its path and final hash. */
function lockedFile(): { path: string; finalHash: string } {
  const path = join(folder, `v${count++}.ceping`);
  const made = createAssessment(path, sampleInit(), { now: steppingClock() });
  if (!made.ok) {
    throw new Error(JSON.stringify(made.issues));
  }
  const assessment = made.value;
  expect(assessment.importScores({ actor: "秘书处", entries: sheets(SCORES) }).ok).toBe(true);
  expect(assessment.lock({ actor: "张三" }).ok).toBe(true);
  const { finalHash } = assessment.info();
  assessment.close();
  return { path, finalHash };
}

/** Runs plain SQL on the file, as someone with a SQLite tool would, triggers out of the way. */
function tamper(path: string, edit: (db: Database.Database) => void): void {
  const db = new Database(path);
  db.exec("DROP TRIGGER events_append_only_update; DROP TRIGGER events_append_only_delete;");
  edit(db);
  db.close();
}

function scoreEvent(db: Database.Database, reviewer: string, candidate: string, indicator: string) {
  return db
    .prepare(
      "SELECT seq, payload FROM events WHERE kind = 'score.entered' AND json_extract(payload, '$.reviewer') = ? AND json_extract(payload, '$.candidate') = ? AND json_extract(payload, '$.indicator') = ?",
    )
    .get(reviewer, candidate, indicator) as { seq: number; payload: string };
}

const errors = (report: ReturnType<typeof verifyAssessment>) =>
  report.issues.filter((issue) => issue.severity === "error");

describe("verifyAssessment", () => {
  it("recomputes a sound assessment and gives the final hash its exports carry", () => {
    const { path, finalHash } = lockedFile();
    const report = verifyAssessment(path, { expectedHash: finalHash.slice(0, 16) });
    expect(report).toMatchObject({ ok: true, finalHash, locked: true, issues: [] });
  });

  it("names the event whose score was changed by hand with plain SQL", () => {
    const { path } = lockedFile();
    let seq = 0;
    tamper(path, (db) => {
      const event = scoreEvent(db, "李四", "V2", "plan");
      seq = event.seq;
      const payload = { ...(JSON.parse(event.payload) as object), points: 5 };
      db.prepare("UPDATE events SET payload = ? WHERE seq = ?").run(canonicalJson(payload), seq);
    });
    const report = verifyAssessment(path);
    expect(report.ok).toBe(false);
    expect(errors(report)).toHaveLength(1);
    expect(errors(report)[0]).toMatchObject({
      code: "store.verify_hash",
      place: { path: `events[${seq}]` },
      params: { seq, kind: "score.entered", actor: "秘书处" },
    });
    expect(formatIssue(errors(report)[0]!, "en")).toContain(
      `event ${seq} (score.entered by 秘书处`,
    );
  });

  it("finds a rewrite that recomputed every hash: the results recorded at the lock no longer come out", () => {
    const { path, finalHash } = lockedFile();
    tamper(path, (db) => {
      const event = scoreEvent(db, "李四", "V2", "plan");
      const rows = db
        .prepare("SELECT * FROM events WHERE seq >= ? ORDER BY seq")
        .all(event.seq) as {
        seq: number;
        at: string;
        actor: string;
        kind: string;
        payload: string;
        prev: string;
      }[];
      let prev = rows[0]?.prev ?? "";
      for (const row of rows) {
        const payload: unknown =
          row.seq === event.seq
            ? { ...(JSON.parse(row.payload) as object), points: 5 }
            : JSON.parse(row.payload);
        const hash = hashEvent({ ...row, payload, prev });
        db.prepare("UPDATE events SET payload = ?, prev = ?, hash = ? WHERE seq = ?").run(
          canonicalJson(payload),
          prev,
          hash,
          row.seq,
        );
        prev = hash;
      }
    });
    const report = verifyAssessment(path);
    expect(errors(report).map((issue) => issue.code)).toEqual([
      "store.verify_invalid",
      "store.verify_result",
    ]);
    expect(errors(report)[1]?.params).toMatchObject({ candidate: "V2", level: "county" });
    expect(errors(verifyAssessment(path, { expectedHash: finalHash })).at(-1)?.code).toBe(
      "store.verify_head",
    );
  });

  it("finds a deleted event and a changed candidate", () => {
    const { path } = lockedFile();
    tamper(path, (db) => db.prepare("DELETE FROM events WHERE seq = 9").run());
    expect(errors(verifyAssessment(path))[0]).toMatchObject({
      code: "store.verify_seq",
      params: { seq: 10, expected: 9 },
    });

    const other = lockedFile();
    const db = new Database(other.path);
    db.exec("DROP TRIGGER candidates_frozen_update");
    db.prepare(
      "UPDATE candidates SET record = json_set(record, '$.data.households', 30) WHERE id = 'V1'",
    ).run();
    db.close();
    expect(errors(verifyAssessment(other.path))[0]).toMatchObject({
      code: "store.verify_snapshot",
      params: { part: "candidates" },
    });
  });

  it("names an event with a valid hash that the panel's rules never allowed", () => {
    const path = join(folder, `v${count++}.ceping`);
    const made = createAssessment(path, sampleInit(), { now: steppingClock() });
    if (!made.ok) {
      throw new Error("not created");
    }
    made.value.close();
    // appended by hand, chained correctly: the chair scoring for another reviewer
    const db = new Database(path);
    const head = db.prepare("SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1").get() as {
      seq: number;
      hash: string;
    };
    const event = {
      seq: head.seq + 1,
      at: "2026-11-29T10:00:00.000Z",
      actor: "张三",
      kind: "score.entered",
      payload: { reviewer: "李四", candidate: "V1", indicator: "lead", points: 5 },
      prev: head.hash,
    };
    db.prepare(
      "INSERT INTO events (seq, at, actor, kind, payload, prev, hash) VALUES (?, ?, ?, ?, ?, ?, ?)",
    ).run(
      event.seq,
      event.at,
      event.actor,
      event.kind,
      canonicalJson(event.payload),
      event.prev,
      hashEvent(event),
    );
    db.close();
    const report = verifyAssessment(path);
    expect(errors(report).map((issue) => [issue.code, issue.place.path])).toEqual([
      ["store.verify_invalid", `events[${event.seq}]`],
      ["store.chair_not_scorer", `events[${event.seq}]`],
    ]);
  });

  it("says when the file does not end where a published hash said it did", () => {
    const { path } = lockedFile();
    expect(errors(verifyAssessment(path, { expectedHash: "0123456789abcdef" }))[0]?.code).toBe(
      "store.verify_head",
    );
  });
});
