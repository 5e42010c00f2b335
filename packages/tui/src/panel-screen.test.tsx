import { afterEach, describe, expect, it } from "vitest";
import { App } from "./app.tsx";
import { FIXTURE_AGREEMENT, FIXTURE_FLAGS, fixtureSession } from "../test/fixture-session.ts";
import { frame, KEYS, renderTui } from "../test/render-tui.ts";
import type { Rendered } from "../test/render-tui.ts";

let ui: Rendered | undefined;
afterEach(() => ui?.unmount());

const chairSession = () => fixtureSession({ flags: FIXTURE_FLAGS, agreement: FIXTURE_AGREEMENT });

describe("评审组", () => {
  it("shows the chair reviewers × candidates with progress, 回避 and flags", async () => {
    ui = renderTui(<App session={chairSession()} />);
    await ui.press("3");
    expect(ui.lastFrame()).toBe(frame`
 1 候选单位  2 评分 [3 评审组] 4 结果  5 测评表        张三（组长）  2026-11-29
评委 3 人 | 组长 张三 | 已提交 22/23 | 待处置分歧 2
[进度]  分歧   一致性  县级
张三 与 C-01 周屯村：已提交
  编号     名称         张三   李四   王五   标记
❯ C-01     周屯村       已提交 已提交 已提交 分歧1
  C-04     xx街道甲社区 已提交 已提交 已提交 否决
  C-02     上兰角村     已提交 已提交 已提交 分歧1
  C-08     下兰角村     已提交 已提交 已提交
  C-07     拉德村       已提交 已提交 已提交
  C-05     小分子村     已提交 已提交 已提交
  C-06     大泉村       已提交 已提交 -
  C-03     阿依古丽社区 已提交 已提交 回避








县级示范村评审（测试） | 2026-11-29
▴▾ 移动  ◂▸ 评委  c 回避  d 撤销回避  v 否决  L 定稿  Tab 切换  ? 帮助  q 退出
`);
  });

  it("scrolls the reviewer columns to keep the selected one in view", async () => {
    const reviewers = ["张三", "李四", "王五", "赵六", "钱七", "孙八"];
    ui = renderTui(<App session={fixtureSession({ reviewers })} />, 60, 16);
    await ui.press("3", KEYS.right, KEYS.right, KEYS.right);
    expect(ui.lastFrame()).toBe(frame`
 1 候选单位  2 评分 [3 评审组] 4 结果  5 测评表
评委 6 人 | 组长 张三 | 已提交 22/47 | 待处置分歧 0
[进度]  分歧   一致性  县级
赵六 与 C-01 周屯村：尚未评分
  编号     名称         李四   王五   赵六   标记
❯ C-01     周屯村       已提交 已提交 -
  C-04     xx街道甲社区 已提交 已提交 -      否决
  C-02     上兰角村     已提交 已提交 -
  C-08     下兰角村     已提交 已提交 -
  C-07     拉德村       已提交 已提交 -
  C-05     小分子村     已提交 已提交 -
  C-06     大泉村       已提交 -      -
  C-03     阿依古丽社区 已提交 回避   -
县级示范村评审（测试） | 2026-11-29
▴▾ 移动  ◂▸ 评委  c 回避  d 撤销回避  ? 帮助  q 退出
`);
  });

  it("disposes of a flag with a reason, and refuses to lock while one is open", async () => {
    ui = renderTui(<App session={chairSession()} />);
    await ui.press("3", KEYS.tab);
    expect(ui.lastFrame()).toBe(frame`
 1 候选单位  2 评分 [3 评审组] 4 结果  5 测评表        张三（组长）  2026-11-29
评委 3 人 | 组长 张三 | 已提交 22/23 | 待处置分歧 2
 进度  [分歧]  一致性  县级

  类型     对象                     数值/限值    处置
❯ 离群     C-02 上兰角村，王五      -1.50/1.20   待处置
  单项分差 C-01 周屯村，life        6.00/5.00    待处置














县级示范村评审（测试） | 2026-11-29
▴▾ 移动  d 处置  Tab 一致性  ⏎ 单位详情  L 定稿  ? 帮助  q 退出
`);
    await ui.press("d", "k");
    expect(ui.lastFrame()).toBe(frame`
 1 候选单位  2 评分 [3 评审组] 4 结果  5 测评表        张三（组长）  2026-11-29
评委 3 人 | 组长 张三 | 已提交 22/23 | 待处置分歧 2
 进度  [分歧]  一致性  县级

  类型     对象                     数值/限值    处置
❯ 离群     C-02 上兰角村，王五      -1.50/1.20   待处置
  单项分差 C-01 周屯村，life        6.00/5.00    待处置














处置理由：
⏎ 确认  Backspace 删除  Esc 取消
`);
    await ui.press("王五说明：入户走访的情况与材料不符", KEYS.enter);
    expect(ui.lastFrame()).toBe(frame`
 1 候选单位  2 评分 [3 评审组] 4 结果  5 测评表        张三（组长）  2026-11-29
评委 3 人 | 组长 张三 | 已提交 22/23 | 待处置分歧 1
 进度  [分歧]  一致性  县级

  类型     对象                     数值/限值    处置
❯ 离群     C-02 上兰角村，王五      -1.50/1.20   维持：王五说明：入户走访的情~
  单项分差 C-01 周屯村，life        6.00/5.00    待处置














已处置分歧：离群
▴▾ 移动  d 处置  Tab 一致性  ⏎ 单位详情  L 定稿  ? 帮助  q 退出
`);
    await ui.press("L", "y");
    expect(ui.lastFrame()).toBe(frame`
 1 候选单位  2 评分 [3 评审组] 4 结果  5 测评表        张三（组长）  2026-11-29
评委 3 人 | 组长 张三 | 已提交 22/23 | 待处置分歧 1
 进度  [分歧]  一致性  县级

  类型     对象                     数值/限值    处置
❯ 离群     C-02 上兰角村，王五      -1.50/1.20   维持：王五说明：入户走访的情~
  单项分差 C-01 周屯村，life        6.00/5.00    待处置














还有 1 项分歧提示未经组长处理（如 spread C-01 life），不能定稿
▴▾ 移动  d 处置  Tab 一致性  ⏎ 单位详情  L 定稿  ? 帮助  q 退出
`);
    await ui.press(KEYS.down, "d", "r", "已请张三复核", KEYS.enter, "L", "y");
    expect(ui.lastFrame()).toBe(frame`
 1 候选单位  2 评分 [3 评审组] 4 结果  5 测评表        张三（组长）  2026-11-29
评委 3 人 | 组长 张三 | 已提交 22/23 | 待处置分歧 0  已定稿
 进度  [分歧]  一致性  县级

  类型     对象                     数值/限值    处置
  离群     C-02 上兰角村，王五      -1.50/1.20   维持：王五说明：入户走访的情~
❯ 单项分差 C-01 周屯村，life        6.00/5.00    已修改：已请张三复核














评审已定稿
▴▾ 移动  d 处置  Tab 一致性  ⏎ 单位详情  L 定稿  ? 帮助  q 退出
`);
  });

  it("shows the agreement statistics, or why there are none", async () => {
    ui = renderTui(<App session={chairSession()} />);
    await ui.press("3", KEYS.tab, KEYS.tab);
    expect(ui.lastFrame()).toBe(frame`
 1 候选单位  2 评分 [3 评审组] 4 结果  5 测评表        张三（组长）  2026-11-29
评委 3 人 | 组长 张三 | 已提交 22/23 | 待处置分歧 2
 进度   分歧  [一致性] 县级

县级：4 个单位、3 位评委，完整 3 个
ICC(A,k) 绝对一致（用于达标线）      数据不足，不计算：需要至少 5 个候选单位和
                                     3 位评委的完整评分（现有 3 个、3 位）
ICC(C,k) 排序一致（用于排名）        数据不足，不计算：需要至少 5 个候选单位和
                                     3 位评委的完整评分（现有 3 个、3 位）
ICC(A,1) 单个评委                    数据不足，不计算：需要至少 5 个候选单位和
                                     3 位评委的完整评分（现有 3 个、3 位）
ICC(C,1) 单个评委                    数据不足，不计算：需要至少 5 个候选单位和
                                     3 位评委的完整评分（现有 3 个、3 位）
差值 C-A（偏宽或偏严）               数据不足，不计算：需要至少 5 个候选单位和
                                     3 位评委的完整评分（现有 3 个、3 位）
ICC(1,1) 单向                        数据不足，不计算：需要至少 5 个候选单位和
                                     3 位评委的完整评分（现有 3 个、3 位）
Krippendorff α（区间）               0.812
Kendall W 排序一致                   数据不足，不计算：需要至少 5 个候选单位和
                                     3 位评委的完整评分（现有 3 个、3 位）

县级示范村评审（测试） | 2026-11-29
▴▾ 滚动  Tab 进度  L 定稿  ? 帮助  q 退出
`);
  });

  it("is the chair's: a reviewer has no panel screen", async () => {
    ui = renderTui(<App session={fixtureSession({ user: "李四" })} />);
    await ui.press("3");
    expect(ui.lastFrame()).toContain("[1 候选单位] 2 评分  4 结果  5 测评表");
  });
  it("lets the chair record a conflict on the selected cell, and dismiss a proposed one with a reason", async () => {
    const session = fixtureSession({
      conflicts: [
        {
          reviewer: "王五",
          candidate: "C-03",
          kind: "township",
          source: "proposed",
          match: "河西镇",
        },
      ],
    });
    ui = renderTui(<App session={session} />);
    await ui.press("3", "j", "j", "j", "j", "j", "j", KEYS.right, KEYS.right);
    expect(ui.lastFrame()).toBe(frame`
 1 候选单位  2 评分 [3 评审组] 4 结果  5 测评表        张三（组长）  2026-11-29
评委 3 人 | 组长 张三 | 已提交 22/23 | 待处置分歧 0
[进度]  分歧   一致性  县级
王五 与 C-06 大泉村：尚未评分
  编号     名称         张三   李四   王五   标记
  C-01     周屯村       已提交 已提交 已提交
  C-04     xx街道甲社区 已提交 已提交 已提交 否决
  C-02     上兰角村     已提交 已提交 已提交
  C-08     下兰角村     已提交 已提交 已提交
  C-07     拉德村       已提交 已提交 已提交
  C-05     小分子村     已提交 已提交 已提交
❯ C-06     大泉村       已提交 已提交 -
  C-03     阿依古丽社区 已提交 已提交 拟回避








县级示范村评审（测试） | 2026-11-29
▴▾ 移动  ◂▸ 评委  c 回避  d 撤销回避  v 否决  L 定稿  Tab 切换  ? 帮助  q 退出
`);
    await ui.press("c");
    expect(ui.lastFrame()).toBe(frame`
 1 候选单位  2 评分 [3 评审组] 4 结果  5 测评表        张三（组长）  2026-11-29
评委 3 人 | 组长 张三 | 已提交 22/23 | 待处置分歧 0
[进度]  分歧   一致性  县级
王五 与 C-06 大泉村：尚未评分
  编号     名称         张三   李四   王五   标记
  C-01     周屯村       已提交 已提交 已提交
  C-04     xx街道甲社区 已提交 已提交 已提交 否决
  C-02     上兰角村     已提交 已提交 已提交
  C-08     下兰角村     已提交 已提交 已提交
  C-07     拉德村       已提交 已提交 已提交
  C-05     小分子村     已提交 已提交 已提交
❯ C-06     大泉村       已提交 已提交 -
  C-03     阿依古丽社区 已提交 已提交 拟回避








记录回避：王五 与 大泉村 的关系
1 同单位  2 上下级  3 亲属雇佣  4 协助申报  5 同乡镇  6 其他  Esc 取消
`);
    await ui.press("3");
    expect(ui.lastFrame()).toBe(frame`
 1 候选单位  2 评分 [3 评审组] 4 结果  5 测评表        张三（组长）  2026-11-29
评委 3 人 | 组长 张三 | 已提交 22/22 | 待处置分歧 0
[进度]  分歧   一致性  县级
王五 与 C-06 大泉村：回避（组长记录：亲属或雇佣关系）
  编号     名称         张三   李四   王五   标记
  C-01     周屯村       已提交 已提交 已提交
  C-04     xx街道甲社区 已提交 已提交 已提交 否决
  C-02     上兰角村     已提交 已提交 已提交
  C-08     下兰角村     已提交 已提交 已提交
  C-07     拉德村       已提交 已提交 已提交
  C-05     小分子村     已提交 已提交 已提交
❯ C-06     大泉村       已提交 已提交 回避
  C-03     阿依古丽社区 已提交 已提交 拟回避








已记录回避：王五 不评 大泉村
▴▾ 移动  ◂▸ 评委  c 回避  d 撤销回避  v 否决  L 定稿  Tab 切换  ? 帮助  q 退出
`);
    await ui.press("j");
    expect(ui.lastFrame()).toBe(frame`
 1 候选单位  2 评分 [3 评审组] 4 结果  5 测评表        张三（组长）  2026-11-29
评委 3 人 | 组长 张三 | 已提交 22/22 | 待处置分歧 0
[进度]  分歧   一致性  县级
王五 与 C-03 阿依古丽社区：回避（程序提出：居住在其所在乡镇，河西镇）
  编号     名称         张三   李四   王五   标记
  C-01     周屯村       已提交 已提交 已提交
  C-04     xx街道甲社区 已提交 已提交 已提交 否决
  C-02     上兰角村     已提交 已提交 已提交
  C-08     下兰角村     已提交 已提交 已提交
  C-07     拉德村       已提交 已提交 已提交
  C-05     小分子村     已提交 已提交 已提交
  C-06     大泉村       已提交 已提交 回避
❯ C-03     阿依古丽社区 已提交 已提交 拟回避








县级示范村评审（测试） | 2026-11-29
▴▾ 移动  ◂▸ 评委  c 回避  d 撤销回避  v 否决  L 定稿  Tab 切换  ? 帮助  q 退出
`);
    await ui.press("d");
    expect(ui.lastFrame()).toBe(frame`
 1 候选单位  2 评分 [3 评审组] 4 结果  5 测评表        张三（组长）  2026-11-29
评委 3 人 | 组长 张三 | 已提交 22/22 | 待处置分歧 0
[进度]  分歧   一致性  县级
王五 与 C-03 阿依古丽社区：回避（程序提出：居住在其所在乡镇，河西镇）
  编号     名称         张三   李四   王五   标记
  C-01     周屯村       已提交 已提交 已提交
  C-04     xx街道甲社区 已提交 已提交 已提交 否决
  C-02     上兰角村     已提交 已提交 已提交
  C-08     下兰角村     已提交 已提交 已提交
  C-07     拉德村       已提交 已提交 已提交
  C-05     小分子村     已提交 已提交 已提交
  C-06     大泉村       已提交 已提交 回避
❯ C-03     阿依古丽社区 已提交 已提交 拟回避








撤销 王五 与 阿依古丽社区 的回避，理由：
⏎ 确认  Backspace 删除  Esc 取消
`);
    await ui.press("王五已迁出河西镇", KEYS.enter);
    expect(ui.lastFrame()).toBe(frame`
 1 候选单位  2 评分 [3 评审组] 4 结果  5 测评表        张三（组长）  2026-11-29
评委 3 人 | 组长 张三 | 已提交 22/23 | 待处置分歧 0
[进度]  分歧   一致性  县级
王五 与 C-03 阿依古丽社区：尚未评分
  编号     名称         张三   李四   王五   标记
  C-01     周屯村       已提交 已提交 已提交
  C-04     xx街道甲社区 已提交 已提交 已提交 否决
  C-02     上兰角村     已提交 已提交 已提交
  C-08     下兰角村     已提交 已提交 已提交
  C-07     拉德村       已提交 已提交 已提交
  C-05     小分子村     已提交 已提交 已提交
  C-06     大泉村       已提交 已提交 回避
❯ C-03     阿依古丽社区 已提交 已提交 -








已撤销回避：王五 可评 阿依古丽社区
▴▾ 移动  ◂▸ 评委  c 回避  d 撤销回避  v 否决  L 定稿  Tab 切换  ? 帮助  q 退出
`);
    await ui.press("d");
    expect(ui.lastFrame().split("\n").slice(-2)[0]).toBe("王五 与 阿依古丽社区 之间没有回避");
  });
  it("says so when a conflict sets a submitted sheet's scores aside", async () => {
    ui = renderTui(<App session={fixtureSession()} />);
    // 小分子村 (C-05) is the sixth row; 李四 the second column
    await ui.press(
      "3",
      "j",
      "j",
      "j",
      "j",
      "j",
      KEYS.right,
      "c",
      "6",
      "曾参与起草申报材料",
      KEYS.enter,
    );
    expect(ui.lastFrame().split("\n").slice(2, 4)).toEqual([
      "[进度]  分歧   一致性  县级",
      "李四 与 C-05 小分子村：回避（组长记录：其他，曾参与起草申报材料）",
    ]);
    expect(ui.lastFrame().split("\n").slice(-2)[0]).toBe(
      "已记录回避：李四 不评 小分子村；评委 李四 已为 C-05 打的分因回避不再计入",
    );
  });
});
