import { statSync, watch as watchFolder } from "node:fs";
import { dirname } from "node:path";
import { formatPlace, runRuleTests } from "@ceping/engine";
import type { RuleTestReport } from "@ceping/engine";
import { say, TEXT } from "../cli-text.ts";
import { InputError, UsageError } from "../errors.ts";
import type { CommandContext } from "../main.ts";
import { printIssues } from "../main.ts";
import { paint } from "../paint.ts";
import { readRuleLibrary } from "../read-rules.ts";

function share(exercised: number, total: number): string {
  return total === 0 ? "100%" : `${Math.floor((exercised / total) * 1000) / 10}%`;
}

/** The report as JSON for scripts. */
export function testReportJson(report: RuleTestReport): Record<string, unknown> {
  const cases = report.files.flatMap((file) => file.cases);
  return {
    passed: cases.filter((c) => c.failures.length === 0).length,
    failed: cases.filter((c) => c.failures.length > 0).length,
    files: report.files.map((file) => ({
      file: file.file,
      ruleset: file.ruleset,
      cases: file.cases.map((c) => ({
        name: c.name,
        place: formatPlace(c.place),
        passed: c.failures.length === 0,
        failures: c.failures,
      })),
    })),
    coverage: report.coverage.map((entry) => ({
      ...entry,
      share: entry.total === 0 ? 1 : entry.exercised / entry.total,
    })),
  };
}

/** `ceping rules test`: runs the cases beside the rule files; failures with expected and actual. */
export async function rulesTestCommand(context: CommandContext): Promise<number> {
  if (context.positionals.length === 0) {
    throw new UsageError(
      context.lang === "zh" ? "缺少要测试的路径" : "name the rule files or folders to test",
    );
  }
  const format = (context.values.format as string | undefined) ?? "table";
  if (format !== "table" && format !== "json") {
    throw new UsageError(`--format: table | json`);
  }
  if (!context.values.watch) {
    return runOnce(context, format);
  }
  return watch(context, () => {
    try {
      runOnce(context, format);
    } catch (cause) {
      // a half-saved file is an input error like any other: show it and keep watching
      if (!(cause instanceof InputError)) {
        throw cause;
      }
      printIssues(cause.issues, context.lang, context.output);
    }
  });
}

// re-runs on every save under the named paths' folders until the process is stopped
function watch(context: CommandContext, run: () => void): Promise<number> {
  run();
  const folders = [
    ...new Set(
      context.positionals.map((path) => (statSync(path).isDirectory() ? path : dirname(path))),
    ),
  ];
  let timer: NodeJS.Timeout | undefined;
  return new Promise<number>(() => {
    for (const folder of folders) {
      watchFolder(folder, { recursive: true }, (_, name) => {
        if (name && !/\.(ya?ml|json)$/i.test(name)) {
          return;
        }
        clearTimeout(timer);
        // editors save in several steps; wait until they are done
        timer = setTimeout(() => {
          context.output.out(
            `\n${say(TEXT.rerun, context.lang, { time: new Date().toLocaleTimeString("zh-CN", { hour12: false }) })}\n`,
          );
          run();
        }, 200);
      });
    }
  });
}

function runOnce(context: CommandContext, format: string): number {
  const { lang, output } = context;
  const { library, files } = readRuleLibrary(context.positionals);
  const report = runRuleTests(library, files.tests);
  if (report.issues.some((issue) => issue.severity === "error")) {
    throw new InputError(report.issues);
  }
  const cases = report.files.flatMap((file) => file.cases.map((c) => ({ file: file.file, ...c })));
  const failed = cases.filter((c) => c.failures.length > 0);
  if (format === "json") {
    output.out(`${JSON.stringify(testReportJson(report), null, 2)}\n`);
    return failed.length > 0 ? 1 : 0;
  }
  printIssues(report.issues, lang, output);
  if (files.tests.length === 0) {
    output.out(`${say(TEXT.noTests, lang)}\n`);
  }
  for (const c of failed) {
    output.out(
      `${paint(say(TEXT.caseFailed, lang, { file: formatPlace(c.place), name: c.name }), "red", output.color)}\n`,
    );
    for (const failure of c.failures) {
      output.out(
        `    ${failure.key}: ${say(TEXT.expected, lang, { expected: failure.expected, actual: failure.actual })}\n`,
      );
    }
  }
  for (const entry of report.coverage) {
    output.out(
      `${say(TEXT.coverage, lang, { ruleset: entry.ruleset, exercised: entry.exercised, total: entry.total, share: share(entry.exercised, entry.total) })}\n`,
    );
    if (entry.unexercised.length > 0) {
      output.out(
        `${paint(say(TEXT.unexercised, lang, { items: entry.unexercised.join(", ") }), "yellow", output.color)}\n`,
      );
    }
  }
  const summary = say(TEXT.testsSummary, lang, {
    passed: cases.length - failed.length,
    failed: failed.length,
  });
  output.out(`${paint(summary, failed.length > 0 ? "red" : "green", output.color)}\n`);
  return failed.length > 0 ? 1 : 0;
}
