import { afterEach, describe, expect, it } from "vitest";
import { App } from "./app.tsx";
import { fixtureSession } from "../test/fixture-session.ts";
import { frame, KEYS, renderTui } from "../test/render-tui.ts";
import type { Rendered } from "../test/render-tui.ts";

let ui: Rendered | undefined;
afterEach(() => ui?.unmount());

// 王五 has yet to score 大泉村 (C-06), the seventh row of the list
const openC06 = async (rendered: Rendered) => {
  await rendered.press("G", KEYS.up, "s");
};

describe("评分", () => {
  it("goes through the judged indicators, with the rubric, the others' scores hidden", async () => {
    ui = renderTui(<App session={fixtureSession({ user: "王五" })} />);
    await openC06(ui);
    expect(ui.lastFrame()).toBe(frame`
 1 候选单位 [2 评分] 4 结果  5 测评表                  王五（评委）  2026-11-29
评分：大泉村（C-06）                                       我的进度 0/3  未提交
  指标                                   满分 我的评分 其他评委（提交后可见）
❯ 领导小组                              10.00        -
  民生改善                              10.00        -
  创新做法                               2.00        -
领导小组（lead）  满分 10，步长 0.5  组织领导
  1 好：书记任组长、每季度研究 10
  2 较好：组织健全、研究不够经常 7.5
  3 一般：有组织、少研究 5
  4 差：形同虚设 0
备注：-
得分：-








县级示范村评审（测试） | 2026-11-29
▴▾ 移动  ⏎ 打分  r 评分档  n 备注  S 提交  c 回避  [ ] 换单位  ? 帮助  q 退出
`);
  });

  it("checks range and step as the score is typed, and saves each confirmed score at once", async () => {
    ui = renderTui(<App session={fixtureSession({ user: "王五" })} />);
    await openC06(ui);
    await ui.press(KEYS.enter, "1", "1");
    expect(ui.lastFrame()).toBe(frame`
 1 候选单位 [2 评分] 4 结果  5 测评表                  王五（评委）  2026-11-29
评分：大泉村（C-06）                                       我的进度 0/3  未提交
  指标                                   满分 我的评分 其他评委（提交后可见）
❯ 领导小组                              10.00        -
  民生改善                              10.00        -
  创新做法                               2.00        -
领导小组（lead）  满分 10，步长 0.5  组织领导
  1 好：书记任组长、每季度研究 10
  2 较好：组织健全、研究不够经常 7.5
  3 一般：有组织、少研究 5
  4 差：形同虚设 0
备注：-
得分：11  应在 0 到 10 之间








县级示范村评审（测试） | 2026-11-29
0-9 . 输入分数  ⏎ 确认并下一项  Tab 备注  Esc 取消  ? 帮助  q 退出
`);
    await ui.press(KEYS.backspace, KEYS.backspace, "6", ".", "2");
    expect(ui.lastFrame()).toBe(frame`
 1 候选单位 [2 评分] 4 结果  5 测评表                  王五（评委）  2026-11-29
评分：大泉村（C-06）                                       我的进度 0/3  未提交
  指标                                   满分 我的评分 其他评委（提交后可见）
❯ 领导小组                              10.00        -
  民生改善                              10.00        -
  创新做法                               2.00        -
领导小组（lead）  满分 10，步长 0.5  组织领导
  1 好：书记任组长、每季度研究 10
  2 较好：组织健全、研究不够经常 7.5
  3 一般：有组织、少研究 5
  4 差：形同虚设 0
备注：-
得分：6.2  应为 0.5 的整数倍








县级示范村评审（测试） | 2026-11-29
0-9 . 输入分数  ⏎ 确认并下一项  Tab 备注  Esc 取消  ? 帮助  q 退出
`);
    await ui.press(KEYS.enter);
    expect(ui.lastFrame()).toBe(frame`
 1 候选单位 [2 评分] 4 结果  5 测评表                  王五（评委）  2026-11-29
评分：大泉村（C-06）                                       我的进度 0/3  未提交
  指标                                   满分 我的评分 其他评委（提交后可见）
❯ 领导小组                              10.00        -
  民生改善                              10.00        -
  创新做法                               2.00        -
领导小组（lead）  满分 10，步长 0.5  组织领导
  1 好：书记任组长、每季度研究 10
  2 较好：组织健全、研究不够经常 7.5
  3 一般：有组织、少研究 5
  4 差：形同虚设 0
备注：-
得分：6.2  应为 0.5 的整数倍








应为 0.5 的整数倍
0-9 . 输入分数  ⏎ 确认并下一项  Tab 备注  Esc 取消  ? 帮助  q 退出
`);
    await ui.press(KEYS.backspace, "5", KEYS.enter);
    expect(ui.lastFrame()).toBe(frame`
 1 候选单位 [2 评分] 4 结果  5 测评表                  王五（评委）  2026-11-29
评分：大泉村（C-06）                                       我的进度 1/3  未提交
  指标                                   满分 我的评分 其他评委（提交后可见）
  领导小组                              10.00      6.5
❯ 民生改善                              10.00        -
  创新做法                               2.00        -
民生改善（life）  满分 10，步长 0.5  创建成效
备注：-
得分：












已保存：领导小组 6.5 分（第 1 版）
0-9 . 输入分数  ⏎ 确认并下一项  Tab 备注  Esc 取消  ? 帮助  q 退出
`);
  });

  it("picks a rubric band, adds a note, and submits; then the others' scores show", async () => {
    ui = renderTui(<App session={fixtureSession({ user: "王五" })} />);
    await openC06(ui);
    await ui.press("r", "2");
    expect(ui.lastFrame()).toBe(frame`
 1 候选单位 [2 评分] 4 结果  5 测评表                  王五（评委）  2026-11-29
评分：大泉村（C-06）                                       我的进度 1/3  未提交
  指标                                   满分 我的评分 其他评委（提交后可见）
  领导小组                              10.00      7.5
❯ 民生改善                              10.00        -
  创新做法                               2.00        -
民生改善（life）  满分 10，步长 0.5  创建成效
备注：-
得分：-












已保存：领导小组 7.5 分（第 1 版）
▴▾ 移动  ⏎ 打分  r 评分档  n 备注  S 提交  c 回避  [ ] 换单位  ? 帮助  q 退出
`);
    await ui.press(KEYS.enter, "6", KEYS.tab, "入户走访五户", KEYS.enter);
    expect(ui.lastFrame()).toBe(frame`
 1 候选单位 [2 评分] 4 结果  5 测评表                  王五（评委）  2026-11-29
评分：大泉村（C-06）                                       我的进度 2/3  未提交
  指标                                   满分 我的评分 其他评委（提交后可见）
  领导小组                              10.00      7.5
❯ 民生改善                              10.00        6
  创新做法                               2.00        -
民生改善（life）  满分 10，步长 0.5  创建成效
备注：入户走访五户
得分：6












已保存：民生改善 6 分（第 1 版）
▴▾ 移动  ⏎ 打分  r 评分档  n 备注  S 提交  c 回避  [ ] 换单位  ? 帮助  q 退出
`);
    await ui.press("S");
    expect(ui.lastFrame()).toBe(frame`
 1 候选单位 [2 评分] 4 结果  5 测评表                  王五（评委）  2026-11-29
评分：大泉村（C-06）                                       我的进度 2/3  未提交
  指标                                   满分 我的评分 其他评委（提交后可见）
  领导小组                              10.00      7.5
❯ 民生改善                              10.00        6
  创新做法                               2.00        -
民生改善（life）  满分 10，步长 0.5  创建成效
备注：入户走访五户
得分：6












还有 1 项未评分。仍要提交对 大泉村 的评分？
y 提交  n 不提交  Esc 取消
`);
    await ui.press("y");
    expect(ui.lastFrame()).toBe(frame`
 1 候选单位 [2 评分] 4 结果  5 测评表                  王五（评委）  2026-11-29
评分：大泉村（C-06）                                       我的进度 2/3  已提交
  指标                                   满分 我的评分 其他评委
  领导小组                              10.00      7.5 6 6.5
❯ 民生改善                              10.00        6 6.5 6
  创新做法                               2.00        - 0 0.5
民生改善（life）  满分 10，步长 0.5  创建成效
备注：入户走访五户
得分：6












已提交对 大泉村 的评分
▴▾ 移动  ⏎ 打分  r 评分档  n 备注  S 提交  c 回避  [ ] 换单位  ? 帮助  q 退出
`);
  });

  it("asks for a reason before a submitted score is changed", async () => {
    ui = renderTui(<App session={fixtureSession({ user: "王五" })} />);
    await ui.press("s", KEYS.enter);
    expect(ui.lastFrame()).toBe(frame`
 1 候选单位 [2 评分] 4 结果  5 测评表                  王五（评委）  2026-11-29
评分：周屯村（C-01）                                       我的进度 3/3  已提交
  指标                                   满分 我的评分 其他评委
❯ 领导小组                              10.00        9 9 9.5
  民生改善                              10.00        9 8.5 9
  创新做法                               2.00        2 1.5 2
领导小组（lead）  满分 10，步长 0.5  组织领导
  1 好：书记任组长、每季度研究 10
  2 较好：组织健全、研究不够经常 7.5
  3 一般：有组织、少研究 5
  4 差：形同虚设 0
备注：-
得分：  现为 9，直接回车不改








县级示范村评审（测试） | 2026-11-29
0-9 . 输入分数  ⏎ 确认并下一项  Tab 备注  Esc 取消  ? 帮助  q 退出
`);
    await ui.press("8", KEYS.enter);
    expect(ui.lastFrame()).toBe(frame`
 1 候选单位 [2 评分] 4 结果  5 测评表                  王五（评委）  2026-11-29
评分：周屯村（C-01）                                       我的进度 3/3  已提交
  指标                                   满分 我的评分 其他评委
❯ 领导小组                              10.00        9 9 9.5
  民生改善                              10.00        9 8.5 9
  创新做法                               2.00        2 1.5 2
领导小组（lead）  满分 10，步长 0.5  组织领导
  1 好：书记任组长、每季度研究 10
  2 较好：组织健全、研究不够经常 7.5
  3 一般：有组织、少研究 5
  4 差：形同虚设 0
备注：-
得分：8








修改已提交的评分，请写明原因：
⏎ 确认  Backspace 删除  Esc 取消
`);
    await ui.press("复核材料后下调", KEYS.enter);
    expect(ui.lastFrame()).toBe(frame`
 1 候选单位 [2 评分] 4 结果  5 测评表                  王五（评委）  2026-11-29
评分：周屯村（C-01）                                       我的进度 3/3  已提交
  指标                                   满分 我的评分 其他评委
  领导小组                              10.00        8 9 9.5
❯ 民生改善                              10.00        9 8.5 9
  创新做法                               2.00        2 1.5 2
民生改善（life）  满分 10，步长 0.5  创建成效
备注：-
得分：  现为 9，直接回车不改












已保存：领导小组 8 分（第 2 版）
0-9 . 输入分数  ⏎ 确认并下一项  Tab 备注  Esc 取消  ? 帮助  q 退出
`);
  });

  it("shows 回避 for a conflicted candidate and refuses to score it", async () => {
    ui = renderTui(<App session={fixtureSession({ user: "王五" })} />);
    await ui.press("G", "s", KEYS.enter);
    expect(ui.lastFrame()).toBe(frame`
 1 候选单位 [2 评分] 4 结果  5 测评表                  王五（评委）  2026-11-29
评分：阿依古丽社区（C-03）                                 我的进度 0/3  未提交
  指标                                   满分 我的评分 其他评委（提交后可见）
❯ 领导小组                              10.00     回避
  民生改善                              10.00     回避
  创新做法                               2.00     回避
回避：你与该单位有利害关系（居住在其所在乡镇），不能为其评分，也不能查看其他评
委的评分













回避：你与该单位有利害关系（居住在其所在乡镇），不能为其评分，也不能查看其他评~
▴▾ 移动  ⏎ 打分  r 评分档  n 备注  S 提交  c 回避  [ ] 换单位  ? 帮助  q 退出
`);
  });
  it("lets a reviewer declare a conflict: the candidate then shows 回避 and refuses scores", async () => {
    ui = renderTui(<App session={fixtureSession({ user: "王五" })} />);
    await openC06(ui);
    await ui.press("c");
    expect(ui.lastFrame()).toBe(frame`
 1 候选单位 [2 评分] 4 结果  5 测评表                  王五（评委）  2026-11-29
评分：大泉村（C-06）                                       我的进度 0/3  未提交
  指标                                   满分 我的评分 其他评委（提交后可见）
❯ 领导小组                              10.00        -
  民生改善                              10.00        -
  创新做法                               2.00        -
领导小组（lead）  满分 10，步长 0.5  组织领导
  1 好：书记任组长、每季度研究 10
  2 较好：组织健全、研究不够经常 7.5
  3 一般：有组织、少研究 5
  4 差：形同虚设 0
备注：-
得分：-








申报回避：你与 大泉村 的关系
1 同单位  2 上下级  3 亲属雇佣  4 协助申报  5 同乡镇  6 其他  Esc 取消
`);
    await ui.press("2");
    expect(ui.lastFrame()).toBe(frame`
 1 候选单位 [2 评分] 4 结果  5 测评表                  王五（评委）  2026-11-29
评分：大泉村（C-06）                                       我的进度 0/3  未提交
  指标                                   满分 我的评分 其他评委（提交后可见）
❯ 领导小组                              10.00     回避
  民生改善                              10.00     回避
  创新做法                               2.00     回避
回避：你与该单位有利害关系（上下级或监管关系），不能为其评分，也不能查看其他评
委的评分













已申报回避：大泉村（上下级或监管关系），不再为其评分
▴▾ 移动  ⏎ 打分  r 评分档  n 备注  S 提交  c 回避  [ ] 换单位  ? 帮助  q 退出
`);
    await ui.press(KEYS.enter);
    expect(ui.lastFrame()).toBe(frame`
 1 候选单位 [2 评分] 4 结果  5 测评表                  王五（评委）  2026-11-29
评分：大泉村（C-06）                                       我的进度 0/3  未提交
  指标                                   满分 我的评分 其他评委（提交后可见）
❯ 领导小组                              10.00     回避
  民生改善                              10.00     回避
  创新做法                               2.00     回避
回避：你与该单位有利害关系（上下级或监管关系），不能为其评分，也不能查看其他评
委的评分













回避：你与该单位有利害关系（上下级或监管关系），不能为其评分，也不能查看其他评~
▴▾ 移动  ⏎ 打分  r 评分档  n 备注  S 提交  c 回避  [ ] 换单位  ? 帮助  q 退出
`);
  });

  it("asks what the conflict is when its kind is 其他, and records none without it", async () => {
    ui = renderTui(<App session={fixtureSession({ user: "王五" })} />);
    await openC06(ui);
    await ui.press("c", "6");
    expect(ui.lastFrame().split("\n").slice(-2)).toEqual([
      "具体情况：",
      "⏎ 确认  Backspace 删除  Esc 取消",
    ]);
    await ui.press(KEYS.enter);
    expect(ui.lastFrame().split("\n").slice(-2)[0]).toBe('回避类型为"其他"时须写明具体情况');
    await ui.press("c", "6", "曾在该村驻村工作", KEYS.enter);
    expect(ui.lastFrame().split("\n").slice(-2)[0]).toBe(
      "已申报回避：大泉村（其他），不再为其评分",
    );
    expect(ui.lastFrame()).toContain("❯ 领导小组                              10.00     回避");
  });
});
