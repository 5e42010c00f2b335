import { fork } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { cpus } from "node:os";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { formatCents } from "../packages/engine/src/index.ts";
import { candidateId } from "./data.ts";
import {
  APPROACH_LABELS,
  APPROACHES,
  loadBenchTable,
  setUpApproach,
  timePasses,
} from "./run-approach.ts";
import type { Approach, ChildMessage, TimeRequest, Timing } from "./run-approach.ts";
import { ASSESSMENT_DATE, BENCH_RULE_SET_ID, VETO_IDS } from "./rule-set.ts";

const USAGE = `usage: pnpm bench [candidates=100000] [passes=5] [--in-process]

Scores generated candidates with the compiled engine, json-logic-js and a hand-written
scorer of the same table, checks that all three agree, then times them.
  --in-process   run all three in this process instead of one fresh process each`;

// json-logic-js is two orders slower than the hand-written scorer: past this, time a subset
const JSON_LOGIC_BUDGET_MS = 60_000;
const TARGET_ENGINE_VS_HAND = 2;
const TARGET_JSON_LOGIC_VS_ENGINE = 50;

interface Options {
  readonly candidates: number;
  readonly passes: number;
  readonly inProcess: boolean;
}

interface Checked {
  readonly generateMs: number;
  readonly prepareMs: number;
  readonly warmupMs: number;
  readonly totals: Int32Array;
  readonly vetoes: Uint8Array;
}

/** One approach, in a child process or in this one: check once, then time when asked. */
interface Runner {
  readonly checked: Checked;
  time(candidates: number, passes: number): Promise<Timing>;
  stop(): void;
}

const showProgress = process.stderr.isTTY === true;

function progress(text: string): void {
  if (showProgress) {
    process.stderr.write(`\r\x1b[K${text}`);
  }
}

function clearProgress(): void {
  if (showProgress) {
    process.stderr.write("\r\x1b[K");
  }
}

function parseOptions(argv: readonly string[]): Options {
  const args = argv.filter((arg) => arg !== "--");
  if (args.includes("--help") || args.includes("-h")) {
    console.log(USAGE);
    process.exit(0);
  }
  const inProcess = args.includes("--in-process");
  const unknown = args.filter((arg) => arg.startsWith("-") && arg !== "--in-process");
  const numbers = args.filter((arg) => !arg.startsWith("-"));
  const [candidates = 100_000, passes = 5] = numbers.map(Number);
  if (
    unknown.length > 0 ||
    numbers.length > 2 ||
    !Number.isSafeInteger(candidates) ||
    candidates < 1 ||
    !Number.isSafeInteger(passes) ||
    passes < 1
  ) {
    console.error(`bench: cannot read the arguments ${JSON.stringify(args.join(" "))}\n\n${USAGE}`);
    process.exit(2);
  }
  return { candidates, passes, inProcess };
}

function startChild(approach: Approach, candidates: number): Promise<Runner> {
  const script = fileURLToPath(new URL("./approach-child.ts", import.meta.url));
  // tsx's loader flags are in execArgv; --expose-gc lets the child start its timed passes collected
  const child: ChildProcess = fork(script, [approach, String(candidates)], {
    execArgv: [...process.execArgv, "--expose-gc"],
    serialization: "advanced",
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  let onTimed: ((timing: Timing) => void) | undefined;
  let onFailed: ((error: Error) => void) | undefined;
  return new Promise((resolve, reject) => {
    child.on("message", (message: ChildMessage) => {
      switch (message.type) {
        case "progress":
          progress(message.text);
          break;
        case "checked":
          resolve({
            checked: message,
            time: (count, passes) =>
              new Promise((done, fail) => {
                onTimed = done;
                onFailed = fail;
                child.send({ type: "time", candidates: count, passes } satisfies TimeRequest);
              }),
            stop: () => child.kill(),
          });
          break;
        case "timed":
          onTimed?.(message.timing);
          break;
      }
    });
    child.on("exit", (code, signal) => {
      if (code !== 0 && signal !== "SIGTERM") {
        const error = new Error(
          `the ${APPROACH_LABELS[approach]} process stopped (${signal ?? `exit code ${code}`})`,
        );
        // whichever is still waiting: the check, or the timed passes
        reject(error);
        onFailed?.(error);
      }
    });
  });
}

function startInProcess(approach: Approach, candidates: number): Runner {
  progress(`${APPROACH_LABELS[approach]}: generating ${candidates} candidates and setting up`);
  const workload = setUpApproach(approach, candidates);
  progress(`${APPROACH_LABELS[approach]}: warm-up pass`);
  const started = performance.now();
  workload.pass(candidates);
  const warmupMs = performance.now() - started;
  // later passes overwrite the arrays: keep the warm-up's results for the comparison
  const checked = {
    generateMs: workload.generateMs,
    prepareMs: workload.prepareMs,
    warmupMs,
    totals: workload.totals.slice(),
    vetoes: workload.vetoes.slice(),
  };
  return {
    checked,
    time: (count, passes) => {
      progress(`${APPROACH_LABELS[approach]}: ${passes} timed passes`);
      return timePasses(workload, count, passes);
    },
    stop: () => undefined,
  };
}

function vetoNames(bits: number): string {
  const names = VETO_IDS.filter((_, index) => (bits & (1 << index)) !== 0);
  return names.length > 0 ? names.join("+") : "none";
}

/** The index of the first candidate on which the approaches disagree, or -1. */
function firstDisagreement(runs: readonly (readonly [Approach, Checked])[]): number {
  const [first, ...others] = runs;
  if (first === undefined) {
    return -1;
  }
  const [, reference] = first;
  for (let i = 0; i < reference.totals.length; i++) {
    for (const [, checked] of others) {
      if (checked.totals[i] !== reference.totals[i] || checked.vetoes[i] !== reference.vetoes[i]) {
        return i;
      }
    }
  }
  return -1;
}

function describeDisagreement(
  index: number,
  runs: readonly (readonly [Approach, Checked])[],
): string {
  const lines = runs.map(([approach, checked]) => {
    const total = checked.totals[index] ?? 0;
    const vetoes = checked.vetoes[index] ?? 0;
    return `  ${APPROACH_LABELS[approach].padEnd(14)} total ${formatCents(total).padStart(7)}  vetoes ${vetoNames(vetoes)}`;
  });
  return [
    `bench: the approaches disagree on candidate ${candidateId(index)} (no. ${index + 1} from bench/data.ts's fixed seed):`,
    ...lines,
    "no timings: a benchmark of scorers that disagree measures nothing",
  ].join("\n");
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

const integer = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat("en-US", {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function table(rows: readonly (readonly string[])[], rightAligned: readonly boolean[]): string {
  const widths = (rows[0] ?? []).map((_, column) =>
    Math.max(...rows.map((row) => (row[column] ?? "").length)),
  );
  const line = (row: readonly string[]) =>
    `| ${row
      .map((cell, column) =>
        rightAligned[column]
          ? cell.padStart(widths[column] ?? 0)
          : cell.padEnd(widths[column] ?? 0),
      )
      .join(" | ")} |`;
  const rule = `|${widths.map((width, column) => (rightAligned[column] ? `${"-".repeat(width + 1)}:` : "-".repeat(width + 2))).join("|")}|`;
  const [head, ...body] = rows;
  return [line(head ?? []), rule, ...body.map(line)].join("\n");
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const { candidates, passes, inProcess } = options;
  const compiled = loadBenchTable();
  const { ruleSet } = compiled;
  const indicatorCount = compiled.indicators.length;
  const cpu = cpus();
  console.log(
    `ceping bench: ${integer.format(candidates)} candidates on ${BENCH_RULE_SET_ID} ` +
      `(${indicatorCount} indicators: ${indicatorCount - ruleSet.bonus.length} in ${ruleSet.categories.length} categories + ${ruleSet.bonus.length} bonus; ` +
      `${compiled.computed.length} computed values, ${ruleSet.vetoes.length} vetoes), on ${ASSESSMENT_DATE}`,
  );
  console.log(
    `node ${process.version} (V8 ${process.versions.v8}), ${cpu[0]?.model.trim() ?? "unknown CPU"}, ${cpu.length} CPUs; ` +
      `${inProcess ? "all approaches in this process" : "each approach in a fresh process"}, ` +
      `1 warm-up pass, median of ${passes} timed passes`,
  );

  const runners = new Map<Approach, Runner>();
  const stopAll = () => runners.forEach((runner) => runner.stop());
  try {
    for (const approach of APPROACHES) {
      const runner = inProcess
        ? startInProcess(approach, candidates)
        : await startChild(approach, candidates);
      runners.set(approach, runner);
      // check as soon as two are in, so a disagreement stops the run before json-logic-js's long pass
      const runs = [...runners].map(([name, { checked }]) => [name, checked] as const);
      const index = firstDisagreement(runs);
      if (index >= 0) {
        clearProgress();
        console.error(describeDisagreement(index, runs));
        stopAll();
        process.exitCode = 1;
        return;
      }
    }
    clearProgress();

    const hand = runners.get("hand") as Runner;
    const engine = runners.get("engine") as Runner;
    const jsonLogic = runners.get("json-logic-js") as Runner;
    const { totals, vetoes } = hand.checked;
    let sum = 0;
    let vetoed = 0;
    for (let i = 0; i < candidates; i++) {
      sum += totals[i] ?? 0;
      vetoed += vetoes[i] !== 0 ? 1 : 0;
    }
    console.log(
      `all 3 agree on every candidate's total (in hundredths) and vetoes: Σ totals ${formatCents(sum)}, ` +
        `mean ${(sum / candidates / 100).toFixed(2)}, ${integer.format(vetoed)} vetoed`,
    );
    console.log(
      `untimed set-up per process: generate ${seconds(engine.checked.generateMs)}, ` +
        `prepareCandidate ${seconds(engine.checked.prepareMs)}; warm-up pass: ` +
        APPROACHES.map(
          (approach) =>
            `${APPROACH_LABELS[approach]} ${seconds((runners.get(approach) as Runner).checked.warmupMs)}`,
        ).join(", "),
    );

    // the warm-up pass says how long a json-logic-js pass takes; shrink its sample to fit the budget
    const jsonLogicPassMs = jsonLogic.checked.warmupMs;
    let jsonLogicCandidates = candidates;
    if (jsonLogicPassMs * passes > JSON_LOGIC_BUDGET_MS) {
      const fitting = Math.floor(
        (candidates * JSON_LOGIC_BUDGET_MS) / 2 / (jsonLogicPassMs * passes),
      );
      jsonLogicCandidates = Math.min(candidates, Math.max(1000, Math.floor(fitting / 1000) * 1000));
    }

    const times = new Map<Approach, readonly number[]>();
    const gcShares = new Map<Approach, number>();
    for (const approach of APPROACHES) {
      const count = approach === "json-logic-js" ? jsonLogicCandidates : candidates;
      const timing = await (runners.get(approach) as Runner).time(count, passes);
      // a subset's times are scaled to the full count, so that every row reads per N candidates
      times.set(
        approach,
        timing.times.map((ms) => (ms * candidates) / count),
      );
      gcShares.set(approach, timing.gcMs / timing.times.reduce((sum, ms) => sum + ms, 0));
    }
    clearProgress();

    const medians = new Map(
      APPROACHES.map((approach) => [approach, median(times.get(approach) ?? [])]),
    );
    const handMs = medians.get("hand") ?? NaN;
    const rows = APPROACHES.map((approach) => {
      const ms = medians.get(approach) ?? NaN;
      const all = times.get(approach) ?? [];
      const label =
        approach === "json-logic-js" && jsonLogicCandidates < candidates
          ? `${APPROACH_LABELS[approach]} *`
          : APPROACH_LABELS[approach];
      return [
        label,
        oneDecimal.format(ms),
        `${oneDecimal.format(Math.min(...all))}–${oneDecimal.format(Math.max(...all))}`,
        integer.format((candidates / ms) * 1000),
        `${oneDecimal.format(ms / handMs)}×`,
        `${integer.format((gcShares.get(approach) ?? 0) * 100)}%`,
      ];
    });
    console.log("");
    console.log(
      table(
        [
          ["approach", "ms per pass", "min–max ms", "candidates/s", "× hand-written", "in GC"],
          ...rows,
        ],
        [false, true, true, true, true, true],
      ),
    );
    if (jsonLogicCandidates < candidates) {
      console.log(
        `* json-logic-js timed on the first ${integer.format(jsonLogicCandidates)} candidates (${passes} passes), ` +
          `scaled ×${oneDecimal.format(candidates / jsonLogicCandidates)} to ${integer.format(candidates)}; ` +
          `its warm-up pass over all ${integer.format(candidates)} took ${seconds(jsonLogicPassMs)}`,
      );
    }

    const engineMs = medians.get("engine") ?? NaN;
    const engineVsHand = engineMs / handMs;
    const jsonLogicVsEngine = (medians.get("json-logic-js") ?? NaN) / engineMs;
    const mark = (ok: boolean) => (ok ? "✓" : "✗");
    console.log("");
    console.log("targets:");
    console.log(
      `  ${mark(engineVsHand <= TARGET_ENGINE_VS_HAND)} engine within ${TARGET_ENGINE_VS_HAND}× the hand-written scorer's time: ${oneDecimal.format(engineVsHand)}×`,
    );
    console.log(
      `  ${mark(jsonLogicVsEngine >= TARGET_JSON_LOGIC_VS_ENGINE)} engine ≥ ${TARGET_JSON_LOGIC_VS_ENGINE}× faster than json-logic-js: ${oneDecimal.format(jsonLogicVsEngine)}×`,
    );
  } catch (error) {
    stopAll();
    throw error;
  }
}

await main();
