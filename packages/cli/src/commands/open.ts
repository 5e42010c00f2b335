import { basename, dirname, join } from "node:path";
import { openAssessmentSession, runTui } from "@ceping/tui";
import type { ExportKind, PanelSession } from "@ceping/tui";
import { writeResultsWorkbook } from "@ceping/workbook";
import { InputError, UsageError } from "../errors.ts";
import { previewCommand } from "./preview.ts";
import type { CommandContext } from "../main.ts";

const EXPORT_NAMES: Readonly<Record<ExportKind, string>> = { workbook: "结果", notice: "公示名单" };

/** Opens an assessment in the terminal UI as a reviewer or the chair, until the user quits. */
export async function openInTerminal(
  file: string,
  user: string,
  context: CommandContext,
): Promise<number> {
  // the export reads the session the UI shows, which exists once the file is open
  const current: { session?: PanelSession } = {};
  const opened = openAssessmentSession(file, {
    user,
    // both exports are the results workbook, whose 公示名单 sheet is the public notice
    exportResults: async (kind) => {
      const view = current.session?.view();
      if (!view) {
        return { ok: false, issues: [] };
      }
      const target = join(dirname(file), `${basename(file, ".ceping")}-${EXPORT_NAMES[kind]}.xlsx`);
      // the workbook is built in one stretch that holds the event loop (a second for a few
      // hundred candidates): first let the UI draw its 处理中 notice
      await new Promise((resolve) => setTimeout(resolve, 50));
      await writeResultsWorkbook(target, view.results, {
        on: view.on,
        ...(view.finalHash && { finalHash: view.finalHash }),
        ...(view.title && { title: view.title }),
      });
      return { ok: true, value: { file: target }, issues: [] };
    },
  });
  if (!opened.ok) {
    throw new InputError(opened.issues);
  }
  current.session = opened.value.session;
  try {
    await runTui(opened.value.session, { lang: context.lang });
    return 0;
  } finally {
    opened.value.close();
  }
}

/** `ceping open FILE --as NAME`: the terminal UI on an assessment (or, with --rules, on rules being written). */
export async function openCommand(context: CommandContext): Promise<number> {
  const file = context.positionals[0];
  if (file === undefined && context.values.rules !== undefined) {
    return previewCommand(context);
  }
  const user = context.values.as as string | undefined;
  if (file === undefined || user === undefined) {
    throw new UsageError(
      context.lang === "zh"
        ? "用法：ceping open 评审文件 --as 姓名"
        : "usage: ceping open FILE --as NAME",
    );
  }
  return openInTerminal(file, user, context);
}
