import { resultsToJson, scoreCandidates, loadRuleLibrary } from "@ceping/engine";
import type { Issue } from "@ceping/engine";
import { describe, expect, it } from "vitest";
import {
  sampleInit,
  SAMPLE_CANDIDATES,
  SAMPLE_RULES,
  steppingClock,
} from "../fixtures/sample-assessment.ts";
import { CALM, sheets } from "../fixtures/score-sheets.ts";
import type { Assessment } from "./assessment.ts";
import type { AssessmentInit } from "./create-assessment.ts";
import { createAssessment } from "./create-assessment.ts";
import { createMemoryStore } from "./memory-store.ts";
import { openAssessment } from "./open-assessment.ts";
import type { Result } from "./result.ts";

function make(overrides: Partial<AssessmentInit> = {}): Assessment {
  const made = createAssessment(createMemoryStore("a.ceping"), sampleInit(overrides), {
    now: steppingClock(),
  });
  if (!made.ok) {
    throw new Error(JSON.stringify(made.issues));
  }
  return made.value;
}

function value<T>(result: Result<T>): T {
  if (!result.ok) {
    throw new Error(JSON.stringify(result.issues));
  }
  return result.value;
}

const codes = (result: { issues: readonly Issue[] }) => result.issues.map((issue) => issue.code);

describe("scores", () => {
  it("records a score as a new event and confirms it with its id and version", () => {
    const assessment = make();
    const before = assessment.info().events;
    const receipt = value(
      assessment.enterScore({
        actor: "李四",
        reviewer: "李四",
        candidate: "V1",
        indicator: "lead",
        points: 4.5,
      }),
    );
    expect(receipt).toEqual({ seq: before + 1, version: 1, changed: true });
    expect(assessment.events(before)).toMatchObject([
      {
        seq: before + 1,
        actor: "李四",
        kind: "score.entered",
        payload: { points: 4.5, indicator: "lead" },
      },
    ]);
    const again = value(
      assessment.enterScore({
        actor: "李四",
        reviewer: "李四",
        candidate: "V1",
        indicator: "lead",
        points: 4.5,
      }),
    );
    expect(again).toEqual({ seq: before + 1, version: 1, changed: false });
    expect(assessment.info().events).toBe(before + 1);
  });

  it("changes a draft freely, but a submitted score only with a reason, as a new version", () => {
    const assessment = make();
    const score = { actor: "李四", reviewer: "李四", candidate: "V1", indicator: "lead" } as const;
    value(assessment.enterScore({ ...score, points: 4 }));
    value(assessment.enterScore({ ...score, points: 4.5 }));
    value(assessment.submitSheet(score));
    const refused = assessment.enterScore({ ...score, points: 3 });
    expect(codes(refused)).toEqual(["store.revision_reason"]);
    expect(refused.issues[0]?.params).toMatchObject({ from: 4.5, to: 3 });
    const revised = value(assessment.enterScore({ ...score, points: 3, reason: "复核台账后下调" }));
    expect(revised.version).toBe(3);
    const versions = assessment.state().scores.get("V1\u0000李四")?.get("lead");
    expect(versions?.map((v) => [v.points, v.reason ?? null])).toEqual([
      [4, null],
      [4.5, null],
      [3, "复核台账后下调"],
    ]);
  });

  it("refuses what the table does not allow, with the engine's messages, and writes nothing", () => {
    const assessment = make();
    const before = assessment.info().events;
    const score = { actor: "李四", reviewer: "李四", candidate: "V1" } as const;
    expect(codes(assessment.enterScore({ ...score, indicator: "lead", points: 5.5 }))).toEqual([
      "score.range",
    ]);
    expect(codes(assessment.enterScore({ ...score, indicator: "lead", points: 4.25 }))).toEqual([
      "score.step",
    ]);
    expect(codes(assessment.enterScore({ ...score, indicator: "size", points: 4 }))).toEqual([
      "score.unknown_indicator",
    ]);
    expect(
      codes(assessment.enterScore({ ...score, candidate: "V9", indicator: "lead", points: 4 })),
    ).toEqual(["score.unknown_candidate"]);
    expect(
      codes(assessment.enterScore({ ...score, reviewer: "钱七", indicator: "lead", points: 4 })),
    ).toEqual(["store.unknown_reviewer"]);
    expect(codes(assessment.submitSheet(score))).toEqual(["store.nothing_to_submit"]);
    expect(assessment.info().events).toBe(before);
  });

  it("never lets the chair enter another reviewer's score; the secretariat may transcribe one", () => {
    const assessment = make();
    const score = { reviewer: "李四", candidate: "V1", indicator: "lead", points: 4 } as const;
    expect(codes(assessment.enterScore({ ...score, actor: "张三" }))).toEqual([
      "store.chair_not_scorer",
    ]);
    expect(assessment.enterScore({ ...score, actor: "秘书处" }).ok).toBe(true);
    expect(assessment.enterScore({ ...score, reviewer: "张三", actor: "张三" }).ok).toBe(true);
  });

  it("imports sheets all or nothing, listing every problem where it was read", () => {
    const assessment = make();
    const before = assessment.info().events;
    const refused = assessment.importScores({
      actor: "秘书处",
      entries: sheets({
        V1: { 李四: [4, 9, 4, 1], 王五: [4, 4, 4.2, 1] },
        V2: { 钱七: [1, 2, 3] },
        V3: { 钱七: [1, 2, 3] },
        V9: { 李四: [1, 2] },
      }),
    });
    expect(refused.issues.map((issue) => [issue.code, issue.place.path])).toEqual([
      ["score.range", "李四.V1.plan"],
      ["score.step", "王五.V1.life"],
      ["store.unknown_reviewer", "钱七.V2.lead"],
      ["score.unknown_candidate", "李四.V9.lead"],
    ]);
    expect(assessment.info().events).toBe(before);
    const summary = value(assessment.importScores({ actor: "秘书处", entries: sheets(CALM) }));
    expect(summary).toEqual({
      entered: 96,
      revised: 0,
      unchanged: 0,
      submitted: 24,
      reviewersAdded: [],
    });
    const again = value(assessment.importScores({ actor: "秘书处", entries: sheets(CALM) }));
    expect(again).toMatchObject({ entered: 0, unchanged: 96, submitted: 0 });
    const changed = sheets({ V1: { 李四: [5] } });
    expect(codes(assessment.importScores({ actor: "秘书处", entries: changed }))).toEqual([
      "store.revision_reason",
    ]);
    expect(
      value(
        assessment.importScores({
          actor: "秘书处",
          entries: changed,
          reason: "重新核对纸质评分表",
        }),
      ),
    ).toMatchObject({
      revised: 1,
    });
  });

  it("adds the reviewers sheets name when created without a panel list", () => {
    const assessment = make({ reviewers: [], chair: undefined });
    const summary = value(
      assessment.importScores({ actor: "秘书处", entries: sheets({ V1: { 甲: [4, 4, 4, 1] } }) }),
    );
    expect(summary.reviewersAdded).toEqual(["甲"]);
    expect(assessment.info().reviewers).toEqual(["甲"]);
  });
});

describe("several writers on one store", () => {
  it("see each other's events before they decide, as a shared backend would need", () => {
    const store = createMemoryStore("shared");
    const first = value(createAssessment(store, sampleInit()));
    const second = value(openAssessment(store));
    value(
      first.enterScore({
        actor: "李四",
        reviewer: "李四",
        candidate: "V1",
        indicator: "lead",
        points: 4,
      }),
    );
    value(first.submitSheet({ actor: "李四", reviewer: "李四", candidate: "V1" }));
    const stale = second.enterScore({
      actor: "李四",
      reviewer: "李四",
      candidate: "V1",
      indicator: "lead",
      points: 3,
    });
    expect(codes(stale)).toEqual(["store.revision_reason"]);
    expect(second.info().finalHash).toBe(first.info().finalHash);
  });
});

describe("results", () => {
  it("are what the engine's scoreCandidates gives for the same rules, candidates, date and scores", () => {
    const assessment = make();
    value(assessment.importScores({ actor: "秘书处", entries: sheets(CALM) }));
    value(
      assessment.raiseVeto({
        actor: "张三",
        candidate: "V5",
        veto: "discipline",
        reason: "纪委通报",
      }),
    );
    const { library } = loadRuleLibrary(SAMPLE_RULES);
    const candidates = SAMPLE_CANDIDATES.map((candidate, index) => ({
      ...candidate,
      place: { file: "x", path: `${index}` },
      scores: Object.fromEntries(
        Object.entries(CALM[candidate.id as keyof typeof CALM]).map(([reviewer, points]) => [
          reviewer,
          {
            lead: points[0] as number,
            plan: points[1] as number,
            life: points[2] as number,
            innovation: points[3] as number,
          },
        ]),
      ),
    }));
    const expected = scoreCandidates(library!, candidates, {
      on: "2026-11-29",
      raisedVetoes: new Map([["V5", ["discipline"]]]),
    });
    const exported = assessment.toJson();
    expect({ on: exported.on, candidates: exported.candidates }).toEqual(
      resultsToJson(expected.results, "2026-11-29"),
    );
    expect(exported.assessment).toMatchObject({
      finalHash: assessment.info().finalHash,
      locked: false,
    });
    expect(
      (exported.candidates as { id: string; levels: { status: string }[] }[]).map(
        (c) => c.levels[0]?.status,
      ),
    ).toEqual(["eligible", "below_threshold", "eligible", "below_threshold", "vetoed", "eligible"]);
  });

  it("count only submitted sheets", () => {
    const assessment = make();
    const entries = sheets({ V1: { 李四: [4, 4, 4, 1], 王五: [4, 4, 4, 1], 赵六: [4, 4, 4, 1] } });
    for (const entry of entries) {
      value(
        assessment.enterScore({
          actor: entry.reviewer,
          reviewer: entry.reviewer,
          candidate: entry.candidateId,
          indicator: entry.indicator,
          points: entry.points,
        }),
      );
    }
    const status = () => assessment.results().results[0]?.levels[0]?.status;
    expect(status()).toBe("pending_panel");
    for (const reviewer of ["李四", "王五", "赵六"]) {
      value(assessment.submitSheet({ actor: reviewer, reviewer, candidate: "V1" }));
    }
    expect(status()).toBe("eligible");
  });
});

describe("results step by step", () => {
  it("are after every event what an assessment opened afresh computes from scratch", () => {
    // `first` keeps its results between events and rescores only what an event changed
    const store = createMemoryStore("memo");
    const first = value(createAssessment(store, sampleInit(), { now: steppingClock() }));
    const fresh = () => value(openAssessment(store)).toJson();
    const same = () => expect(first.toJson()).toEqual(fresh());
    same();
    const TIED = { ...CALM, V6: CALM.V1, V3: { ...CALM.V3, 赵六: [2.5, 2.5, 2.5, 0.5] } };
    value(first.importScores({ actor: "秘书处", entries: sheets({ V2: TIED.V2, V3: TIED.V3 }) }));
    same();
    // a draft changes nothing that counts; its submission does
    value(
      first.enterScore({
        actor: "李四",
        reviewer: "李四",
        candidate: "V1",
        indicator: "lead",
        points: 4,
      }),
    );
    same();
    value(first.importScores({ actor: "秘书处", entries: sheets(TIED) }));
    same();
    value(first.raiseVeto({ actor: "张三", candidate: "V5", veto: "discipline", reason: "通报" }));
    same();
    value(
      first.withdrawVeto({ actor: "张三", candidate: "V5", veto: "discipline", reason: "撤回" }),
    );
    same();
    value(
      first.declareConflict({
        actor: "李四",
        reviewer: "李四",
        candidate: "V4",
        kind: "family_employment",
      }),
    );
    same();
    const flag = first.results().levels[0]?.flags[0]?.key ?? "";
    value(first.disposeFlag({ actor: "张三", flag, disposition: "kept", reason: "说明" }));
    same();
    value(
      first.setQuota({
        actor: "张三",
        id: "q",
        level: "county",
        scope: { kind: "level" },
        seats: 2,
      }),
    );
    same();
    const tie = first.results().levels[0]?.ties[0] ?? [];
    value(
      first.decideTie({
        actor: "张三",
        level: "county",
        order: [...tie].reverse(),
        reason: "实地考察",
      }),
    );
    same();
    expect(first.results().levels[0]?.quotas[0]?.admitted).toHaveLength(2);
  });
});

describe("conflicts (回避)", () => {
  it("are proposed when a reviewer's township or unit matches, refuse scoring, and go only with the chair's reason", () => {
    const assessment = make({
      reviewers: ["张三", { name: "李四", township: "甲镇" }, { name: "王五", unit: "三村" }],
    });
    const conflicts = [...assessment.state().conflicts.values()].map((c) => [
      c.reviewer,
      c.candidate,
      c.kind,
      c.source,
    ]);
    expect(conflicts).toEqual([
      ["李四", "V1", "township", "proposed"],
      ["李四", "V2", "township", "proposed"],
      ["李四", "V6", "township", "proposed"],
      ["王五", "V3", "same_unit", "proposed"],
    ]);
    const score = {
      actor: "李四",
      reviewer: "李四",
      candidate: "V1",
      indicator: "lead",
      points: 4,
    } as const;
    const refused = assessment.enterScore(score);
    expect(codes(refused)).toEqual(["store.conflicted"]);
    const imported = assessment.importScores({
      actor: "秘书处",
      entries: sheets({ V1: { 李四: [4, 4, 4, 1] } }),
    });
    expect(imported.issues.map((issue) => [issue.code, issue.place.path])).toEqual([
      ["store.conflicted", "李四.V1.lead"],
    ]);
    expect(refused.issues[0]?.params).toMatchObject({ kind: "township" });
    const dismissal = { reviewer: "李四", candidate: "V1", reason: "" };
    expect(
      codes(assessment.dismissConflict({ ...dismissal, actor: "李四", reason: "已搬离" })),
    ).toEqual(["store.chair_only"]);
    expect(codes(assessment.dismissConflict({ ...dismissal, actor: "张三" }))).toEqual([
      "store.reason_missing",
    ]);
    value(
      assessment.dismissConflict({
        ...dismissal,
        actor: "张三",
        reason: "2024 年已迁居县城，不在甲镇居住",
      }),
    );
    expect(assessment.enterScore(score).ok).toBe(true);
  });

  it("are declared by the reviewer or recorded by the chair, each with its kind, never by someone else", () => {
    const assessment = make();
    const conflict = { reviewer: "李四", candidate: "V2", kind: "helped_prepare" } as const;
    expect(codes(assessment.declareConflict({ ...conflict, actor: "王五" }))).toEqual([
      "store.conflict_actor",
    ]);
    expect(
      codes(assessment.declareConflict({ ...conflict, actor: "李四", kind: "other" })),
    ).toEqual(["store.conflict_note"]);
    value(assessment.declareConflict({ ...conflict, actor: "李四" }));
    expect(codes(assessment.declareConflict({ ...conflict, actor: "张三" }))).toEqual([
      "store.conflict_exists",
    ]);
    value(
      assessment.declareConflict({
        reviewer: "王五",
        candidate: "V2",
        kind: "family_employment",
        actor: "张三",
      }),
    );
    const sources = [...assessment.state().conflicts.values()].map((c) => [c.reviewer, c.source]);
    expect(sources).toEqual([
      ["李四", "declared"],
      ["王五", "recorded"],
    ]);
  });

  it("set aside scores already given when a conflict comes to light later", () => {
    const assessment = make();
    value(assessment.importScores({ actor: "秘书处", entries: sheets(CALM) }));
    const declared = value(
      assessment.declareConflict({
        actor: "赵六",
        reviewer: "赵六",
        candidate: "V1",
        kind: "family_employment",
      }),
    );
    expect(declared.kind).toBe("conflict.declared");
    expect(assessment.results().scores.get("V1")).not.toHaveProperty("赵六");
    expect(assessment.results().scores.get("V2")).toHaveProperty("赵六");
  });
});

describe("independence", () => {
  it("hides other reviewers' scores until the reviewer has submitted their own", () => {
    const assessment = make({ chair: "钱七", reviewers: ["张三", "李四", "王五", "赵六", "钱七"] });
    value(
      assessment.importScores({ actor: "秘书处", entries: sheets({ V1: { 张三: [4, 4, 4, 1] } }) }),
    );
    value(
      assessment.enterScore({
        actor: "王五",
        reviewer: "王五",
        candidate: "V1",
        indicator: "lead",
        points: 2,
      }),
    );
    const before = value(assessment.scoresFor("李四", "V1"));
    expect(before.others).toBe("hidden");
    value(
      assessment.enterScore({
        actor: "李四",
        reviewer: "李四",
        candidate: "V1",
        indicator: "lead",
        points: 3,
      }),
    );
    expect(value(assessment.scoresFor("李四", "V1")).others).toBe("hidden");
    value(assessment.submitSheet({ actor: "李四", reviewer: "李四", candidate: "V1" }));
    const after = value(assessment.scoresFor("李四", "V1"));
    // 王五's draft stays private
    expect(after.others === "hidden" ? [] : after.others.map((sheet) => sheet.reviewer)).toEqual([
      "张三",
    ]);
    expect(value(assessment.scoresFor("李四", "V2")).others).toBe("hidden");
  });

  it("shows the chair every submitted sheet, unless the chair is scoring the candidate too, and refuses outsiders", () => {
    const outsider = make({ chair: "组长" });
    value(
      outsider.importScores({ actor: "秘书处", entries: sheets({ V1: { 李四: [4, 4, 4, 1] } }) }),
    );
    expect(value(outsider.scoresFor("组长", "V1")).others).toHaveLength(1);
    expect(value(outsider.scoresFor("张三", "V1")).others).toBe("hidden");
    expect(codes(outsider.scoresFor("路人", "V1"))).toEqual(["store.not_on_panel"]);
  });

  it("shows a conflicted reviewer nothing of the candidate's scores", () => {
    const assessment = make();
    value(
      assessment.importScores({ actor: "秘书处", entries: sheets({ V1: { 张三: [4, 4, 4, 1] } }) }),
    );
    value(
      assessment.declareConflict({
        actor: "李四",
        reviewer: "李四",
        candidate: "V1",
        kind: "same_unit",
      }),
    );
    const view = value(assessment.scoresFor("李四", "V1"));
    expect(view.conflict?.kind).toBe("same_unit");
    expect(view.others).toBe("hidden");
  });
});

describe("vetoes", () => {
  it("are raised and withdrawn by the chair with a reason, and only the panel's own", () => {
    const assessment = make();
    const veto = { candidate: "V1", veto: "discipline" } as const;
    expect(codes(assessment.raiseVeto({ ...veto, actor: "李四", reason: "x" }))).toEqual([
      "store.chair_only",
    ]);
    expect(codes(assessment.raiseVeto({ ...veto, actor: "张三", reason: " " }))).toEqual([
      "store.reason_missing",
    ]);
    expect(
      codes(assessment.raiseVeto({ ...veto, veto: "fraud", actor: "张三", reason: "x" })),
    ).toEqual(["store.veto_not_panel"]);
    value(assessment.raiseVeto({ ...veto, actor: "张三", reason: "县纪委 2026 年通报" }));
    expect(assessment.results().results[0]?.levels[0]?.vetoes).toEqual(["discipline"]);
    expect(codes(assessment.raiseVeto({ ...veto, actor: "张三", reason: "again" }))).toEqual([
      "store.veto_raised",
    ]);
    value(assessment.withdrawVeto({ ...veto, actor: "张三", reason: "通报对象非本村干部" }));
    expect(assessment.results().results[0]?.levels[0]?.vetoes).toEqual([]);
  });
});

describe("flags, ties, quotas and the lock", () => {
  // 赵六 is far below the others on V1: an outlier and a range flag
  const DIVERGENT = { ...CALM, V1: { ...CALM.V1, 赵六: [2.5, 2.5, 2.5, 0.5] } };

  it("show divergence flags that the chair must dispose of before locking", () => {
    const assessment = make();
    value(assessment.importScores({ actor: "秘书处", entries: sheets(DIVERGENT) }));
    const flags = assessment.results().levels[0]?.flags ?? [];
    expect(
      flags.map((flag) => [flag.kind, flag.candidate, flag.reviewer ?? flag.indicator ?? null]),
    ).toEqual([
      ["range", "V1", null],
      ["outlier", "V1", "赵六"],
    ]);
    expect(codes(assessment.lock({ actor: "张三" }))).toEqual(["store.lock_open_flags"]);
    const outlier = flags[1]?.key ?? "";
    expect(
      codes(
        assessment.disposeFlag({ actor: "张三", flag: outlier, disposition: "kept", reason: "" }),
      ),
    ).toEqual(["store.reason_missing"]);
    value(
      assessment.disposeFlag({
        actor: "张三",
        flag: outlier,
        disposition: "kept",
        reason: "赵六书面说明：现场查看台账不全",
      }),
    );
    value(
      assessment.disposeFlag({
        actor: "张三",
        flag: flags[0]?.key ?? "",
        disposition: "kept",
        reason: "同上",
      }),
    );
    expect(assessment.results().levels[0]?.flags.every((flag) => flag.disposition)).toBe(true);
    // a revision changes what the flag rests on: it needs a new disposition
    value(
      assessment.enterScore({
        actor: "赵六",
        reviewer: "赵六",
        candidate: "V1",
        indicator: "lead",
        points: 2,
        reason: "复核",
      }),
    );
    expect(assessment.results().levels[0]?.flags.filter((flag) => !flag.disposition)).toHaveLength(
      2,
    );
    expect(
      codes(
        assessment.disposeFlag({ actor: "张三", flag: "nope", disposition: "kept", reason: "x" }),
      ),
    ).toEqual(["store.flag_unknown"]);
  });

  it("hold a tie at a quota's cut line for the chair, and lock once it is decided", () => {
    // V1 and V6 get the same judged scores and the same households band: a tie the chain cannot break
    const TIED = { ...CALM, V6: CALM.V1 };
    const assessment = make({
      quotas: [{ id: "county-all", level: "county", scope: { kind: "level" }, seats: 2 }],
    });
    value(assessment.importScores({ actor: "秘书处", entries: sheets(TIED) }));
    const view = assessment.results().levels[0];
    expect(view?.ranking.map((entry) => [entry.id, entry.rank, entry.tied])).toEqual([
      ["V3", 1, false],
      ["V1", 2, true],
      ["V6", 2, true],
      ["V5", 4, false],
    ]);
    expect(view?.quotas[0]).toMatchObject({
      admitted: ["V3"],
      tiedAtCut: { candidates: ["V1", "V6"], seats: 1 },
    });
    expect(codes(assessment.lock({ actor: "张三" }))).toEqual(["store.lock_open_ties"]);
    const decision = { actor: "张三", level: "county", reason: "组长依据实地考察决定" } as const;
    expect(codes(assessment.decideTie({ ...decision, order: ["V6", "V3"] }))).toEqual([
      "store.tie_unknown",
    ]);
    value(assessment.decideTie({ ...decision, order: ["V6", "V1"] }));
    expect(assessment.results().levels[0]?.quotas[0]?.admitted).toEqual(["V3", "V6"]);
    const locked = value(assessment.lock({ actor: "张三" }));
    expect(locked.payload).toMatchObject({ admitted: { "county-all": ["V3", "V6"] } });
    expect(assessment.info().locked).toBe(true);
    expect(
      codes(
        assessment.enterScore({
          actor: "李四",
          reviewer: "李四",
          candidate: "V2",
          indicator: "lead",
          points: 1,
          reason: "x",
        }),
      ),
    ).toEqual(["store.locked"]);
  });

  it("checks quotas: seats, level and scope", () => {
    const assessment = make();
    const quota = {
      actor: "秘书处",
      id: "q",
      level: "county",
      scope: { kind: "level" },
      seats: 2,
    } as const;
    expect(assessment.setQuota(quota).ok).toBe(true);
    expect(codes(assessment.setQuota({ ...quota, seats: 0 }))).toEqual(["store.quota"]);
    expect(codes(assessment.setQuota({ ...quota, level: "province" }))).toEqual(["store.quota"]);
    expect(
      codes(
        assessment.setQuota({ ...quota, scope: { kind: "unit_type", value: "ship" as "village" } }),
      ),
    ).toEqual(["store.quota"]);
    value(
      assessment.setQuota({
        ...quota,
        id: "east",
        scope: { kind: "region", value: "东区" },
        seats: 1,
      }),
    );
    value(assessment.importScores({ actor: "秘书处", entries: sheets(CALM) }));
    expect(assessment.results().levels[0]?.quotas.map((q) => [q.quota.id, q.admitted])).toEqual([
      ["q", ["V3", "V1"]],
      ["east", ["V1"]],
    ]);
  });

  it("count a candidate without a region in its township, for quotas per region", () => {
    // the candidates as a county's workbook gives them: a township in the data, no region
    const assessment = make({
      candidates: SAMPLE_CANDIDATES.map((candidate) => ({
        id: candidate.id,
        name: candidate.name,
        unitType: candidate.unitType,
        titles: candidate.titles,
        data: { ...candidate.data, township: candidate.township },
      })),
    });
    value(
      assessment.setQuota({
        actor: "秘书处",
        id: "yi",
        level: "county",
        scope: { kind: "region", value: "乙镇" },
        seats: 1,
      }),
    );
    value(assessment.importScores({ actor: "秘书处", entries: sheets(CALM) }));
    expect(assessment.results().levels[0]?.quotas[0]?.admitted).toEqual(["V3"]);
  });

  it("give agreement statistics once there are enough candidates and reviewers", () => {
    const assessment = make();
    value(assessment.importScores({ actor: "秘书处", entries: sheets(CALM) }));
    const agreement = assessment.results().levels[0]?.agreement;
    expect(agreement).toMatchObject({ candidates: 6, reviewers: 4, complete: 6 });
    expect(agreement?.agreementMean.value).toBeGreaterThan(0.9);
    const few = make();
    value(few.importScores({ actor: "秘书处", entries: sheets({ V1: CALM.V1 }) }));
    expect(few.results().levels[0]?.agreement.agreementMean).toMatchObject({ value: null });
  });
});
