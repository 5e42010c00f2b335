// Keystroke to frame in the terminal UI with many candidates:
//   npx tsx bench/tui.ts [candidates=10000] [--dev]
// The demo's thirteen villages are copied until there are that many, with their reviewers'
// scores, and scored on every level of rules/. The UI runs through `runTui` (Ink's throttled
// renderer, 60 frames a second) on a fake 80×24 terminal. Each key is sent 50 ms after the last
// frame; the time is from the key to the frame Ink writes for it. Target: the median of every
// scenario ≤ 16 ms (one frame at 60 Hz); the maxima are one-offs (a screen's first frame, a
// collection's first pass) and are printed, not judged. The CPU column is the process's CPU time
// over the same span: on a machine shared with other work the wall time waits for a core too.
// React runs as in production (NODE_ENV=production, as `ceping` runs it); --dev keeps React's
// development build, which checks and times every render and is slower.
import { EventEmitter } from "node:events";
import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { attachScores, loadRuleLibrary, readCandidates } from "../packages/engine/src/index.ts";
import type { Candidate } from "../packages/engine/src/index.ts";
import { findRuleFiles, readText } from "../packages/cli/src/read-rules.ts";

const args = process.argv.slice(2);
const isDev = args.includes("--dev");
// React picks its build, and chalk its colours, when first imported: decide before importing the
// UI. Colours are on, as in a terminal (they cost Ink more per frame than plain text).
process.env.NODE_ENV = isDev ? "development" : "production";
process.env.FORCE_COLOR ??= "1";
const { createMemorySession, runTui } = await import("../packages/tui/src/index.ts");

const TARGET_MS = 16;
const count = Number(args.find((arg) => !arg.startsWith("--")) ?? 10_000);
if (!Number.isInteger(count) || count < 1) {
  console.error("usage: npx tsx bench/tui.ts [candidates=10000] [--dev]");
  process.exit(2);
}

class Terminal extends EventEmitter {
  readonly isTTY = true;
  readonly columns = 80;
  readonly rows = 24;
  onWrite: (() => void) | undefined;
  bytes = 0;
  write = (data: string): boolean => {
    this.bytes += Buffer.byteLength(data);
    this.onWrite?.();
    return true;
  };
}

class Keyboard extends EventEmitter {
  readonly isTTY = true;
  private data: string | null = null;
  type(data: string): void {
    this.data = data;
    this.emit("readable");
  }
  read = (): string | null => {
    const { data } = this;
    this.data = null;
    return data;
  };
  setEncoding(): void {}
  setRawMode(): void {}
  ref(): void {}
  unref(): void {}
}

function demoCandidates(): Candidate[] {
  const read = readCandidates(readText("fixtures/demo/candidates.json"));
  const scored = attachScores(read.candidates, readText("fixtures/demo/scores.json"));
  const out: Candidate[] = [];
  for (let i = 0; out.length < count; i++) {
    for (const candidate of scored.candidates) {
      if (out.length === count) {
        break;
      }
      out.push({
        ...candidate,
        id: `${candidate.id}-${String(i).padStart(4, "0")}`,
        name: `${candidate.name}${i}`,
      });
    }
  }
  return out;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const started = performance.now();
// keys wait for a core when other work runs: the load says how busy the machine was
const loadBefore = loadavg()[0] ?? 0;
const rules = findRuleFiles(["rules"]);
const loaded = loadRuleLibrary(rules.sources, { select: (file) => rules.selected.has(file) });
if (!loaded.library) {
  console.error("the rules in rules/ do not load");
  process.exit(1);
}
const session = createMemorySession({
  library: loaded.library,
  candidates: demoCandidates(),
  on: "2026-11-29",
  user: "王建华",
  reviewers: ["王建华", "马秀兰", "才让扎西", "李晓燕", "赵志刚"],
  chair: "王建华",
  title: "基准",
});
const view = session.view();
const setUp = performance.now() - started;

const terminal = new Terminal();
const keyboard = new Keyboard();
const running = runTui(session, {
  stdout: terminal as unknown as NodeJS.WriteStream,
  stdin: keyboard as unknown as NodeJS.ReadStream,
  stderr: new Terminal() as unknown as NodeJS.WriteStream,
});
await sleep(200);

interface Timing {
  /** ms from the key to the frame */
  readonly wall: number;
  /** ms of the process's CPU time (user and system, every thread) over the same span */
  readonly cpu: number;
}

/** Sends a key and resolves with the time to the first write after it (the frame). */
function press(key: string): Promise<Timing> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const timer = setTimeout(() => {
      terminal.onWrite = undefined;
      resolve({ wall: Number.NaN, cpu: Number.NaN });
    }, 2_000);
    terminal.onWrite = () => {
      terminal.onWrite = undefined;
      clearTimeout(timer);
      const wall = performance.now() - t0;
      const cpu = process.cpuUsage(cpu0);
      resolve({ wall, cpu: (cpu.user + cpu.system) / 1000 });
    };
    keyboard.type(key);
  });
}

const KEY = {
  down: "\u001B[B",
  up: "\u001B[A",
  pageDown: "\u001B[6~",
  enter: "\r",
  escape: "\u001B",
  backspace: "\u007F",
} as const;

interface Row {
  readonly scenario: string;
  readonly times: number[];
  readonly cpu: number[];
  readonly bytes: number;
}

async function scenario(name: string, keys: readonly string[]): Promise<Row> {
  const times: number[] = [];
  const cpu: number[] = [];
  const before = terminal.bytes;
  for (const key of keys) {
    const timing = await press(key);
    times.push(timing.wall);
    cpu.push(timing.cpu);
    await sleep(50);
  }
  return { scenario: name, times, cpu, bytes: (terminal.bytes - before) / keys.length };
}

// a one-off key is a few presses a cycle: each cycle is sent three times, so that one slow turn
// of a shared machine does not make a scenario's median
const thrice = (keys: readonly string[]): string[] => [...keys, ...keys, ...keys];
const rows: Row[] = [];
rows.push(await scenario("▾ move down (list)", Array<string>(100).fill(KEY.down)));
rows.push(await scenario("PgDn (list)", Array<string>(40).fill(KEY.pageDown)));
rows.push(await scenario("G / g: last, first", thrice(["G", "g", "G", "g"])));
rows.push(
  await scenario(
    "/ search: type 村1, erase",
    thrice(["/", "村", "1", KEY.backspace, KEY.backspace, KEY.enter]),
  ),
);
rows.push(await scenario("t type filter", thrice(["t", "t", "t"])));
rows.push(await scenario("f status filter", thrice(["f", "f", "f", "f", "f", "f", "f"])));
rows.push(await scenario("o sort (total, id, name, status)", thrice(["o", "o", "o", "o"])));
rows.push(await scenario("l level", thrice(["l", "l", "l"])));
rows.push(
  await scenario("⏎ open a candidate, scroll, back", thrice([KEY.enter, "j", "j", KEY.escape])),
);
rows.push(await scenario("2 scoring, ▾, back", thrice(["2", "j", "j", "1"])));
rows.push(await scenario("3 panel, ▾ grid", thrice(["3", "j", "j", "j", "j", "1"])));
rows.push(await scenario("4 results, 5 rules, back", thrice(["4", "j", "5", "j", "1"])));
keyboard.type("q");
await running;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};
const max = (values: number[]) => Math.max(...values);
const fmt = (ms: number) => (Number.isNaN(ms) ? "no frame" : ms.toFixed(1));
// a scenario without a frame for some key fails: NaN is never ≤ the target
const meets = (row: Row) =>
  row.times.every((ms) => !Number.isNaN(ms)) && median(row.times) <= TARGET_MS;
console.log(
  `${count} candidates × ${view.results[0]?.levels.length ?? 0} levels; React ${isDev ? "development" : "production"} build; set-up (load, score) ${(setUp / 1000).toFixed(1)} s; Node ${process.version}; load average ${loadBefore.toFixed(2)} → ${(loadavg()[0] ?? 0).toFixed(2)}`,
);
console.log(
  `  ${"scenario".padEnd(36)} ${"keys".padStart(4)} ${"median ms".padStart(10)} ${"max ms".padStart(8)} ${"cpu ms".padStart(7)} ${"bytes/key".padStart(10)}`,
);
for (const row of rows) {
  console.log(
    `${meets(row) ? "✓" : "✗"} ${row.scenario.padEnd(36)} ${String(row.times.length).padStart(4)} ${fmt(median(row.times)).padStart(10)} ${fmt(max(row.times)).padStart(8)} ${fmt(median(row.cpu)).padStart(7)} ${Math.round(row.bytes).toString().padStart(10)}`,
  );
}
const failed = rows.filter((row) => !meets(row));
const slowest = rows.reduce((a, b) => (median(b.times) > median(a.times) ? b : a));
const worst = rows.reduce((a, b) => (max(b.times) > max(a.times) ? b : a));
console.log(
  `${failed.length === 0 ? "✓" : "✗"} ${rows.length - failed.length} of ${rows.length} scenarios have a median ≤ ${TARGET_MS} ms (the slowest: ${slowest.scenario}, ${fmt(median(slowest.times))} ms); the longest key: ${fmt(max(worst.times))} ms (${worst.scenario})`,
);
