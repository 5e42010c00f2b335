import { formatMessage } from "@ceping/engine";
import type { Issue } from "@ceping/engine";
import { describe, expect, it } from "vitest";
import { createMemorySession } from "./memory-session.ts";
import type { Outcome } from "./panel-session.ts";
import {
  FIXTURE_FLAGS,
  fixtureCandidates,
  fixtureLibrary,
  fixtureSession,
} from "../test/fixture-session.ts";

function problems(outcome: Outcome<unknown> | Promise<Outcome<unknown>>): string[] {
  if (outcome instanceof Promise) {
    throw new Error("the memory session answers at once");
  }
  return outcome.issues.map((issue: Issue) => formatMessage(issue, "zh"));
}

describe("createMemorySession", () => {
  it("scores with the engine and ranks with the store's chain", () => {
    const view = fixtureSession().view();
    expect(view.results.map((result) => result.levels[0]?.status)).toEqual([
      "eligible",
      "eligible",
      "pending_panel",
      "vetoed",
      "incomplete",
      "pending_panel",
      "below_threshold",
      "eligible",
    ]);
    expect(view.standings[0]?.ranking.map(({ id, rank, tied }) => [id, rank, tied])).toEqual([
      ["C-01", 1, false],
      ["C-02", 2, true],
      ["C-08", 2, true],
    ]);
  });

  it("keeps the others' scores hidden until the reviewer has submitted", () => {
    const session = fixtureSession({ user: "王五" });
    expect(session.visibleScores("C-06").others).toBe("hidden");
    expect(problems(session.submitSheet?.("C-06") ?? fail())).toEqual([
      "评委 王五 还没有为 C-06 打分，无可提交",
    ]);
    expect(session.saveScore?.({ candidate: "C-06", indicator: "lead", points: 6 })).toMatchObject({
      ok: true,
      value: { version: 1, changed: true },
    });
    expect(session.view().results[5]?.levels[0]?.status).toBe("pending_panel");
    expect(session.submitSheet?.("C-06")).toMatchObject({ ok: true });
    expect(session.visibleScores("C-06").others).toEqual([
      {
        reviewer: "张三",
        submitted: true,
        scores: {
          lead: { points: 6, version: 1 },
          life: { points: 6.5, version: 1 },
          innovation: { points: 0, version: 1 },
        },
      },
      {
        reviewer: "李四",
        submitted: true,
        scores: {
          lead: { points: 6.5, version: 1 },
          life: { points: 6, version: 1 },
          innovation: { points: 0.5, version: 1 },
        },
      },
    ]);
  });

  it("checks range and step, conflicts, and a reason for a submitted score", () => {
    const session = fixtureSession({ user: "王五" });
    const save = (candidate: string, indicator: string, points: number, reason?: string) =>
      problems(
        session.saveScore?.({ candidate, indicator, points, ...(reason && { reason }) }) ?? fail(),
      );
    expect(save("C-06", "lead", 10.5)).toEqual([
      '评委 王五 对"lead"打了 10.5 分，应在 0 到 10 之间（最多两位小数）',
    ]);
    expect(save("C-06", "lead", 6.2)).toEqual(['评委 王五 对"lead"打了 6.2 分，应为 0.5 的整数倍']);
    expect(save("C-06", "plan", 4)).toEqual(['评委 王五 评了"plan"，但测评表中没有这项评审指标']);
    expect(save("C-03", "lead", 5)).toEqual([
      "评委 王五 与候选单位 C-03 须回避（居住在其所在乡镇），不能为其评分，也不看其他评委的评分",
    ]);
    expect(save("C-01", "lead", 8)).toEqual([
      '评委 王五 已提交对 C-01 的评分：把"lead"从 9 改为 8，须写明理由',
    ]);
    expect(save("C-01", "lead", 8, "复核")).toEqual([]);
    expect(session.view().results[0]?.levels[0]?.indicators[0]).toBe(883);
  });

  it("gives the chair's actions to the chair only, and locks only when nothing is open", () => {
    const reviewer = fixtureSession({ user: "李四" });
    expect([reviewer.raiseVeto, reviewer.disposeFlag, reviewer.lock]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    const chair = fixtureSession({ flags: FIXTURE_FLAGS });
    expect(problems(chair.lock?.() ?? fail())).toEqual([
      "还有 2 项分歧提示未经组长处理（如 outlier C-02 王五），不能定稿",
    ]);
    for (const flag of FIXTURE_FLAGS ?? []) {
      expect(
        chair.disposeFlag?.({ flag: flag.key, disposition: "kept", reason: "" }),
      ).toMatchObject({
        ok: false,
      });
      expect(
        chair.disposeFlag?.({ flag: flag.key, disposition: "kept", reason: "书面说明" }),
      ).toMatchObject({
        ok: true,
      });
    }
    expect(chair.lock?.()).toMatchObject({ ok: true });
    expect(chair.view().locked).toBe(true);
    expect(
      problems(chair.raiseVeto?.({ candidate: "C-01", veto: "discipline", reason: "x" }) ?? fail()),
    ).toEqual(["评审已定稿（锁定），不能再更改"]);
  });

  it("only looks, for someone on no panel, and says what is wrong with bad data", () => {
    const observer = createMemorySession({
      library: fixtureLibrary(),
      candidates: fixtureCandidates().map((candidate) =>
        candidate.id === "C-01"
          ? { ...candidate, data: { ...candidate.data, households: "很多" } }
          : candidate,
      ),
      on: "2026-11-29",
    });
    expect(observer.saveScore).toBeUndefined();
    const view = observer.view();
    expect(view.results).toEqual([]);
    expect(view.issues.map((issue) => issue.code)).toEqual(["data.integer"]);
  });
  it("lets a reviewer declare only their own conflicts, and the chair's quota admit by region", () => {
    const reviewer = fixtureSession({ user: "王五" });
    expect(
      [
        reviewer.declareConflict,
        reviewer.dismissConflict,
        reviewer.withdrawVeto,
        reviewer.setQuota,
      ].map(Boolean),
    ).toEqual([true, false, false, false]);
    expect(
      problems(
        reviewer.declareConflict?.({ reviewer: "李四", candidate: "C-06", kind: "township" }) ??
          fail(),
      ),
    ).toEqual(["回避由评委本人申报或由评审组长记录，王五 不能代评委 李四 申报"]);
    expect(
      reviewer.declareConflict?.({ reviewer: "王五", candidate: "C-06", kind: "same_unit" }),
    ).toMatchObject({ ok: true, issues: [] });
    expect(reviewer.visibleScores("C-06").conflict).toEqual({
      kind: "same_unit",
      source: "declared",
    });
    expect(
      problems(reviewer.saveScore?.({ candidate: "C-06", indicator: "lead", points: 5 }) ?? fail()),
    ).toEqual(["评委 王五 与候选单位 C-06 须回避（同一单位），不能为其评分，也不看其他评委的评分"]);

    const chair = createMemorySession({
      library: fixtureLibrary(),
      candidates: fixtureCandidates().map((candidate) => ({
        ...candidate,
        data: { ...candidate.data, region: candidate.id === "C-08" ? "河西镇" : "城关镇" },
      })),
      on: "2026-11-29",
      user: "张三",
      chair: "张三",
    });
    expect(
      problems(
        chair.setQuota?.({
          id: "q",
          level: "county",
          scope: { kind: "region", value: " " },
          seats: 1,
        }) ?? fail(),
      ),
    ).toEqual(['名额 q：范围应为 level、unit_type 或 region，实为 {"kind":"region","value":" "}']);
    expect(
      chair.setQuota?.({
        id: "county-河西镇",
        level: "county",
        scope: { kind: "region", value: "河西镇" },
        seats: 1,
      }),
    ).toMatchObject({ ok: true });
    expect(chair.view().standings[0]?.quotas).toEqual([
      {
        quota: {
          id: "county-河西镇",
          level: "county",
          scope: { kind: "region", value: "河西镇" },
          seats: 1,
        },
        admitted: ["C-08"],
        unsettled: [],
      },
    ]);
  });
});

function fail(): never {
  throw new Error("the action is missing");
}
