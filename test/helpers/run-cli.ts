import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { memoryOutput } from "../../packages/cli/src/output.ts";
import { runCli } from "../../packages/cli/src/main.ts";

/** The repository's root, where the CLI is run from in these tests. */
export const ROOT = join(import.meta.dirname, "../..");

/** Runs `ceping` in this process with a recording output: fast, for most tests. */
export async function ceping(
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  const output = memoryOutput();
  const code = await runCli(args, output);
  return { code, stdout: output.stdout, stderr: output.stderr };
}

/** Runs the real `ceping` binary in a child process, as a user would. */
export function cepingProcess(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(
    process.execPath,
    ["--import", "tsx", join(ROOT, "packages/cli/src/bin.ts"), ...args],
    {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, ...env },
    },
  );
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
