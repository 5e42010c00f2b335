import { error } from "@ceping/engine";
import { afterEach, describe, expect, it } from "vitest";
import { App } from "./app.tsx";
import { fixtureSession } from "../test/fixture-session.ts";
import { frame, KEYS, renderTui } from "../test/render-tui.ts";
import type { Rendered } from "../test/render-tui.ts";
import type { ExportKind } from "./panel-session.ts";

let ui: Rendered | undefined;
afterEach(() => ui?.unmount());

const QUOTAS = [
  {
    id: "county-village",
    level: "county",
    scope: { kind: "unit_type", value: "village" },
    seats: 2,
  },
] as const;

describe("结果", () => {
  it("ranks the eligible against threshold and quota, with near misses and ties waiting", async () => {
    ui = renderTui(<App session={fixtureSession({ quotas: QUOTAS })} />);
    await ui.press("4");
    expect(ui.lastFrame()).toBe(frame`
 1 候选单位  2 评分  3 评审组 [4 结果] 5 测评表        张三（组长）  2026-11-29
县级 | 全部 | 达标 3 个 | 近线 1 个 | 并列待定 1 组

名额 county-village（村）2 个：入选 1 个
  名额线上并列：C-02、C-08 争 1 个名额，待组长决定
  尚未定论：C-05、C-06
   排名 编号     名称                      类型        总分    超线 名额
      1 C-01     周屯村                    村         39.83   +9.83 入选
  ---- 名额线：county-village 2 个 ----
     2= C-02     上兰角村                  村         32.83   +2.83 并列
     2= C-08     下兰角村                  村         32.83   +2.83 并列
近线（未达标，差距在近线范围内）
  C-07 拉德村 28.50，差 1.50
并列待组长决定
  并列第 2 名：C-02 上兰角村、C-08 下兰角村






县级示范村评审（测试） | 2026-11-29
▴▾ 滚动  l 级别  t 类型  x 导出  p 导出公示  d 决定并列  m 名额  ? 帮助  q 退出
`);
    await ui.press("t", "t");
    expect(ui.lastFrame()).toBe(frame`
 1 候选单位  2 评分  3 评审组 [4 结果] 5 测评表        张三（组长）  2026-11-29
县级 | 社区 | 达标 0 个 | 近线 0 个 | 并列待定 0 组

   排名 编号     名称                      类型        总分    超线 名额
  本级别没有达标单位
















县级示范村评审（测试） | 2026-11-29
▴▾ 滚动  l 级别  t 类型  x 导出  p 导出公示  d 决定并列  m 名额  ? 帮助  q 退出
`);
  });

  it("lets the chair decide a tie, in an order and with a reason", async () => {
    ui = renderTui(<App session={fixtureSession({ quotas: QUOTAS })} />);
    await ui.press("4", "d");
    expect(ui.lastFrame()).toBe(frame`
 1 候选单位  2 评分  3 评审组 [4 结果] 5 测评表        张三（组长）  2026-11-29
县级 | 全部 | 达标 3 个 | 近线 1 个 | 并列待定 1 组

名额 county-village（村）2 个：入选 1 个
  名额线上并列：C-02、C-08 争 1 个名额，待组长决定
  尚未定论：C-05、C-06
   排名 编号     名称                      类型        总分    超线 名额
      1 C-01     周屯村                    村         39.83   +9.83 入选
  ---- 名额线：county-village 2 个 ----
     2= C-02     上兰角村                  村         32.83   +2.83 并列
     2= C-08     下兰角村                  村         32.83   +2.83 并列
近线（未达标，差距在近线范围内）
  C-07 拉德村 28.50，差 1.50
并列待组长决定
  并列第 2 名：C-02 上兰角村、C-08 下兰角村






并列名次（按先后写编号，空格分开）：C-02 C-08
⏎ 确认  Backspace 删除  Esc 取消
`);
    await ui.press(KEYS.backspace, KEYS.backspace, KEYS.backspace, KEYS.backspace);
    await ui.press(KEYS.backspace, KEYS.backspace, KEYS.backspace, KEYS.backspace);
    await ui.press(KEYS.backspace, "C-08 C-02", KEYS.enter, "现场答辩后决定", KEYS.enter);
    expect(ui.lastFrame()).toBe(frame`
 1 候选单位  2 评分  3 评审组 [4 结果] 5 测评表        张三（组长）  2026-11-29
县级 | 全部 | 达标 3 个 | 近线 1 个 | 并列待定 0 组

名额 county-village（村）2 个：入选 2 个
  尚未定论：C-05、C-06
   排名 编号     名称                      类型        总分    超线 名额
      1 C-01     周屯村                    村         39.83   +9.83 入选
      2 C-08     下兰角村                  村         32.83   +2.83 入选
  ---- 名额线：county-village 2 个 ----
      3 C-02     上兰角村                  村         32.83   +2.83 未入选
近线（未达标，差距在近线范围内）
  C-07 拉德村 28.50，差 1.50









已决定并列名次
▴▾ 滚动  l 级别  t 类型  x 导出  p 导出公示  d 决定并列  m 名额  ? 帮助  q 退出
`);
  });

  it("exports the results workbook and the notice list, and shows a failure in the status line", async () => {
    const asked: ExportKind[] = [];
    const session = fixtureSession({
      exportResults: (kind) => {
        asked.push(kind);
        return kind === "workbook"
          ? Promise.resolve({ ok: true as const, value: { file: "评审结果.xlsx" }, issues: [] })
          : { ok: false as const, issues: [error("store.locked", { file: "memory" })] };
      },
    });
    ui = renderTui(<App session={session} />);
    await ui.press("4", "x");
    expect(ui.lastFrame().split("\n").slice(-2)).toEqual([
      "已导出：评审结果.xlsx",
      "▴▾ 滚动  l 级别  t 类型  x 导出  p 导出公示  d 决定并列  m 名额  ? 帮助  q 退出",
    ]);
    await ui.press("p");
    expect(ui.lastFrame().split("\n").slice(-2)[0]).toBe("评审已定稿（锁定），不能再更改");
    expect(asked).toEqual(["workbook", "notice"]);
  });
  it("lets the chair set a quota for the unit type on show, and replace it, seen at once", async () => {
    ui = renderTui(<App session={fixtureSession()} />);
    await ui.press("4", "t", "m");
    expect(ui.lastFrame()).toBe(frame`
 1 候选单位  2 评分  3 评审组 [4 结果] 5 测评表        张三（组长）  2026-11-29
县级 | 村 | 达标 3 个 | 近线 1 个 | 并列待定 1 组

   排名 编号     名称                      类型        总分    超线 名额
      1 C-01     周屯村                    村         39.83   +9.83
     2= C-02     上兰角村                  村         32.83   +2.83
     2= C-08     下兰角村                  村         32.83   +2.83
近线（未达标，差距在近线范围内）
  C-07 拉德村 28.50，差 1.50
并列待组长决定
  并列第 2 名：C-02 上兰角村、C-08 下兰角村










设定县级名额，范围：
1 本级全部  2 村  3 地区  Esc 取消
`);
    await ui.press("2");
    expect(ui.lastFrame().split("\n").slice(-2)).toEqual([
      "名额数（村）：",
      "⏎ 确认  Backspace 删除  Esc 取消",
    ]);
    await ui.press("2", KEYS.enter);
    expect(ui.lastFrame()).toBe(frame`
 1 候选单位  2 评分  3 评审组 [4 结果] 5 测评表        张三（组长）  2026-11-29
县级 | 村 | 达标 3 个 | 近线 1 个 | 并列待定 1 组

名额 county-village（村）2 个：入选 1 个
  名额线上并列：C-02、C-08 争 1 个名额，待组长决定
  尚未定论：C-05、C-06
   排名 编号     名称                      类型        总分    超线 名额
      1 C-01     周屯村                    村         39.83   +9.83 入选
  ---- 名额线：county-village 2 个 ----
     2= C-02     上兰角村                  村         32.83   +2.83 并列
     2= C-08     下兰角村                  村         32.83   +2.83 并列
近线（未达标，差距在近线范围内）
  C-07 拉德村 28.50，差 1.50
并列待组长决定
  并列第 2 名：C-02 上兰角村、C-08 下兰角村






已设定名额 county-village：2 个
▴▾ 滚动  l 级别  t 类型  x 导出  p 导出公示  d 决定并列  m 名额  ? 帮助  q 退出
`);
    await ui.press("m", "2");
    expect(ui.lastFrame().split("\n").slice(-2)[0]).toBe("名额数（村）：2");
    await ui.press(KEYS.backspace, "3", KEYS.enter);
    expect(ui.lastFrame()).toBe(frame`
 1 候选单位  2 评分  3 评审组 [4 结果] 5 测评表        张三（组长）  2026-11-29
县级 | 村 | 达标 3 个 | 近线 1 个 | 并列待定 1 组

名额 county-village（村）3 个：入选 3 个
  尚未定论：C-05、C-06
   排名 编号     名称                      类型        总分    超线 名额
      1 C-01     周屯村                    村         39.83   +9.83 入选
     2= C-02     上兰角村                  村         32.83   +2.83 入选
     2= C-08     下兰角村                  村         32.83   +2.83 入选
  ---- 名额线：county-village 3 个 ----
近线（未达标，差距在近线范围内）
  C-07 拉德村 28.50，差 1.50
并列待组长决定
  并列第 2 名：C-02 上兰角村、C-08 下兰角村







已设定名额 county-village：3 个
▴▾ 滚动  l 级别  t 类型  x 导出  p 导出公示  d 决定并列  m 名额  ? 帮助  q 退出
`);
    await ui.press("m", "1", "x", KEYS.enter);
    expect(ui.lastFrame().split("\n").slice(-2)[0]).toBe("名额数应为正整数，实为 x");
  });
});
