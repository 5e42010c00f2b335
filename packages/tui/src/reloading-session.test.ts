import { formatIssue, loadRuleLibrary } from "@ceping/engine";
import type { SourceText } from "@ceping/engine";
import { describe, expect, it } from "vitest";
import { createMemorySession } from "./memory-session.ts";
import { createReloadingSession } from "./reloading-session.ts";
import { FIXTURE_RULES, fixtureCandidates } from "../test/fixture-session.ts";

describe("createReloadingSession", () => {
  it("re-scores when the rules change, and keeps the last results when they break", () => {
    let rules: SourceText[] = FIXTURE_RULES;
    const session = createReloadingSession(() => {
      const { library, issues } = loadRuleLibrary(rules);
      return {
        issues,
        ...(library && {
          session: createMemorySession({
            library,
            candidates: fixtureCandidates(),
            on: "2026-11-29",
          }),
        }),
      };
    });
    let changes = 0;
    session.subscribe(() => {
      changes += 1;
    });
    const before = session.view();
    expect(before.results[0]?.levels[0]?.status).toBe("eligible");
    expect(session.view()).toBe(before);

    rules = FIXTURE_RULES.map((source) => ({
      ...source,
      text: source.text.replace("threshold: 30", "threshold: 99"),
    }));
    session.reload();
    expect(changes).toBe(1);
    expect(session.view().results[0]?.levels[0]?.status).toBe("below_threshold");

    const good = session.view();
    rules = FIXTURE_RULES.map((source) => ({
      ...source,
      text: source.text.replace("threshold: 30", "threshold: ["),
    }));
    session.reload();
    expect(changes).toBe(2);
    const broken = session.view();
    expect(broken.results).toBe(good.results);
    expect(broken.issues.map((issue) => formatIssue(issue)).join("\n")).toMatch(
      /^rules\/county\/.*错误: 语法错误/,
    );
  });
});
