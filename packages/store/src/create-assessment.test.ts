import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  SAMPLE_CANDIDATES,
  SAMPLE_RULES,
  sampleInit,
  steppingClock,
} from "../fixtures/sample-assessment.ts";
import { canonicalJson, sha256Hex } from "@ceping/engine";
import { createAssessment } from "./create-assessment.ts";
import { createMemoryStore } from "./memory-store.ts";

const folder = mkdtempSync(join(tmpdir(), "ceping-create-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const problems = (result: ReturnType<typeof createAssessment>) =>
  result.issues
    .filter((issue) => issue.severity === "error")
    .map((issue) => [issue.code, issue.place.path ?? null]);

describe("createAssessment", () => {
  it("lists every problem of the input at once and writes nothing", () => {
    const path = join(folder, "bad.ceping");
    const result = createAssessment(
      path,
      sampleInit({
        on: "2026-13-01",
        candidates: [],
        policy: { divergence: { range: 2 }, tieBreak: ["coin"] as never },
      }),
    );
    expect(problems(result)).toEqual([
      ["store.on", null],
      ["store.policy", "policy.divergence.range"],
      ["store.policy", "policy.tieBreak[0]"],
      ["store.no_candidates", null],
    ]);
    expect(existsSync(path)).toBe(false);
  });

  it("passes on the engine's problems with rules and candidate data, located", () => {
    const broken = [
      SAMPLE_RULES[0]!,
      { file: "rules/county/village.yaml", text: "id: county.village\nlevel: county\n" },
    ];
    expect(
      problems(
        createAssessment(createMemoryStore(), sampleInit({ rules: { sources: broken } })),
      )[0]?.[0],
    ).toMatch(/^rule\./);
    const candidates = [{ ...SAMPLE_CANDIDATES[0]!, data: { households: "很多" } }];
    expect(problems(createAssessment(createMemoryStore(), sampleInit({ candidates })))).toEqual([
      ["data.integer", "candidates[0].data.households"],
    ]);
  });

  it("refuses a level the rules do not have, and a reviewer named twice", () => {
    expect(
      problems(createAssessment(createMemoryStore(), sampleInit({ level: "province" }))),
    ).toEqual([["store.level_unknown", null]]);
    expect(
      problems(createAssessment(createMemoryStore(), sampleInit({ reviewers: ["甲", "甲"] }))),
    ).toEqual([["store.reviewer_exists", null]]);
  });

  it("pins the rule files and candidates in the first event by their hashes", () => {
    const made = createAssessment(createMemoryStore(), sampleInit({ title: "2026 年县级评审" }), {
      now: steppingClock(),
      id: "test-1",
    });
    expect(made.ok).toBe(true);
    if (!made.ok) {
      return;
    }
    const [first] = made.value.events();
    const files = [...SAMPLE_RULES].map((f) => ({ ...f, selected: true }));
    expect(first).toMatchObject({
      seq: 1,
      actor: "secretariat",
      kind: "assessment.created",
      payload: {
        assessment: "test-1",
        title: "2026 年县级评审",
        on: "2026-11-29",
        rules: {
          hash: sha256Hex(canonicalJson(files)),
          ruleSets: [{ id: "county.village", version: "2026.1" }],
        },
        candidates: { count: 6 },
        openRoster: false,
      },
    });
    expect(made.value.events().map((event) => event.kind)).toEqual([
      "assessment.created",
      "reviewer.added",
      "reviewer.added",
      "reviewer.added",
      "reviewer.added",
      "chair.assigned",
    ]);
  });

  it("records scores given with the candidates as submitted sheets, and takes the township from the data", () => {
    const candidates = [
      {
        ...SAMPLE_CANDIDATES[0]!,
        data: { households: 120, township: "甲镇" },
        township: undefined,
        scores: { 李四: { lead: 4 } },
      },
      ...SAMPLE_CANDIDATES.slice(1),
    ];
    const made = createAssessment(createMemoryStore(), sampleInit({ candidates }));
    expect(made.ok && made.value.candidates()[0]?.township).toBe("甲镇");
    expect(
      made.ok &&
        made.value
          .events()
          .slice(-2)
          .map((event) => [event.kind, event.actor]),
    ).toEqual([
      ["score.entered", "secretariat"],
      ["sheet.submitted", "secretariat"],
    ]);
  });
});
