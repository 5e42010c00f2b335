import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readCandidates, readScoreEntries } from "../packages/engine/src/index.ts";
import { findRuleFiles, readText } from "../packages/cli/src/read-rules.ts";
import { createAssessment, openAssessment, verifyAssessment } from "../packages/store/src/index.ts";
import type { Assessment, AssessmentInit } from "../packages/store/src/index.ts";
import { ceping } from "./helpers/run-cli.ts";

// init → import → export on the demo must give what `ceping score` gives on the same inputs
const folder = mkdtempSync(join(tmpdir(), "ceping-store-demo-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const REVIEWERS = ["王建华", "马秀兰", "才让扎西", "李晓燕", "赵志刚"];
let files = 0;

function initDemo(
  rulesPath: string,
  more: Partial<AssessmentInit> = {},
): { path: string; assessment: Assessment } {
  const path = join(folder, `demo-${files++}.ceping`);
  const rules = findRuleFiles([rulesPath]);
  const { candidates } = readCandidates(readText("fixtures/demo/candidates.json"));
  const made = createAssessment(path, {
    rules: { sources: rules.sources, selected: rules.selected },
    candidates,
    on: "2026-11-29",
    reviewers: REVIEWERS,
    chair: "王建华",
    ...more,
  });
  if (!made.ok) {
    throw new Error(JSON.stringify(made.issues, null, 2));
  }
  const imported = made.value.importScores({
    actor: "秘书处",
    entries: readScoreEntries(readText("fixtures/demo/scores.json")).entries,
  });
  expect(imported.ok).toBe(true);
  return { path, assessment: made.value };
}

async function score(rulesPath: string): Promise<unknown> {
  const cli = await ceping(
    "score",
    "--rules",
    rulesPath,
    "--candidates",
    "fixtures/demo/candidates.json",
    "--scores",
    "fixtures/demo/scores.json",
    "--on",
    "2026-11-29",
    "--format",
    "json",
  );
  expect(cli.code).toBe(0);
  return JSON.parse(cli.stdout);
}

describe("the store on the demo", () => {
  it("exports what `ceping score --format json` prints, with the final hash, and verifies", async () => {
    const { path, assessment } = initDemo("rules");
    // 马秀兰 gave XM-01 no scores, as if recused: recording it changes nothing
    expect(
      assessment.declareConflict({
        actor: "王建华",
        reviewer: "马秀兰",
        candidate: "XM-01",
        kind: "family_employment",
      }).ok,
    ).toBe(true);
    const exported = assessment.toJson();
    const finalHash = assessment.info().finalHash;
    assessment.close();
    expect({ on: exported.on, candidates: exported.candidates }).toEqual(await score("rules"));
    expect(exported.assessment).toMatchObject({ finalHash, locked: false });
    expect(verifyAssessment(path, { expectedHash: finalHash })).toMatchObject({
      ok: true,
      issues: [],
    });
    const reopened = openAssessment(path);
    expect(reopened.ok && reopened.value.toJson()).toEqual(exported);
    if (reopened.ok) {
      reopened.value.close();
    }
  });

  it("scores one level as `ceping score` does on that level's folder", async () => {
    const { assessment } = initDemo("rules", { level: "prefecture" });
    const exported = assessment.toJson("en");
    assessment.close();
    const cli = (await ceping(
      "score",
      "--lang",
      "en",
      "--rules",
      "rules/prefecture",
      "--candidates",
      "fixtures/demo/candidates.json",
      "--scores",
      "fixtures/demo/scores.json",
      "--on",
      "2026-11-29",
      "--format",
      "json",
    )) as { stdout: string };
    expect({ on: exported.on, candidates: exported.candidates }).toEqual(JSON.parse(cli.stdout));
  });
});
