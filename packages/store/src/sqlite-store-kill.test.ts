import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { sampleInit } from "../fixtures/sample-assessment.ts";
import { createAssessment } from "./create-assessment.ts";
import { openAssessment } from "./open-assessment.ts";
import { verifyAssessment } from "./verify-assessment.ts";

const ROOT = join(import.meta.dirname, "../../..");
const WRITER = join(import.meta.dirname, "../fixtures/write-until-killed.ts");
const KILLS = 20;
const folder = mkdtempSync(join(tmpdir(), "ceping-kill-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Runs the writer and kills it with SIGKILL `delay` ms after it is ready (or after start): its confirmed lines. */
function writeUntilKilled(
  path: string,
  seed: number,
  delay: number,
  whileOpening: boolean,
): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", WRITER, path, String(seed)], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    let armed = false;
    const arm = () => {
      if (!armed) {
        armed = true;
        setTimeout(() => child.kill("SIGKILL"), delay);
      }
    };
    if (whileOpening) {
      arm();
    }
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
      if (stdout.startsWith("ready\n")) {
        arm();
      }
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (signal !== "SIGKILL") {
        reject(new Error(`the writer ended by itself (${code}): ${stderr}`));
        return;
      }
      // a line cut off by the kill was never confirmed
      resolve(
        stdout
          .split("\n")
          .slice(0, -1)
          .filter((line) => line !== "ready"),
      );
    });
  });
}

/** Kills a writer on one file again and again; returns how many confirmed scores it checked. */
async function killRepeatedly(lane: number, kills: number, seed: number): Promise<number> {
  const path = join(folder, `killed-${lane}.ceping`);
  const made = createAssessment(path, sampleInit());
  if (!made.ok) {
    throw new Error(JSON.stringify(made.issues));
  }
  made.value.close();
  let state = seed;
  const random = () => ((state = (state * 48271) % 2147483647) % 1000) / 1000;
  let confirmed = 0;
  for (let kill = 0; kill < kills; kill++) {
    // most kills land while scores are being written, a few while the file is being opened
    const whileOpening = kill % 7 === 3;
    const delay = Math.floor(random() * (whileOpening ? 600 : 150));
    const lines = await writeUntilKilled(path, state, delay, whileOpening);
    const where = `lane ${lane}, kill ${kill} (seed ${seed}, delay ${delay})`;
    expect(verifyAssessment(path).issues, where).toEqual([]);
    const opened = openAssessment(path);
    if (!opened.ok) {
      throw new Error(`${where}: ${JSON.stringify(opened.issues)}`);
    }
    const bySeq = new Map(opened.value.events().map((event) => [event.seq, event]));
    opened.value.close();
    for (const line of lines) {
      const [seq, reviewer, candidate, indicator, points] = line.split("\t");
      expect(bySeq.get(Number(seq)), `${where}: ${line}`).toMatchObject({
        kind: "score.entered",
        actor: reviewer,
        payload: { reviewer, candidate, indicator, points: Number(points) },
      });
    }
    confirmed += lines.length;
  }
  return confirmed;
}

describe("never lose a score", () => {
  it(`keeps every confirmed score through ${KILLS} kills at random moments`, async () => {
    // two files killed in turn side by side, to keep the test short
    const seed = (Date.now() % 100_000) + 1;
    const confirmed = await Promise.all([
      killRepeatedly(0, KILLS / 2, seed),
      killRepeatedly(1, KILLS / 2, seed + 7919),
    ]);
    expect(confirmed.every((count) => count > KILLS / 2)).toBe(true);
  }, 60_000);
});
