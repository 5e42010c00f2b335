import { describe, expect, it, vi } from "vitest";
import { levelRows } from "./candidate-rows.ts";
import { panelProgress, sheetCount, sheetCountTasks } from "./sheet-progress.ts";
import { fixtureSession } from "../test/fixture-session.ts";

describe("sheet counts", () => {
  it("counts the sheets in and expected, without the reviewers in conflict", () => {
    const session = fixtureSession();
    const view = session.view();
    // 王五 is recused from C-03 and has not scored C-06
    expect(sheetCount(session, view, "C-01")).toEqual({ submitted: 3, expected: 3 });
    expect(sheetCount(session, view, "C-03")).toEqual({ submitted: 2, expected: 2 });
    expect(sheetCount(session, view, "C-06")).toEqual({ submitted: 2, expected: 3 });
    expect(panelProgress(session, view, levelRows(view, "county"))).toEqual({
      submitted: 22,
      expected: 23,
    });
  });

  it("asks the session once per view and candidate, and counts ahead in tasks", () => {
    const session = fixtureSession();
    const sheets = vi.spyOn(session, "sheets");
    const view = session.view();
    const rows = levelRows(view, "county");
    const tasks = sheetCountTasks(session, view, rows, 3);
    expect(tasks).toHaveLength(3 + 1);
    tasks.forEach((task) => task());
    expect(sheets).toHaveBeenCalledTimes(8);
    expect(panelProgress(session, view, rows)).toBe(panelProgress(session, view, rows));
    sheetCount(session, view, "C-01");
    expect(sheets).toHaveBeenCalledTimes(8);
  });
});
