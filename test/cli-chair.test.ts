import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ceping, cepingProcess } from "./helpers/run-cli.ts";

const CHAIR = "王建华";
const HASH = "[0-9a-f]{64}";

interface DemoScores {
  scores: Record<string, Record<string, Record<string, number>>>;
}

/**
 * The demo assessment with two changes that give the chair work: GD-09, a twin of GD-02 with the
 * same data and scores (a tie on every level), and 赵志刚's 2 for GD-01's livelihood (a spread flag
 * on each of the three levels).
 */
async function chairDemo(): Promise<string> {
  const folder = mkdtempSync(join(tmpdir(), "ceping-chair-"));
  const demo = JSON.parse(readFileSync("fixtures/demo/candidates.json", "utf8")) as {
    candidates: { id: string; name: string }[];
  };
  const twin = demo.candidates.find((candidate) => candidate.id === "GD-02");
  demo.candidates.push({
    ...(twin as { id: string; name: string }),
    id: "GD-09",
    name: "上兰角村二组",
  });
  const scores = JSON.parse(readFileSync("fixtures/demo/scores.json", "utf8")) as DemoScores;
  for (const byCandidate of Object.values(scores.scores)) {
    if (byCandidate["GD-02"]) {
      byCandidate["GD-09"] = { ...byCandidate["GD-02"] };
    }
  }
  (scores.scores["赵志刚"]?.["GD-01"] as Record<string, number>).livelihood = 2;
  writeFileSync(join(folder, "candidates.json"), JSON.stringify(demo));
  writeFileSync(join(folder, "scores.json"), JSON.stringify(scores));
  const file = join(folder, "chair.ceping");
  const init = await ceping(
    "init",
    file,
    "--rules",
    "rules",
    "--candidates",
    join(folder, "candidates.json"),
    "--on",
    "2026-11-29",
    "--reviewers",
    "王建华,马秀兰,才让扎西,李晓燕,赵志刚",
    "--chair",
    CHAIR,
  );
  expect(init.code).toBe(0);
  expect((await ceping("import", file, "--scores", join(folder, "scores.json"))).code).toBe(0);
  return file;
}

/** The export's flags and the county ranking with its quotas. */
async function exported(file: string) {
  const json = JSON.parse((await ceping("export", file)).stdout) as {
    flags: { key: string }[];
    assessment: { finalHash: string; locked: boolean };
    ranking: Record<string, { ties: string[][]; quotas: Record<string, unknown>[] }>;
  };
  return json;
}

describe("the chair's jobs on the command line", () => {
  it("ceping veto raises a panel veto and withdraws it, each with a reason", async () => {
    const file = await chairDemo();
    const veto = ["veto", file, "--as", CHAIR, "--candidate", "GD-01", "--veto", "fraud"];
    const raised = await ceping(...veto, "--reason", "申报材料与实地不符");
    expect(raised).toMatchObject({ code: 0, stderr: "" });
    expect(raised.stdout).toMatch(new RegExp(`^已对 GD-01 提出否决项 fraud；日志哈希 ${HASH}\n$`));
    const withdrawn = await ceping(...veto, "--withdraw", "--reason", "经复核，材料属实");
    expect(withdrawn.code).toBe(0);
    expect(withdrawn.stdout).toMatch(
      new RegExp(`^已撤回 GD-01 的否决项 fraud；日志哈希 ${HASH}\n$`),
    );
    expect((await exported(file)).assessment.finalHash).toBe(
      /日志哈希 ([0-9a-f]{64})/.exec(withdrawn.stdout)?.[1],
    );

    const again = await ceping(...veto, "--withdraw", "--reason", "再撤一次");
    expect([again.code, again.stdout, again.stderr]).toEqual([
      1,
      "",
      `${file} vetoes.GD-01.fraud: 错误: 没有对 GD-01 提出过否决项"fraud"\n1 个错误\n`,
    ]);
    const notChair = await ceping(
      "veto",
      file,
      "--as",
      "马秀兰",
      "--candidate",
      "GD-01",
      "--veto",
      "fraud",
      "--reason",
      "x",
    );
    expect([notChair.code, notChair.stderr]).toEqual([
      1,
      `${file} vetoes.GD-01.fraud: 错误: 只有评审组长（王建华）可以提出否决项，马秀兰 不能\n1 个错误\n`,
    ]);
    const computed = await ceping(...veto.slice(0, -1), "mass_incident", "--reason", "x");
    expect(computed.stderr.split("\n")[0]).toBe(
      `${file} vetoes.GD-01.mass_incident: 错误: 候选单位 GD-01 适用的测评表中没有由评审组提出的否决项"mass_incident"`,
    );
    const noReason = await ceping(...veto);
    expect([noReason.code, noReason.stderr.split("\n")[0]]).toEqual([2, "ceping: 缺少 --reason"]);
  });

  it("ceping dispose records the chair's disposition of a flag, by its key or its parts", async () => {
    const file = await chairDemo();
    const keys = (await exported(file)).flags.map((flag) => flag.key);
    expect(keys).toEqual([
      '["spread","county","GD-01","livelihood"]',
      '["spread","prefecture","GD-01","livelihood"]',
      '["spread","province","GD-01","livelihood"]',
    ]);
    const dispose = ["dispose", file, "--as", CHAIR];
    const kept = await ceping(
      ...dispose,
      "--flag",
      "spread,county,GD-01,livelihood",
      "--kept",
      "--reason",
      "赵志刚书面说明：入户走访所见与材料不符",
    );
    expect(kept.code).toBe(0);
    expect(kept.stdout).toMatch(
      new RegExp(
        `^已处置分歧 \\["spread","county","GD-01","livelihood"\\]：维持原分；日志哈希 ${HASH}\n$`,
      ),
    );
    const revised = await ceping(
      ...dispose,
      "--flag",
      keys[1] as string,
      "--revised",
      "--reason",
      "已请赵志刚复核",
    );
    expect(revised.stdout).toMatch(/：已修改；日志哈希 /);

    const unknown = await ceping(
      ...dispose,
      "--flag",
      "spread,county,GD-09,livelihood",
      "--kept",
      "--reason",
      "x",
    );
    expect([unknown.code, unknown.stderr]).toEqual([
      1,
      `${file} flags.["spread","county","GD-09","livelihood"]: 错误: 当前没有这项分歧提示：["spread","county","GD-09","livelihood"]（评分可能已变，请重新查看）\n1 个错误\n`,
    ]);
    const both = await ceping(
      ...dispose,
      "--flag",
      keys[2] as string,
      "--kept",
      "--revised",
      "--reason",
      "x",
    );
    expect([both.code, both.stderr.split("\n")[0]]).toEqual([
      2,
      "ceping: --kept 与 --revised 须选且只选一个",
    ]);
  });

  it("ceping decide orders a group of tied candidates, and only such a group", async () => {
    const file = await chairDemo();
    expect((await exported(file)).ranking.county?.ties).toEqual([["GD-02", "GD-09"]]);
    const decide = ["decide", file, "--as", CHAIR, "--level", "county"];
    const decided = await ceping(...decide, "--order", "GD-09,GD-02", "--reason", "现场答辩后决定");
    expect(decided.code).toBe(0);
    expect(decided.stdout).toMatch(
      new RegExp(`^已决定县级并列名次：GD-09、GD-02；日志哈希 ${HASH}\n$`),
    );
    expect((await exported(file)).ranking.county?.ties).toEqual([]);

    const wrong = await ceping(
      "decide",
      file,
      "--as",
      CHAIR,
      "--level",
      "prefecture",
      "--order",
      "GD-09,GD-01",
      "--reason",
      "x",
    );
    expect([wrong.code, wrong.stderr]).toEqual([
      1,
      `${file} ties.prefecture: 错误: GD-09、GD-01 不是 prefecture 级一组未分先后的并列（须恰为并列的全部单位，各一次）\n1 个错误\n`,
    ]);
    const noOrder = await ceping(...decide, "--reason", "x");
    expect([noOrder.code, noOrder.stderr.split("\n")[0]]).toEqual([2, "ceping: 缺少 --order"]);
  });

  it("ceping quota sets seats for a unit type, replaces them, and shows the tie at the cut", async () => {
    const file = await chairDemo();
    const quota = ["quota", file, "--as", CHAIR, "--level", "county"];
    const set = await ceping(...quota, "--unit-type", "村", "--seats", "4");
    expect(set.code).toBe(0);
    expect(set.stdout).toMatch(
      new RegExp(`^已设定县级名额 county-village（村）4 个；日志哈希 ${HASH}\n$`),
    );
    const replaced = await ceping(
      ...quota,
      "--unit-type",
      "village",
      "--seats",
      "5",
      "--format",
      "json",
    );
    expect(replaced.code).toBe(0);
    const answer = JSON.parse(replaced.stdout) as { ok: boolean; hash: string };
    expect(Object.keys(answer)).toEqual(["ok", "hash"]);
    expect(answer.ok).toBe(true);
    expect(answer.hash).toMatch(new RegExp(`^${HASH}$`));
    expect((await exported(file)).assessment.finalHash).toBe(answer.hash);
    expect((await exported(file)).ranking.county?.quotas).toEqual([
      expect.objectContaining({
        id: "county-village",
        seats: 5,
        admitted: ["JMS-01", "GD-01", "GD-04", "GD-03"],
        tiedAtCut: { candidates: ["GD-02", "GD-09"], seats: 1 },
      }),
    ]);
    const region = await ceping(...quota, "--region", "河西镇", "--seats", "1", "--id", "河西");
    expect(region.stdout).toMatch(/^已设定县级名额 河西（河西镇）1 个；/);

    const none = await ceping(...quota, "--seats", "0");
    expect([none.code, none.stderr]).toEqual([
      1,
      `${file} quotas.county: 错误: 名额 county：名额数应为正整数，实为 0\n1 个错误\n`,
    ]);
    const typed = await ceping(...quota, "--seats", "五");
    expect([typed.code, typed.stderr.split("\n")[0]]).toEqual([
      2,
      "ceping: --seats 应为整数，实为 五",
    ]);
    const twoScopes = await ceping(
      ...quota,
      "--seats",
      "1",
      "--unit-type",
      "村",
      "--region",
      "河西镇",
    );
    expect([twoScopes.code, twoScopes.stderr.split("\n")[0]]).toEqual([
      2,
      "ceping: --unit-type 与 --region 只能选一个",
    ]);
  });

  it("ceping lock refuses while a flag or a tie at the cut is open, then finalizes", async () => {
    const file = await chairDemo();
    const lock = ["lock", file, "--as", CHAIR];
    const flagsOpen = await ceping(...lock);
    expect([flagsOpen.code, flagsOpen.stderr]).toEqual([
      1,
      `${file} lock: 错误: 还有 3 项分歧提示未经组长处理（如 spread GD-01 livelihood），不能定稿\n1 个错误\n`,
    ]);
    // a script works through what the export lists
    for (const { key } of (await exported(file)).flags) {
      const done = await ceping(
        "dispose",
        file,
        "--as",
        CHAIR,
        "--flag",
        key,
        "--kept",
        "--reason",
        "评委书面说明",
      );
      expect(done.code).toBe(0);
    }
    await ceping(
      "quota",
      file,
      "--as",
      CHAIR,
      "--level",
      "county",
      "--unit-type",
      "village",
      "--seats",
      "5",
    );
    const tieOpen = await ceping(...lock);
    expect([tieOpen.code, tieOpen.stderr]).toEqual([
      1,
      `${file} lock: 错误: 名额线上有并列未决（GD-02、GD-09），须组长决定名次后才能定稿\n1 个错误\n`,
    ]);
    await ceping(
      "decide",
      file,
      "--as",
      CHAIR,
      "--level",
      "county",
      "--order",
      "GD-02,GD-09",
      "--reason",
      "现场答辩",
    );
    const locked = await ceping(...lock);
    expect(locked.code).toBe(0);
    expect(locked.stdout).toMatch(new RegExp(`^评审已定稿，不能再更改；最终哈希 ${HASH}\n$`));
    const json = await exported(file);
    expect(json.assessment.locked).toBe(true);
    expect(json.ranking.county?.quotas[0]).toMatchObject({
      admitted: ["JMS-01", "GD-01", "GD-04", "GD-03", "GD-02"],
    });
    const after = await ceping(
      "veto",
      file,
      "--as",
      CHAIR,
      "--candidate",
      "GD-01",
      "--veto",
      "fraud",
      "--reason",
      "x",
    );
    expect([after.code, after.stderr]).toEqual([
      1,
      `${file} vetoes.GD-01.fraud: 错误: 评审已定稿（锁定），不能再更改\n1 个错误\n`,
    ]);
    expect((await ceping("verify", file)).code).toBe(0);
    const noActor = await ceping("lock", file);
    expect([noActor.code, noActor.stderr.split("\n")[0]]).toEqual([2, "ceping: 缺少 --as"]);
  });

  it("runs as a real process for scripts: one JSON object, and the commands in the usage", async () => {
    const file = await chairDemo();
    const run = cepingProcess(["lock", file, "--as", CHAIR, "--format", "json"]);
    expect([run.code, run.stdout]).toEqual([1, ""]);
    expect(run.stderr).toContain("不能定稿");
    const quota = cepingProcess([
      "quota",
      file,
      "--as",
      CHAIR,
      "--level",
      "county",
      "--seats",
      "3",
      "--format",
      "json",
    ]);
    expect(quota.code).toBe(0);
    expect(quota.stdout).toMatch(new RegExp(`^\\{"ok":true,"hash":"${HASH}"\\}\n$`));
    const help = {
      zh: (await ceping("--help")).stdout,
      en: (await ceping("--help", "--lang", "en")).stdout,
    };
    for (const command of ["veto", "dispose", "decide", "quota", "lock"]) {
      expect(help.zh).toContain(`ceping ${command} 评审.ceping --as 组长`);
      expect(help.en).toContain(`ceping ${command} FILE.ceping --as CHAIR`);
    }
  });
});
