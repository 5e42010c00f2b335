// Candidate workbook import against a raw exceljs streaming read of the same file:
//   npx tsx bench/workbook.ts [rows=50000] [runs=3]
// Each measurement runs in a fresh child process, which reports its time and peak RSS.
import { fork } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import type { Candidate } from "../packages/engine/src/index.ts";
import { readCandidateWorkbook, writeCandidateWorkbook } from "../packages/workbook/src/index.ts";
import { loadDemoCandidates, loadDemoLibrary } from "../packages/workbook/scripts/demo-inputs.ts";

const TARGET_RATIO = 1.25;
const TARGET_RSS_MB = 250;

interface Measure {
  readonly ms: number;
  readonly rssMB: number;
  readonly rows: number;
}

// the few parts of exceljs this file uses; exceljs belongs to the workbook package
interface RawRow {
  eachCell(callback: (cell: { value: unknown }) => void): void;
}
interface RawReader {
  new (path: string, options: Record<string, string>): AsyncIterable<AsyncIterable<RawRow>>;
}

function peakRssMB(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

/** Generated candidates: the demo villages and a township, varied by index. */
function generate(rows: number): Candidate[] {
  const demo = loadDemoCandidates();
  const out: Candidate[] = [];
  for (let i = 0; i < rows; i++) {
    const base = demo[i % demo.length] as Candidate;
    const township = i % 10 === 9;
    const data: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(base.data)) {
      if (!Array.isArray(value)) {
        data[key] = typeof value === "number" && Number.isInteger(value) ? value + (i % 7) : value;
      }
    }
    if (township) {
      Object.assign(data, {
        villages: 7 + (i % 5),
        villages_named: 3 + (i % 3),
        arenas_covered: i % 9,
      });
    }
    out.push({
      ...base,
      id: `B-${String(i + 1).padStart(6, "0")}`,
      name: `${base.name}${i + 1}`,
      unitType: township ? "township" : "village",
      data,
    });
  }
  return out;
}

async function child(mode: string, file: string): Promise<void> {
  if (mode === "raw") {
    const require = createRequire(new URL("../packages/workbook/package.json", import.meta.url));
    const ExcelJS = require("exceljs") as { stream: { xlsx: { WorkbookReader: RawReader } } };
    const started = performance.now();
    let rows = 0;
    // the documented way to stream a workbook, touching every value
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
      sharedStrings: "cache",
      styles: "cache",
      hyperlinks: "ignore",
      worksheets: "emit",
      entries: "ignore",
    });
    let cells = 0;
    for await (const sheet of reader) {
      for await (const row of sheet) {
        rows++;
        row.eachCell((cell) => {
          if (cell.value !== undefined) {
            cells++;
          }
        });
      }
    }
    process.send?.({ ms: performance.now() - started, rssMB: peakRssMB(), rows, cells });
    return;
  }
  const library = loadDemoLibrary();
  const started = performance.now();
  const { candidates, issues } = await readCandidateWorkbook(file, library);
  const ms = performance.now() - started;
  if (issues.some((issue) => issue.severity === "error")) {
    throw new Error(`the import failed: ${JSON.stringify(issues.slice(0, 3))}`);
  }
  process.send?.({ ms, rssMB: peakRssMB(), rows: candidates.length });
}

function measure(mode: string, file: string): Promise<Measure> {
  return new Promise((resolve, reject) => {
    const process = fork(fileURLToPath(import.meta.url), ["child", mode, file], {
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    let result: Measure | undefined;
    process.on("message", (message) => {
      result = message as Measure;
    });
    process.on("exit", (code) =>
      code === 0 && result ? resolve(result) : reject(new Error(`${mode} exited with ${code}`)),
    );
  });
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

async function main(): Promise<void> {
  const [rows = 50_000, runs = 3] = process.argv.slice(2).map(Number);
  const dir = mkdtempSync(join(tmpdir(), "ceping-bench-"));
  try {
    const file = join(dir, "candidates.xlsx");
    const started = performance.now();
    await writeCandidateWorkbook(file, loadDemoLibrary(), generate(rows));
    console.log(
      `wrote ${rows} candidates (${Math.round(statSync(file).size / 1024)} KB) in ${Math.round(performance.now() - started)} ms`,
    );
    const raw: Measure[] = [];
    const imported: Measure[] = [];
    for (let run = 0; run < runs; run++) {
      raw.push(await measure("raw", file));
      imported.push(await measure("import", file));
    }
    const rawMs = median(raw.map((m) => m.ms));
    const importMs = median(imported.map((m) => m.ms));
    const importRss = median(imported.map((m) => m.rssMB));
    const ratio = importMs / rawMs;
    const show = (list: readonly Measure[]) =>
      list.map((m) => `${Math.round(m.ms)} ms/${m.rssMB} MB`).join(", ");
    console.log(
      `raw exceljs stream read: median ${Math.round(rawMs)} ms, peak RSS ${median(raw.map((m) => m.rssMB))} MB (${show(raw)}; ${raw[0]?.rows} rows)`,
    );
    console.log(
      `readCandidateWorkbook:   median ${Math.round(importMs)} ms, peak RSS ${importRss} MB (${show(imported)}; ${imported[0]?.rows} candidates)`,
    );
    console.log(
      `ratio ${ratio.toFixed(2)}× (target ≤ ${TARGET_RATIO}×) ${ratio <= TARGET_RATIO ? "ok" : "MISSED"}; peak RSS ${importRss} MB (target ≤ ${TARGET_RSS_MB} MB) ${importRss <= TARGET_RSS_MB ? "ok" : "MISSED"}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === "child") {
  await child(process.argv[3] ?? "", process.argv[4] ?? "");
} else {
  await main();
}
