import { afterEach, describe, expect, it } from "vitest";
import { App } from "./app.tsx";
import { fixtureSession } from "../test/fixture-session.ts";
import { frame, renderTui } from "../test/render-tui.ts";
import type { Rendered } from "../test/render-tui.ts";

let ui: Rendered | undefined;
afterEach(() => ui?.unmount());

describe("测评表", () => {
  it("shows the indicator tree of the table in use, with points and methods", async () => {
    ui = renderTui(<App session={fixtureSession()} />);
    await ui.press("5");
    expect(ui.lastFrame()).toBe(frame`
 1 候选单位  2 评分  3 评审组  4 结果 [5 测评表]       张三（组长）  2026-11-29
◂ 县级 1/1 ▸
县级示范村测评表 | county.village 2026.1 | 适用：村、社区
满分 40 + 加分 2 | 达标线 30 | 近线 2 分内

评审：trimmed_mean，至少 3 位评委，5 位起去掉最高最低
指标                      满分 方法
组织领导                    20
  领导小组                  10 评审打分，步长 0.5
                               好：书记任组长、每季度研究 10
                               较好：组织健全、研究不够经常 7.5
                               一般：有组织、少研究 5
                               差：形同虚设 0
                               查阅资料、座谈
  年度计划                   4 逐项核查：有年度计划 4 分
                               查阅资料
  宣讲和培训活动             6 按数计分：每项 1 分
                               查阅资料；每次计 1 分
创建成效                    20
  民生改善                  10 评审打分，步长 0.5

县级示范村评审（测试） | 2026-11-29
▴▾ 滚动  ◂▸ 测评表  ? 帮助  q 退出
`);
    await ui.press("G");
    expect(ui.lastFrame()).toBe(frame`
 1 候选单位  2 评分  3 评审组  4 结果 [5 测评表]       张三（组长）  2026-11-29
◂ 县级 1/1 ▸
县级示范村测评表 | county.village 2026.1 | 适用：村、社区
满分 40 + 加分 2 | 达标线 30 | 近线 2 分内

                               查阅资料
  宣讲和培训活动             6 按数计分：每项 1 分
                               查阅资料；每次计 1 分
创建成效                    20
  民生改善                  10 评审打分，步长 0.5
                               实地察看、入户走访
  群众满意度                10 分档计分：达 0.95 得 10；达 0.9 得 8；达 0.8 得
                               5
                               问卷调查
加分项                       2
  创新做法                   2 评审打分，步长 0.5
                               查阅资料
否决项
  领导班子严重违纪（由评审组提出）
  发生民族因素群体性事件

县级示范村评审（测试） | 2026-11-29
▴▾ 滚动  ◂▸ 测评表  ? 帮助  q 退出
`);
  });
});
