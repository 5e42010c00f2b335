import { performance, PerformanceObserver } from "node:perf_hooks";
import type { PerformanceEntry } from "node:perf_hooks";
import { loadRuleLibrary, prepareCandidate, scoreCandidate } from "../packages/engine/src/index.ts";
import type {
  CompiledRuleSet,
  PreparedCandidate,
  ScoreOptions,
} from "../packages/engine/src/index.ts";
import { generateCandidates } from "./data.ts";
import { createHandScorer } from "./hand-scorer.ts";
import { createJsonLogicScorer } from "./json-logic-scorer.ts";
import {
  ASSESSMENT_DATE,
  BENCH_RULE_FILE,
  BENCH_RULE_SET_ID,
  benchRuleSetText,
  VETO_IDS,
} from "./rule-set.ts";

export const APPROACHES = ["hand", "engine", "json-logic-js"] as const;
export type Approach = (typeof APPROACHES)[number];

export const APPROACH_LABELS: Readonly<Record<Approach, string>> = {
  hand: "hand-written",
  engine: "engine",
  "json-logic-js": "json-logic-js",
};

/** One approach set up on `count` candidates: call `pass` to score the first `to` of them. */
export interface Workload {
  readonly count: number;
  /** total in hundredths, per candidate, from the latest pass */
  readonly totals: Int32Array;
  /** veto bits in VETO_IDS order, per candidate, from the latest pass */
  readonly vetoes: Uint8Array;
  readonly generateMs: number;
  readonly prepareMs: number;
  pass(to: number): void;
}

/** Messages a child process sends to run.ts. */
export type ChildMessage =
  | { readonly type: "progress"; readonly text: string }
  | {
      readonly type: "checked";
      readonly generateMs: number;
      readonly prepareMs: number;
      readonly warmupMs: number;
      readonly totals: Int32Array;
      readonly vetoes: Uint8Array;
    }
  | { readonly type: "timed"; readonly timing: Timing };

/** What run.ts asks a child to do once every approach agrees. */
export interface TimeRequest {
  readonly type: "time";
  readonly candidates: number;
  readonly passes: number;
}

/** The benchmark table, loaded and compiled; throws with the engine's issues when it does not load. */
export function loadBenchTable(): CompiledRuleSet {
  const { library, issues } = loadRuleLibrary([
    { file: BENCH_RULE_FILE, text: benchRuleSetText() },
  ]);
  const compiled = library?.ruleSets.get(BENCH_RULE_SET_ID);
  if (!compiled) {
    throw new Error(`the benchmark table does not load: ${JSON.stringify(issues.slice(0, 3))}`);
  }
  return compiled;
}

function prepareAll(
  candidates: ReturnType<typeof generateCandidates>,
  compiled: CompiledRuleSet,
): PreparedCandidate[] {
  return candidates.map(({ candidate }) => {
    const { prepared, issues } = prepareCandidate(candidate, compiled);
    if (issues.length > 0 || prepared.missing.length > 0) {
      throw new Error(
        `generated candidate ${candidate.id} does not fit the table: ${JSON.stringify(issues[0] ?? prepared.missing)}`,
      );
    }
    return prepared;
  });
}

/**
 * Generates the candidates and readies one approach. Checking data (`prepareCandidate`) happens
 * here, untimed: the engine scores prepared candidates, json-logic-js their checked data, and
 * the hand-written scorer the generator's typed objects, so no approach pays for parsing.
 */
export function setUpApproach(approach: Approach, count: number): Workload {
  const compiled = loadBenchTable();
  let started = performance.now();
  const candidates = generateCandidates(count);
  const generateMs = performance.now() - started;
  const totals = new Int32Array(count);
  const vetoes = new Uint8Array(count);
  const on = ASSESSMENT_DATE;

  if (approach === "hand") {
    const score = createHandScorer(on);
    const pass = (to: number) => {
      for (let i = 0; i < to; i++) {
        const { data, panel } = candidates[i] as (typeof candidates)[number];
        const verdict = score(data, panel);
        totals[i] = verdict.total;
        vetoes[i] = verdict.vetoes;
      }
    };
    return { count, totals, vetoes, generateMs, prepareMs: 0, pass };
  }

  started = performance.now();
  const prepared = prepareAll(candidates, compiled);
  const prepareMs = performance.now() - started;

  if (approach === "engine") {
    const options: ScoreOptions[] = candidates.map(({ panel }) => ({ on, panel }));
    const bits = new Map<string, number>(VETO_IDS.map((id, index) => [id, 1 << index]));
    const pass = (to: number) => {
      for (let i = 0; i < to; i++) {
        const result = scoreCandidate(prepared[i] as PreparedCandidate, options[i] as ScoreOptions);
        totals[i] = result.total;
        let vetoBits = 0;
        for (const id of result.vetoes) {
          vetoBits |= bits.get(id) ?? 0;
        }
        vetoes[i] = vetoBits;
      }
    };
    return { count, totals, vetoes, generateMs, prepareMs, pass };
  }

  const score = createJsonLogicScorer(compiled.ruleSet, on);
  const pass = (to: number) => {
    for (let i = 0; i < to; i++) {
      const verdict = score(
        (prepared[i] as PreparedCandidate).data,
        (candidates[i] as (typeof candidates)[number]).panel,
      );
      totals[i] = verdict.total;
      vetoes[i] = verdict.vetoes;
    }
  };
  return { count, totals, vetoes, generateMs, prepareMs, pass };
}

/** The timed passes of one approach: milliseconds per pass, and the collections they caused. */
export interface Timing {
  readonly times: readonly number[];
  readonly gcCount: number;
  readonly gcMs: number;
}

/** Times `passes` passes over the first `candidates` candidates, after a full collection when exposed. */
export async function timePasses(
  workload: Workload,
  candidates: number,
  passes: number,
): Promise<Timing> {
  globalThis.gc?.();
  let gcCount = 0;
  let gcMs = 0;
  const count = (entries: readonly PerformanceEntry[]) => {
    for (const entry of entries) {
      gcCount += 1;
      gcMs += entry.duration;
    }
  };
  const observer = new PerformanceObserver((list) => count(list.getEntries()));
  observer.observe({ entryTypes: ["gc"] });
  const times: number[] = [];
  for (let p = 0; p < passes; p++) {
    const started = performance.now();
    workload.pass(candidates);
    times.push(performance.now() - started);
  }
  // gc entries arrive asynchronously: let them in, then take what is still queued
  await new Promise((resolve) => setTimeout(resolve, 50));
  count(observer.takeRecords());
  observer.disconnect();
  return { times, gcCount, gcMs };
}

/** The body of a child process started by run.ts: set up, warm up, report, then time when asked. */
export function runApproachProcess(args: readonly string[]): void {
  const [approach, count] = [args[0] as Approach, Number(args[1])];
  const send = process.send?.bind(process);
  if (!APPROACHES.includes(approach) || !Number.isSafeInteger(count) || send === undefined) {
    throw new Error(
      `approach-child.ts is started by run.ts with an approach and a count; found ${args.join(" ")}`,
    );
  }
  const report = (message: ChildMessage) => send(message);
  report({
    type: "progress",
    text: `${APPROACH_LABELS[approach]}: generating ${count} candidates and setting up`,
  });
  const workload = setUpApproach(approach, count);
  report({ type: "progress", text: `${APPROACH_LABELS[approach]}: warm-up pass` });
  const started = performance.now();
  workload.pass(count);
  const warmupMs = performance.now() - started;
  report({
    type: "checked",
    generateMs: workload.generateMs,
    prepareMs: workload.prepareMs,
    warmupMs,
    totals: workload.totals,
    vetoes: workload.vetoes,
  });
  process.on("message", (request: TimeRequest) => {
    report({
      type: "progress",
      text: `${APPROACH_LABELS[approach]}: ${request.passes} timed passes`,
    });
    void timePasses(workload, request.candidates, request.passes).then((timing) => {
      report({ type: "timed", timing });
      process.disconnect();
    });
  });
}
