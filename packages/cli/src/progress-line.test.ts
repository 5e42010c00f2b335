import { describe, expect, it } from "vitest";
import { TEXT } from "./cli-text.ts";
import { memoryOutput } from "./output.ts";
import { progressLine } from "./progress-line.ts";

function terminal() {
  return { ...memoryOutput(), isErrorTerminal: true };
}

describe("progressLine", () => {
  it("draws once the work has lasted 300 ms, at most every 100 ms, and clears itself", () => {
    const output = terminal();
    let stderr = "";
    output.err = (text) => {
      stderr += text;
    };
    let clock = 0;
    const progress = progressLine(output, "zh", TEXT.writingLines, () => clock);
    const report = (at: number, done: number) => {
      clock = at;
      progress.onProgress?.({ sheet: "明细", done, total: 150 });
    };
    report(100, 1);
    report(299, 2);
    expect(stderr).toBe("");
    report(300, 3);
    report(350, 4);
    report(400, 5);
    progress.done();
    expect(stderr).toBe("\r\u001B[K正在写入 明细：3/150\r\u001B[K正在写入 明细：5/150\r\u001B[K");
  });

  it("says nothing when the work is quick, and nothing at all in a pipe", () => {
    const quick = terminal();
    const seen: string[] = [];
    quick.err = (text) => seen.push(text);
    const progress = progressLine(quick, "en", TEXT.readingRows, () => 10);
    progress.onProgress?.({ sheet: "申报单位", done: 40 });
    progress.done();
    expect(seen).toEqual([]);

    const pipe = memoryOutput();
    const none = progressLine(pipe, "zh", TEXT.readingRows, () => 1000);
    expect(none.onProgress).toBeUndefined();
    none.done();
    expect(pipe.stderr).toBe("");
  });

  it("counts read rows without a total, in English too", () => {
    const output = terminal();
    let stderr = "";
    output.err = (text) => {
      stderr += text;
    };
    let clock = 0;
    const progress = progressLine(output, "en", TEXT.readingRows, () => clock);
    clock = 500;
    progress.onProgress?.({ sheet: "申报单位", done: 12000 });
    expect(stderr).toBe("\r\u001B[Kreading 申报单位: 12000 rows");
  });
});
