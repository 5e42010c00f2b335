import { describe, expect, it } from "vitest";
import { diffRuleSets } from "./diff-rule-sets.ts";
import { loadRuleLibrary } from "./load-rule-library.ts";
import type { RuleLibrary } from "./load-rule-library.ts";

const TABLE = `format: ceping/1
id: county.village
title: 县级示范村
level: county
appliesTo: [village]
version: "1"
validity: { years: 3, renewal: zero_base }
scale: { base: 10, bonus: 2 }
fields:
  surveyed: { label: 样本数, type: integer }
categories:
  - id: a
    title: 甲
    max: 10
    indicators:
      - id: lead
        title: 领导
        max: 6
        judged: { step: 0.5 }
      - id: size
        title: 规模
        max: 4
        points: { "var": "surveyed" }
vetoes:
  - { id: fraud, title: 弄虚作假, raisedBy: panel }
award: { threshold: 8 }
`;

function load(text: string): RuleLibrary {
  const { library, issues } = loadRuleLibrary([{ file: "t.yaml", text }]);
  expect(issues).toEqual([]);
  return library as RuleLibrary;
}

describe("diffRuleSets", () => {
  it("finds nothing between equal rules", () => {
    expect(diffRuleSets(load(TABLE), load(TABLE))).toEqual([]);
  });

  it("names each changed, added and removed item with the keys that differ", () => {
    const changed = TABLE.replace("max: 6", "max: 5")
      .replace("        max: 4", "        max: 5")
      .replace("{ threshold: 8 }", "{ threshold: 9 }")
      .replace(
        "  - { id: fraud, title: 弄虚作假, raisedBy: panel }",
        "  - { id: discipline, title: 违纪, raisedBy: panel }",
      );
    expect(
      diffRuleSets(load(TABLE), load(changed)).map((c) => [c.kind, c.id, c.change, c.keys]),
    ).toEqual([
      ["indicator", "lead", "changed", ["max"]],
      ["indicator", "size", "changed", ["max"]],
      ["veto", "fraud", "removed", []],
      ["veto", "discipline", "added", []],
      ["award", "award", "changed", ["threshold"]],
    ]);
  });

  it("names a table added or removed", () => {
    const other = TABLE.replace("id: county.village", "id: county.community").replace(
      "[village]",
      "[community]",
    );
    expect(diffRuleSets(load(TABLE), load(other)).map((c) => [c.kind, c.id, c.change])).toEqual([
      ["table", "county.village", "removed"],
      ["table", "county.community", "added"],
    ]);
  });
});
