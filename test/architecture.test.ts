import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers/run-cli.ts";

// the architecture, as a table that cannot rot: which workspace packages each may import
const ALLOWED: Record<string, string[]> = {
  engine: [],
  workbook: ["engine"],
  store: ["engine"],
  tui: ["engine", "store"],
  cli: ["engine", "workbook", "store", "tui"],
};

// what only one package may own, so each outside library can be swapped in one place
const OWNERS: Record<string, string> = {
  ajv: "engine",
  "json-logic-js": "engine",
  exceljs: "workbook",
  "better-sqlite3": "store",
  ink: "tui",
  react: "tui",
};

const packages = readdirSync(join(ROOT, "packages"));

function manifest(name: string): { dependencies?: Record<string, string> } {
  return JSON.parse(readFileSync(join(ROOT, "packages", name, "package.json"), "utf8")) as {
    dependencies?: Record<string, string>;
  };
}

function sources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

describe("architecture", () => {
  it.each(packages)("%s depends only on the packages below it", (name) => {
    expect(Object.keys(ALLOWED)).toContain(name);
    const internal = Object.keys(manifest(name).dependencies ?? {})
      .filter((dep) => dep.startsWith("@ceping/"))
      .map((dep) => dep.slice("@ceping/".length));
    expect(internal.filter((dep) => !ALLOWED[name]?.includes(dep))).toEqual([]);
  });

  it.each(packages)("%s imports only what its manifest declares", (name) => {
    const declared = new Set(Object.keys(manifest(name).dependencies ?? {}));
    const imported = new Set<string>();
    // tests use the root's tooling (vitest, fast-check); only shipped code must be declared
    for (const file of sources(join(ROOT, "packages", name, "src")).filter(
      (f) => !/\.test\.tsx?$/.test(f),
    )) {
      for (const match of readFileSync(file, "utf8").matchAll(/from "([^".][^"]*)"/g)) {
        const spec = match[1] ?? "";
        if (!spec.startsWith("node:")) {
          imported.add(
            spec.startsWith("@")
              ? spec.split("/").slice(0, 2).join("/")
              : (spec.split("/")[0] ?? spec),
          );
        }
      }
    }
    expect([...imported].filter((spec) => !declared.has(spec))).toEqual([]);
  });

  it("gives each outside library one owner", () => {
    for (const name of packages) {
      for (const dep of Object.keys(manifest(name).dependencies ?? {})) {
        const owner = OWNERS[dep];
        if (owner) {
          expect(`${dep} in ${name}`).toBe(`${dep} in ${owner}`);
        }
      }
    }
  });

  it("keeps the root manifest to tooling", () => {
    const root = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as Record<
      string,
      unknown
    >;
    expect(root.dependencies).toBeUndefined();
  });

  it("keeps the engine free of I/O", () => {
    for (const file of sources(join(ROOT, "packages/engine/src"))) {
      if (file.endsWith(".test.ts")) {
        continue;
      }
      expect(readFileSync(file, "utf8")).not.toMatch(
        /from "node:(fs|fs\/promises|process|path|child_process)"/,
      );
    }
  });
});
