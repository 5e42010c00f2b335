import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { schemaText } from "../packages/cli/src/commands/rules-schema.ts";
import { ROOT } from "./helpers/run-cli.ts";

describe("rules/schema.json", () => {
  it("is what the engine validates with (run `pnpm schema` after changing the format)", () => {
    expect(readFileSync(join(ROOT, "rules/schema.json"), "utf8")).toBe(schemaText());
  });

  it("is named by every shipped rule file, so editors complete and flag as one types", () => {
    const files = readdirSync(join(ROOT, "rules"), { recursive: true, withFileTypes: true })
      .filter(
        (entry) => entry.isFile() && /\.ya?ml$/.test(entry.name) && !entry.name.includes(".test."),
      )
      .map((entry) => join(entry.parentPath, entry.name));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      expect(readFileSync(file, "utf8").split("\n")[0]).toBe(
        "# yaml-language-server: $schema=../schema.json",
      );
    }
  });
});
