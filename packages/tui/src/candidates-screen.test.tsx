import { afterEach, describe, expect, it } from "vitest";
import { App } from "./app.tsx";
import { fixtureSession, manyCandidates } from "../test/fixture-session.ts";
import { frame, KEYS, renderTui } from "../test/render-tui.ts";
import type { Rendered } from "../test/render-tui.ts";

let ui: Rendered | undefined;
afterEach(() => ui?.unmount());

describe("候选单位", () => {
  it("lists every candidate at the level: rank, id, name, type, total, status, progress, marks", () => {
    ui = renderTui(<App session={fixtureSession()} />);
    expect(ui.lastFrame()).toBe(frame`
[1 候选单位] 2 评分  3 评审组  4 结果  5 测评表        张三（组长）  2026-11-29
级别 县级 | 类型 全部 | 结论 全部 | 排序 总分 | 搜索 -                   8/8 个
  排名 编号     名称           类型        总分 结论     进度    标记
❯    1 C-01     周屯村         村         39.83 达标     已提交
       C-04     xx街道甲社区   社区       39.49 否决     已提交
     2 C-02     上兰角村       村         32.83 达标     已提交  并列
     2 C-08     下兰角村       村         32.83 达标     已提交  并列
       C-07     拉德村         村         28.50 未达标   已提交  近线
       C-05     小分子村       村         20.99 资料不全 已提交
       C-06     大泉村         村         17.00 待评审   已提交
       C-03     阿依古丽社区   社区        7.00 待评审   已提交










县级示范村评审（测试） | 2026-11-29
▴▾ 移动  ⏎ 详情  s 评分  / 搜索  t 类型  f 结论  l 级别  o 排序  ? 帮助  q 退出
`);
  });

  it("windows a long list: only the rows on screen are drawn, and the selection scrolls", async () => {
    ui = renderTui(<App session={fixtureSession({ candidates: manyCandidates(300) })} />);
    await ui.press("G");
    expect(ui.lastFrame()).toBe(frame`
[1 候选单位] 2 评分  3 评审组  4 结果  5 测评表        张三（组长）  2026-11-29
级别 县级 | 类型 全部 | 结论 全部 | 排序 总分 | 搜索 -               300/300 个
  排名 编号     名称           类型        总分 结论     进度    标记
   258 V-0176   第176村        村         33.83 达标     已提交  并列
   258 V-0183   第183村        村         33.83 达标     已提交  并列
   258 V-0190   第190村        村         33.83 达标     已提交  并列
   258 V-0197   第197村        村         33.83 达标     已提交  并列
   258 V-0204   第204村        村         33.83 达标     已提交  并列
   258 V-0211   第211村        村         33.83 达标     已提交  并列
   258 V-0218   第218村        村         33.83 达标     已提交  并列
   258 V-0225   第225村        村         33.83 达标     已提交  并列
   258 V-0232   第232村        村         33.83 达标     已提交  并列
   258 V-0239   第239村        村         33.83 达标     已提交  并列
   258 V-0246   第246村        村         33.83 达标     已提交  并列
   258 V-0253   第253村        村         33.83 达标     已提交  并列
   258 V-0260   第260村        村         33.83 达标     已提交  并列
   258 V-0267   第267村        村         33.83 达标     已提交  并列
   258 V-0274   第274村        村         33.83 达标     已提交  并列
   258 V-0281   第281村        村         33.83 达标     已提交  并列
   258 V-0288   第288村        村         33.83 达标     已提交  并列
❯  258 V-0295   第295村        村         33.83 达标     已提交  并列
县级示范村评审（测试） | 2026-11-29
▴▾ 移动  ⏎ 详情  s 评分  / 搜索  t 类型  f 结论  l 级别  o 排序  ? 帮助  q 退出
`);
    await ui.press(KEYS.pageUp, KEYS.up);
    expect(ui.lastFrame()).toBe(frame`
[1 候选单位] 2 评分  3 评审组  4 结果  5 测评表        张三（组长）  2026-11-29
级别 县级 | 类型 全部 | 结论 全部 | 排序 总分 | 搜索 -               300/300 个
  排名 编号     名称           类型        总分 结论     进度    标记
❯  258 V-0162   第162村        村         33.83 达标     已提交  并列
   258 V-0169   第169村        村         33.83 达标     已提交  并列
   258 V-0176   第176村        村         33.83 达标     已提交  并列
   258 V-0183   第183村        村         33.83 达标     已提交  并列
   258 V-0190   第190村        村         33.83 达标     已提交  并列
   258 V-0197   第197村        村         33.83 达标     已提交  并列
   258 V-0204   第204村        村         33.83 达标     已提交  并列
   258 V-0211   第211村        村         33.83 达标     已提交  并列
   258 V-0218   第218村        村         33.83 达标     已提交  并列
   258 V-0225   第225村        村         33.83 达标     已提交  并列
   258 V-0232   第232村        村         33.83 达标     已提交  并列
   258 V-0239   第239村        村         33.83 达标     已提交  并列
   258 V-0246   第246村        村         33.83 达标     已提交  并列
   258 V-0253   第253村        村         33.83 达标     已提交  并列
   258 V-0260   第260村        村         33.83 达标     已提交  并列
   258 V-0267   第267村        村         33.83 达标     已提交  并列
   258 V-0274   第274村        村         33.83 达标     已提交  并列
   258 V-0281   第281村        村         33.83 达标     已提交  并列
县级示范村评审（测试） | 2026-11-29
▴▾ 移动  ⏎ 详情  s 评分  / 搜索  t 类型  f 结论  l 级别  o 排序  ? 帮助  q 退出
`);
  });

  it("filters by unit type and status, and sorts", async () => {
    ui = renderTui(<App session={fixtureSession()} />);
    await ui.press("t", "t");
    expect(ui.lastFrame()).toBe(frame`
[1 候选单位] 2 评分  3 评审组  4 结果  5 测评表        张三（组长）  2026-11-29
级别 县级 | 类型 社区 | 结论 全部 | 排序 总分 | 搜索 -                   2/8 个
  排名 编号     名称           类型        总分 结论     进度    标记
❯      C-04     xx街道甲社区   社区       39.49 否决     已提交
       C-03     阿依古丽社区   社区        7.00 待评审   已提交
















县级示范村评审（测试） | 2026-11-29
▴▾ 移动  ⏎ 详情  s 评分  / 搜索  t 类型  f 结论  l 级别  o 排序  ? 帮助  q 退出
`);
    await ui.press("t", "f", "o", "o");
    expect(ui.lastFrame()).toBe(frame`
[1 候选单位] 2 评分  3 评审组  4 结果  5 测评表        张三（组长）  2026-11-29
级别 县级 | 类型 全部 | 结论 达标 | 排序 名称 | 搜索 -                   3/8 个
  排名 编号     名称           类型        总分 结论     进度    标记
❯    2 C-02     上兰角村       村         32.83 达标     已提交  并列
     2 C-08     下兰角村       村         32.83 达标     已提交  并列
     1 C-01     周屯村         村         39.83 达标     已提交















县级示范村评审（测试） | 2026-11-29
▴▾ 移动  ⏎ 详情  s 评分  / 搜索  t 类型  f 结论  l 级别  o 排序  ? 帮助  q 退出
`);
  });

  it("sorts by id and by status (then total, then id); the selection stays on its candidate", async () => {
    ui = renderTui(<App session={fixtureSession()} />);
    await ui.press("o");
    expect(ui.lastFrame()).toBe(frame`
[1 候选单位] 2 评分  3 评审组  4 结果  5 测评表        张三（组长）  2026-11-29
级别 县级 | 类型 全部 | 结论 全部 | 排序 编号 | 搜索 -                   8/8 个
  排名 编号     名称           类型        总分 结论     进度    标记
❯    1 C-01     周屯村         村         39.83 达标     已提交
     2 C-02     上兰角村       村         32.83 达标     已提交  并列
       C-03     阿依古丽社区   社区        7.00 待评审   已提交
       C-04     xx街道甲社区   社区       39.49 否决     已提交
       C-05     小分子村       村         20.99 资料不全 已提交
       C-06     大泉村         村         17.00 待评审   已提交
       C-07     拉德村         村         28.50 未达标   已提交  近线
     2 C-08     下兰角村       村         32.83 达标     已提交  并列










县级示范村评审（测试） | 2026-11-29
▴▾ 移动  ⏎ 详情  s 评分  / 搜索  t 类型  f 结论  l 级别  o 排序  ? 帮助  q 退出
`);
    await ui.press("G", "o", "o");
    expect(ui.lastFrame()).toBe(frame`
[1 候选单位] 2 评分  3 评审组  4 结果  5 测评表        张三（组长）  2026-11-29
级别 县级 | 类型 全部 | 结论 全部 | 排序 结论 | 搜索 -                   8/8 个
  排名 编号     名称           类型        总分 结论     进度    标记
     1 C-01     周屯村         村         39.83 达标     已提交
     2 C-02     上兰角村       村         32.83 达标     已提交  并列
❯    2 C-08     下兰角村       村         32.83 达标     已提交  并列
       C-07     拉德村         村         28.50 未达标   已提交  近线
       C-06     大泉村         村         17.00 待评审   已提交
       C-03     阿依古丽社区   社区        7.00 待评审   已提交
       C-05     小分子村       村         20.99 资料不全 已提交
       C-04     xx街道甲社区   社区       39.49 否决     已提交










县级示范村评审（测试） | 2026-11-29
▴▾ 移动  ⏎ 详情  s 评分  / 搜索  t 类型  f 结论  l 级别  o 排序  ? 帮助  q 退出
`);
  });

  it("searches names and ids as they are typed; Esc clears the search", async () => {
    ui = renderTui(<App session={fixtureSession()} />);
    await ui.press("/", "兰", "角");
    expect(ui.lastFrame()).toBe(frame`
[1 候选单位] 2 评分  3 评审组  4 结果  5 测评表        张三（组长）  2026-11-29
级别 县级 | 类型 全部 | 结论 全部 | 排序 总分 | 搜索 兰角                2/8 个
  排名 编号     名称           类型        总分 结论     进度    标记
❯    2 C-02     上兰角村       村         32.83 达标     已提交  并列
     2 C-08     下兰角村       村         32.83 达标     已提交  并列
















县级示范村评审（测试） | 2026-11-29
abc 输入名称或编号  ⏎ 完成  Esc 清除  ? 帮助  q 退出
`);
    await ui.press(KEYS.enter, KEYS.down);
    expect(ui.lastFrame()).toBe(frame`
[1 候选单位] 2 评分  3 评审组  4 结果  5 测评表        张三（组长）  2026-11-29
级别 县级 | 类型 全部 | 结论 全部 | 排序 总分 | 搜索 兰角                2/8 个
  排名 编号     名称           类型        总分 结论     进度    标记
     2 C-02     上兰角村       村         32.83 达标     已提交  并列
❯    2 C-08     下兰角村       村         32.83 达标     已提交  并列
















县级示范村评审（测试） | 2026-11-29
▴▾ 移动  ⏎ 详情  s 评分  / 搜索  t 类型  f 结论  l 级别  o 排序  ? 帮助  q 退出
`);
    await ui.press(KEYS.escape);
    expect(ui.lastFrame()).toContain("8/8 个");
  });

  it("speaks English when asked", () => {
    ui = renderTui(<App session={fixtureSession()} lang="en" />);
    expect(ui.lastFrame()).toBe(frame`
[1 Candidates] 2 Scoring  3 Panel  4 Results  5 Rules  张三 (chair)  2026-11-29
level county | type all | status all | sort total | search -             8 of 8
  rank id       name         type         total status     progress marks
❯    1 C-01     周屯村       village      39.83 eligible   done
       C-04     xx街道甲社区 community    39.49 vetoed     done
     2 C-02     上兰角村     village      32.83 eligible   done     tied
     2 C-08     下兰角村     village      32.83 eligible   done     tied
       C-07     拉德村       village      28.50 below      done     near
       C-05     小分子村     village      20.99 incomplete done
       C-06     大泉村       village      17.00 pending    done
       C-03     阿依古丽社区 community     7.00 pending    done










县级示范村评审（测试） | 2026-11-29
▴▾  ⏎ open  s score  / find  t type  f status  l level  o sort  ? help  q quit
`);
  });
});
