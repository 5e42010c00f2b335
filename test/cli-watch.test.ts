import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers/run-cli.ts";

describe("ceping rules test --watch", () => {
  it("tests again when a file is saved, and keeps going", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ceping-watch-"));
    cpSync(join(ROOT, "rules/county"), join(dir, "county"), { recursive: true });
    const child = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        join(ROOT, "packages/cli/src/bin.ts"),
        "rules",
        "test",
        join(dir, "county/village.yaml"),
        "--watch",
      ],
      { cwd: ROOT },
    );
    let output = "";
    child.stdout.setEncoding("utf8").on("data", (text: string) => {
      output += text;
    });
    const waitFor = (pattern: RegExp) =>
      new Promise<void>((resolve, reject) => {
        const started = Date.now();
        const poll = setInterval(() => {
          if (pattern.test(output)) {
            clearInterval(poll);
            resolve();
          } else if (Date.now() - started > 20_000) {
            clearInterval(poll);
            reject(new Error(`no ${String(pattern)} in:\n${output}`));
          }
        }, 50);
      });
    try {
      await waitFor(/11 个用例通过，0 个失败\n/);
      const tests = join(dir, "county/village.test.yaml");
      writeFileSync(tests, readFileSync(tests, "utf8").replace("total: 99.5", "total: 99.25"));
      await waitFor(/文件已更改，重新测试[\s\S]*10 个用例通过，1 个失败\n/);
      expect(output).toMatch(/total: 期望 99\.25，实际 99\.50/);
    } finally {
      child.kill();
    }
  });
});
