import { afterEach, describe, expect, it, vi } from "vitest";
import { App } from "./app.tsx";
import { widthOf } from "./text-width.ts";
import { fixtureSession } from "../test/fixture-session.ts";
import { frame, KEYS, renderTui } from "../test/render-tui.ts";
import type { Rendered } from "../test/render-tui.ts";

let ui: Rendered | undefined;
afterEach(() => ui?.unmount());

describe("the app", () => {
  it("shows every key of every screen on ?, the current screen's first", async () => {
    ui = renderTui(<App session={fixtureSession()} />);
    await ui.press("?");
    expect(ui.lastFrame()).toBe(frame`
[1 候选单位] 2 评分  3 评审组  4 结果  5 测评表        张三（组长）  2026-11-29
按键说明（Esc 或 ? 关闭）

候选单位
  ▴▾           移动
  ⏎            详情
  s            评分
  /            搜索
  t            类型
  f            结论
  l            级别
  o            排序
  PgUp/PgDn    翻页
  g/G          首/尾
  Esc          清除搜索
  abc          输入名称或编号
  ⏎            完成
  Esc          清除
候选单位详情
  ▴▾           滚动

县级示范村评审（测试） | 2026-11-29
▴▾ 滚动  Esc 关闭
`);
    await ui.press(KEYS.escape);
    expect(ui.lastFrame()).toContain("[1 候选单位]");
  });

  it("lays itself out again when the terminal is resized, and says when it is too small", async () => {
    ui = renderTui(<App session={fixtureSession()} />);
    await ui.resize(100, 14);
    expect(ui.lastFrame()).toBe(frame`
[1 候选单位] 2 评分  3 评审组  4 结果  5 测评表                            张三（组长）  2026-11-29
级别 县级 | 类型 全部 | 结论 全部 | 排序 总分 | 搜索 -                                       8/8 个
  排名 编号     名称                               类型        总分 结论     进度    标记
❯    1 C-01     周屯村                             村         39.83 达标     已提交
       C-04     xx街道甲社区                       社区       39.49 否决     已提交
     2 C-02     上兰角村                           村         32.83 达标     已提交  并列
     2 C-08     下兰角村                           村         32.83 达标     已提交  并列
       C-07     拉德村                             村         28.50 未达标   已提交  近线
       C-05     小分子村                           村         20.99 资料不全 已提交
       C-06     大泉村                             村         17.00 待评审   已提交
       C-03     阿依古丽社区                       社区        7.00 待评审   已提交
县级示范村评审（测试） | 2026-11-29
▴▾ 移动  ⏎ 详情  s 评分  / 搜索  t 类型  f 结论  l 级别  o 排序  ? 帮助  q 退出
`);
    await ui.resize(50, 10);
    expect(ui.lastFrame()).toBe("终端太小：至少需要 60×12，现在是 50×10");
    await ui.resize(80, 24);
    expect(ui.lastFrame().split("\n")).toHaveLength(23);
  });

  it("keeps every frame one line shorter than the terminal, so that Ink never clears the screen", async () => {
    for (const [columns, rows] of [
      [80, 24],
      [60, 12],
      [132, 43],
    ] as const) {
      for (const lang of ["zh", "en"] as const) {
        const rendered = renderTui(<App session={fixtureSession()} lang={lang} />, columns, rows);
        for (const key of ["1", KEYS.enter, "2", "3", KEYS.tab, KEYS.tab, "4", "5", "?"]) {
          await rendered.press(key);
          const lines = rendered.lastFrame().split("\n");
          expect(lines).toHaveLength(rows - 1);
          expect(Math.max(...lines.map(widthOf))).toBeLessThan(columns);
        }
        rendered.unmount();
      }
    }
  });

  it("goes back from a candidate with Esc, and quits on q", async () => {
    ui = renderTui(<App session={fixtureSession()} />);
    await ui.press("4", "1", KEYS.enter, KEYS.escape);
    expect(ui.lastFrame()).toContain("[1 候选单位]");
    await ui.press("q");
    await expect(ui.exited).resolves.toBeUndefined();
  });

  it("shows an action that throws as a line, never a stack trace", async () => {
    const session = fixtureSession({ user: "王五" });
    session.saveScore = () => {
      throw Object.assign(new Error("SQLITE_FULL"), {
        detail: { code: "store.full", params: { file: "评审.ceping" } },
      });
    };
    ui = renderTui(<App session={session} />);
    await ui.press("s", KEYS.enter, "9", KEYS.enter);
    expect(ui.lastFrame().split("\n").at(-2)).toBe(
      "磁盘已满，无法写入 评审.ceping：刚才的操作没有保存，文件保持原样；腾出空间后再~",
    );
    session.saveScore = () => {
      throw new Error("disk on fire");
    };
    await ui.press(KEYS.backspace, "9", KEYS.enter);
    expect(ui.lastFrame().split("\n").at(-2)).toBe("操作失败：disk on fire");
  });

  it("shows a failure of the UI itself as one line, and still quits", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const session = fixtureSession();
    session.explain = () => {
      throw new Error("explain broke");
    };
    ui = renderTui(<App session={session} />);
    await ui.press(KEYS.enter);
    expect(ui.lastFrame()).toBe("出错了：explain broke。已保存的评分不受影响。按 q 退出");
    await ui.press("q");
    await expect(ui.exited).resolves.toBeUndefined();
  });
});
