import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readCandidates, readScoreEntries } from "../packages/engine/src/index.ts";
import { findRuleFiles, readText } from "../packages/cli/src/read-rules.ts";
import { createAssessment, openAssessment, StoreInUseError } from "../packages/store/src/index.ts";
import { ROOT } from "./helpers/run-cli.ts";

// The terminal UI in a real pseudo-terminal: tmux gives it a TTY of a known size, takes keys
// and shows what is on screen. Without tmux (`apt-get install tmux`) the test is skipped.
const hasTmux = spawnSync("tmux", ["-V"]).status === 0;
const SOCKET = `ceping-tui-${process.pid}`;
const folder = mkdtempSync(join(tmpdir(), "ceping-tui-e2e-"));
const file = join(folder, "demo.ceping");

afterAll(() => {
  spawnSync("tmux", ["-L", SOCKET, "kill-server"]);
  rmSync(folder, { recursive: true, force: true });
});

function tmux(...args: string[]): string {
  return execFileSync("tmux", ["-L", SOCKET, ...args], { encoding: "utf8" });
}

// Ink draws only the last frame where it believes it runs in CI: the UI must not see those
const command = [
  "env -u CI -u CONTINUOUS_INTEGRATION",
  process.execPath,
  "--import tsx",
  "packages/tui/test/open-in-terminal.ts",
  file,
  "--as 才让扎西",
].join(" ");

function screen(): string {
  return tmux("capture-pane", "-p", "-t", "tui");
}

async function waitFor(check: (text: string) => boolean, what: string): Promise<string> {
  const until = Date.now() + 20_000;
  let text = "";
  while (Date.now() < until) {
    text = screen();
    if (check(text)) {
      return text;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`waited 20 s for ${what}; the screen shows:\n${text}`);
}

async function keys(...sequence: string[]): Promise<void> {
  for (const key of sequence) {
    tmux("send-keys", "-t", "tui", key);
    // a person's pace: each key gets its frame before the next
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

function paneDead(): boolean {
  return tmux("display-message", "-p", "-t", "tui", "#{pane_dead}").trim() === "1";
}

describe.skipIf(!hasTmux)("the terminal UI in a real terminal (tmux)", () => {
  it("scores a candidate, is killed, and finds the score when the assessment is opened again", async () => {
    const rules = findRuleFiles([join(ROOT, "rules")]);
    const made = createAssessment(file, {
      rules: { sources: rules.sources, selected: rules.selected },
      candidates: readCandidates(readText(join(ROOT, "fixtures/demo/candidates.json"))).candidates,
      on: "2026-11-29",
      reviewers: ["王建华", "马秀兰", "才让扎西", "李晓燕", "赵志刚"],
      chair: "王建华",
      title: "演示评审",
    });
    if (!made.ok) {
      throw new Error(JSON.stringify(made.issues, null, 2));
    }
    const entries = readScoreEntries(readText(join(ROOT, "fixtures/demo/scores.json"))).entries;
    expect(made.value.importScores({ actor: "秘书处", entries }).ok).toBe(true);
    made.value.close();

    tmux("new-session", "-d", "-s", "tui", "-x", "100", "-y", "30", "-c", ROOT, command);
    tmux("set-option", "-t", "tui", "remain-on-exit", "on");
    await waitFor((text) => text.includes("[1 候选单位]"), "the candidates list");
    // the file is the UI's while it is open: a second program is told so
    expect(() => openAssessment(file)).toThrow(StoreInUseError);

    // 大泉村 (JMS-02) has two reviewers' scores; 才让扎西 gives the first indicator 4.5
    await keys("/", "J", "M", "S", "-", "0", "2", "Enter", "s");
    await waitFor((text) => text.includes("评分：大泉村（JMS-02）"), "the scoring screen");
    await keys("Enter", "4", ".", "5", "Enter");
    await waitFor((text) => text.includes("分（第 1 版）"), "the score to be saved");

    // killed outright: no exit handler runs
    const pid = Number(tmux("display-message", "-p", "-t", "tui", "#{pane_pid}").trim());
    process.kill(-pid, "SIGKILL");
    await waitFor(() => paneDead(), "the process to die");

    tmux("respawn-pane", "-t", "tui", command);
    await waitFor((text) => text.includes("[1 候选单位]"), "the candidates list again");
    await keys("/", "J", "M", "S", "-", "0", "2", "Enter");
    const listed = await waitFor((text) => /JMS-02 +大泉村/.test(text), "the row of 大泉村");
    expect(listed).toMatch(/JMS-02 +大泉村 .* 1\/7/);
    await keys("s");
    const scoring = await waitFor((text) => text.includes("我的进度 1/7"), "the scoring screen");
    expect(scoring.split("\n")[3]).toMatch(/^❯ 成立由村\(社区\)党组织书记任组长.* 6\.00 +4\.5\s*$/);

    // q leaves the terminal as it was: the alternate screen is gone, the shell's is back
    await keys("q");
    await waitFor(() => paneDead(), "the UI to quit");
    expect(screen()).not.toContain("候选单位");
    const reopened = openAssessment(file);
    expect(reopened.ok).toBe(true);
    if (reopened.ok) {
      const visible = reopened.value.scoresFor("才让扎西", "JMS-02");
      expect(visible.ok && visible.value.own?.scores.leading_group?.at(-1)?.points).toBe(4.5);
      reopened.value.close();
    }
  });
});
