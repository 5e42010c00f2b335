import {
  attachScores,
  candidateScoreToJson,
  readCandidates,
  resultsToJson,
  scoreCandidates,
} from "@ceping/engine";
import type { CandidateScore } from "@ceping/engine";
import type { Candidate } from "@ceping/engine";
import { describe, expect, it } from "vitest";
import { readRuleLibrary, readText } from "./read-rules.ts";
import { jsonChunks } from "./json-chunks.ts";

const candidatesOf = (results: readonly CandidateScore[], lang: "zh" | "en") =>
  jsonChunks({ on: "2026-11-29", candidates: null }, "candidates", results, (result) =>
    candidateScoreToJson(result, lang),
  );

describe("jsonChunks", () => {
  it("makes, piece by piece, exactly the text of the whole object's JSON", () => {
    const { library } = readRuleLibrary(["rules"]);
    const demo = attachScores(
      readCandidates(readText("fixtures/demo/candidates.json")).candidates,
      readText("fixtures/demo/scores.json"),
    ).candidates;
    // past one chunk of 500 candidates, so that a chunk boundary falls inside the array
    const candidates: Candidate[] = Array.from({ length: 1001 }, (_, i) => {
      const base = demo[i % demo.length] as Candidate;
      return { ...base, id: `${base.id}-${i}` };
    });
    const { results } = scoreCandidates(library, candidates, { on: "2026-11-29" });
    const chunks = [...candidatesOf(results, "en")];
    expect(chunks).toHaveLength(3);
    expect(chunks.join("")).toBe(
      `${JSON.stringify(resultsToJson(results, "2026-11-29", "en"), null, 2)}\n`,
    );
    expect([...candidatesOf([], "zh")].join("")).toBe(
      `${JSON.stringify(resultsToJson([], "2026-11-29", "zh"), null, 2)}\n`,
    );
  });

  it("puts the array where its key stands, with the keys after it as they were", () => {
    const shell = {
      on: "2026-11-29",
      candidates: null,
      assessment: { finalHash: "ab" },
      flags: [],
    };
    const items = [{ id: "A", levels: [1, 2] }, { id: "B" }];
    expect([...jsonChunks(shell, "candidates", items, (item) => item)].join("")).toBe(
      `${JSON.stringify({ ...shell, candidates: items }, null, 2)}\n`,
    );
  });
});
