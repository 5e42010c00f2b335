import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { formatMessage } from "@ceping/engine";
import { createAssessment, openAssessment } from "@ceping/store";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { App } from "./app.tsx";
import { openAssessmentSession } from "./assessment-session.ts";
import type { MaybePromise, Outcome, PanelSession } from "./panel-session.ts";
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
  it("records conflicts, withdrawn vetoes and quotas in the file, refusing what the store refuses", () => {
    const path = fixtureFile();
    const chair = open(path, "张三");
    const memory = fixtureSession();
    // the same calls on the file and in memory: the same answers, so the memory session keeps the store's rules
    const both = (call: (session: PanelSession) => MaybePromise<Outcome<unknown>> | undefined) => {
      const answers = [chair, memory].map((session) => {
        const outcome = call(session);
        if (outcome === undefined || outcome instanceof Promise) {
          throw new Error("the action is missing, or not at once");
        }
        return [outcome.ok, ...outcome.issues.map((issue) => formatMessage(issue, "zh"))];
      });
      expect(answers[1]).toEqual(answers[0]);
      return answers[0];
    };
    const conflict = { reviewer: "李四", candidate: "C-05" } as const;
    expect(both((s) => s.declareConflict?.({ ...conflict, kind: "other" }))).toEqual([
      false,
      '回避类型为"其他"时须写明具体情况',
    ]);
    expect(
      both((s) => s.declareConflict?.({ ...conflict, kind: "other", note: "曾参与起草申报材料" })),
    ).toEqual([true, "评委 李四 已为 C-05 打的分因回避不再计入"]);
    expect(
      both((s) => s.declareConflict?.({ reviewer: "王五", candidate: "C-03", kind: "township" })),
    ).toEqual([false, "评委 王五 与 C-03 的回避已有记录（居住在其所在乡镇）"]);
    expect(
      both((s) => s.declareConflict?.({ reviewer: "赵六", candidate: "C-03", kind: "township" })),
    ).toEqual([false, '"赵六"不在本次评审的评委名单中']);
    const recused = { reviewer: "王五", candidate: "C-03" };
    expect(both((s) => s.dismissConflict?.({ ...recused, reason: " " }))).toEqual([
      false,
      "排除回避须写明理由",
    ]);
    expect(both((s) => s.dismissConflict?.({ ...recused, reason: "已迁出河西镇" }))).toEqual([
      true,
    ]);
    expect(both((s) => s.dismissConflict?.({ ...recused, reason: "已迁出河西镇" }))).toEqual([
      false,
      "评委 王五 与 C-03 之间没有有效的回避记录",
    ]);
    const veto = { candidate: "C-01", veto: "discipline" };
    expect(both((s) => s.withdrawVeto?.({ ...veto, reason: "不实" }))).toEqual([
      false,
      '没有对 C-01 提出过否决项"discipline"',
    ]);
    expect(both((s) => s.raiseVeto?.({ ...veto, reason: "立案审查" }))).toEqual([true]);
    expect(both((s) => s.withdrawVeto?.({ ...veto, reason: "" }))).toEqual([
      false,
      "撤回否决项须写明理由",
    ]);
    expect(both((s) => s.withdrawVeto?.({ ...veto, reason: "经查不实" }))).toEqual([true]);
    const quota = { id: "county", level: "county", scope: { kind: "level" }, seats: 2 } as const;
    expect(both((s) => s.setQuota?.({ ...quota, seats: 0 }))).toEqual([
      false,
      "名额 county：名额数应为正整数，实为 0",
    ]);
    expect(both((s) => s.setQuota?.({ ...quota, level: "province" }))).toEqual([
      false,
      "名额 county：本次评审没有 province 级",
    ]);
    expect(
      both((s) =>
        s.setQuota?.({ ...quota, scope: { kind: "unit_type", value: "castle" as "village" } }),
      ),
    ).toEqual([
      false,
      '名额 county：范围应为 level、unit_type 或 region，实为 {"kind":"unit_type","value":"castle"}',
    ]);
    expect(both((s) => s.setQuota?.({ ...quota, seats: 1 }))).toEqual([true]);
    expect(both((s) => s.setQuota?.(quota))).toEqual([true]);
    const settled = (session: PanelSession) =>
      session.view().standings.map(({ ranking, ties, quotas }) => ({ ranking, ties, quotas }));
    expect(settled(chair)).toEqual(settled(memory));
    expect(chair.view().standings[0]?.quotas[0]).toMatchObject({
      quota: quota,
      admitted: ["C-01"],
      tiedAtCut: { candidates: ["C-02", "C-08"], seats: 1 },
    });

    close?.();
    close = undefined;
    const reopened = openAssessment(path);
    if (!reopened.ok) {
      throw new Error(JSON.stringify(reopened.issues));
    }
    const state = reopened.value.state();
    expect(state.conflicts.get("C-05\u0000李四")).toMatchObject({
      kind: "other",
      note: "曾参与起草申报材料",
      source: "recorded",
      actor: "张三",
    });
    expect(state.conflicts.get("C-03\u0000王五")?.dismissed).toMatchObject({
      reason: "已迁出河西镇",
      actor: "张三",
    });
    expect(state.vetoes.get("C-01")?.size ?? 0).toBe(0);
    expect(state.quotas.get("county")).toMatchObject({ ...quota, actor: "张三" });
    expect(
      reopened.value
        .events()
        .slice(-6)
        .map((event) => event.kind),
    ).toEqual([
      "conflict.declared",
      "conflict.dismissed",
      "veto.raised",
      "veto.withdrawn",
      "quota.set",
      "quota.set",
    ]);
    reopened.value.close();
  });

  it("lets a reviewer declare their own conflict from the scoring screen, into the file", async () => {
    const path = fixtureFile();
    const session = open(path, "王五");
    expect(
      [
        session.declareConflict,
        session.dismissConflict,
        session.withdrawVeto,
        session.setQuota,
      ].map(Boolean),
    ).toEqual([true, false, false, false]);
    expect(
      problems(
        session.declareConflict?.({ reviewer: "李四", candidate: "C-06", kind: "township" }),
      ),
    ).toEqual(["回避由评委本人申报或由评审组长记录，王五 不能代评委 李四 申报"]);
    ui = renderTui(<App session={session} />);
    await ui.press("G", KEYS.up, "s", "c", "4");
    expect(ui.lastFrame()).toContain("已申报回避：大泉村（参与准备其申报材料），不再为其评分");
    await ui.press(KEYS.enter);
    expect(ui.lastFrame()).toContain("❯ 领导小组                              10.00     回避");
    ui.unmount();
    ui = undefined;
    close?.();
    close = undefined;
    const reopened = openAssessment(path);
    if (!reopened.ok) {
      throw new Error(JSON.stringify(reopened.issues));
    }
    expect(reopened.value.state().conflicts.get("C-06\u0000王五")).toMatchObject({
      kind: "helped_prepare",
      source: "declared",
      actor: "王五",
    });
    reopened.value.close();
  });
});

function problems(outcome: MaybePromise<Outcome<unknown>> | undefined): string[] {
  if (outcome === undefined || outcome instanceof Promise) {
    throw new Error("the action is missing, or not at once");
  }
  return outcome.issues.map((issue) => formatMessage(issue, "zh"));
}
