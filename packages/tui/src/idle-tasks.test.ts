import { describe, expect, it } from "vitest";
import { runAhead } from "./idle-tasks.ts";

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe("runAhead", () => {
  it("runs the tasks in order, one a turn of the event loop, and stops when told", async () => {
    const ran: number[] = [];
    const stop = runAhead([1, 2, 3, 4].map((n) => () => ran.push(n)));
    expect(ran).toEqual([]);
    await turn();
    expect(ran).toEqual([1]);
    await turn();
    expect(ran).toEqual([1, 2]);
    stop();
    await turn();
    await turn();
    expect(ran).toEqual([1, 2]);
  });

  it("runs every task when left alone", async () => {
    const ran: number[] = [];
    runAhead([1, 2, 3].map((n) => () => ran.push(n)));
    for (let i = 0; i < 4; i++) {
      await turn();
    }
    expect(ran).toEqual([1, 2, 3]);
    expect(runAhead([])).toBeTypeOf("function");
  });
});
