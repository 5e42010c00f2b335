import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createAssessment, openAssessment } from "@ceping/store";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { App } from "./app.tsx";
import { openAssessmentSession } from "./assessment-session.ts";
import type { PanelSession } from "./panel-session.ts";
import {
  FIXTURE_RULES,
  fixtureCandidates,
  fixtureSession,
  REVIEWERS,
} from "../test/fixture-session.ts";
import { KEYS, renderTui } from "../test/render-tui.ts";
import type { Rendered } from "../test/render-tui.ts";

const folder = mkdtempSync(join(tmpdir(), "ceping-tui-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
let ui: Rendered | undefined;
let close: (() => void) | undefined;
afterEach(() => {
  ui?.unmount();
  close?.();
  ui = undefined;
  close = undefined;
});

let files = 0;
/** The fixture as an assessment file: the same rules, candidates, scores and conflict. */
function fixtureFile(): string {
  const path = join(folder, `fixture-${files++}.ceping`);
  const made = createAssessment(path, {
    rules: { sources: FIXTURE_RULES },
    candidates: fixtureCandidates(),
    on: "2026-11-29",
    reviewers: REVIEWERS,
    chair: "张三",
    title: "县级示范村评审（测试）",
  });
  if (!made.ok) {
    throw new Error(JSON.stringify(made.issues));
  }
  const declared = made.value.declareConflict({
    actor: "张三",
    reviewer: "王五",
    candidate: "C-03",
    kind: "township",
  });
  expect(declared.ok).toBe(true);
  made.value.close();
  return path;
}

function open(path: string, user: string): PanelSession {
  const opened = openAssessmentSession(path, { user });
  if (!opened.ok) {
    throw new Error(JSON.stringify(opened.issues));
  }
  close = opened.value.close;
  return opened.value.session;
}

const withoutHash = (text: string) => text.replace(/ \| #[0-9a-f]{12}/, "");

describe("a session on an assessment file", () => {
  it("shows what the in-memory session shows for the same data", async () => {
    const session = open(fixtureFile(), "张三");
    ui = renderTui(<App session={session} />);
    const memory = renderTui(<App session={fixtureSession()} />);
    for (const key of ["1", KEYS.enter, "3", "4", "5"]) {
      await ui.press(key);
      await memory.press(key);
      expect(withoutHash(ui.lastFrame())).toBe(memory.lastFrame());
    }
    memory.unmount();
  });

  it("keeps the independence rule and 回避 as the store decides them", () => {
    const session = open(fixtureFile(), "王五");
    expect(session.visibleScores("C-06")).toEqual({
      own: { reviewer: "王五", submitted: false, scores: {} },
      others: "hidden",
    });
    expect(session.visibleScores("C-03")).toMatchObject({ conflict: { kind: "township" } });
    expect(session.sheets("C-03").map((sheet) => [sheet.reviewer, sheet.conflict?.kind])).toEqual([
      ["张三", undefined],
      ["李四", undefined],
      ["王五", "township"],
    ]);
    expect(session.raiseVeto).toBeUndefined();
  });

  it("commits each confirmed score to the file before the screen confirms it", async () => {
    const path = fixtureFile();
    ui = renderTui(<App session={open(path, "王五")} />);
    await ui.press("G", KEYS.up, "s", KEYS.enter, "6", ".", "5", KEYS.enter);
    expect(ui.lastFrame()).toContain("已保存：领导小组 6.5 分（第 1 版）");
    ui.unmount();
    close?.();
    close = undefined;
    ui = undefined;
    const reopened = openAssessment(path);
    expect(reopened.ok).toBe(true);
    if (reopened.ok) {
      const visible = reopened.value.scoresFor("王五", "C-06");
      expect(visible.ok && visible.value.own?.scores.lead?.at(-1)?.points).toBe(6.5);
      reopened.value.close();
    }
  });
});
