import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import { TerminalRequiredError } from "./errors.ts";
import { runTui } from "./run-tui.tsx";
import { fixtureSession } from "../test/fixture-session.ts";

class Terminal extends EventEmitter {
  readonly written: string[] = [];
  isTTY = true;
  columns = 80;
  rows = 24;
  write = (data: string) => {
    this.written.push(data);
    return true;
  };
}

class Keyboard extends EventEmitter {
  isTTY: boolean;
  private data: string | null = null;
  constructor(isTTY: boolean) {
    super();
    this.isTTY = isTTY;
  }
  type(data: string) {
    this.data = data;
    this.emit("readable");
  }
  read = () => {
    const { data } = this;
    this.data = null;
    return data;
  };
  setEncoding() {}
  setRawMode() {}
  ref() {}
  unref() {}
}

const streams = (keyboard: Keyboard, terminal: Terminal) => ({
  stdin: keyboard as unknown as NodeJS.ReadStream,
  stdout: terminal as unknown as NodeJS.WriteStream,
  stderr: new Terminal() as unknown as NodeJS.WriteStream,
});

describe("runTui", () => {
  it("needs a terminal to read keys from", async () => {
    await expect(
      runTui(fixtureSession(), streams(new Keyboard(false), new Terminal())),
    ).rejects.toThrow(TerminalRequiredError);
    expect(new TerminalRequiredError().say("zh")).toMatch(/^终端界面需要在交互式终端中运行/);
  });

  it("draws on the alternate screen and gives the terminal back as it was on quit", async () => {
    const keyboard = new Keyboard(true);
    const terminal = new Terminal();
    const running = runTui(fixtureSession(), { lang: "en", ...streams(keyboard, terminal) });
    await new Promise((resolve) => setTimeout(resolve, 50));
    keyboard.type("q");
    await running;
    const output = terminal.written.join("");
    // with CI set, Ink draws only the last frame, on quitting: either way the screen was drawn
    expect(output).toContain("[1 Candidates]");
    expect(output.startsWith("\u001B[?1049h\u001B[H")).toBe(true);
    // after leaving the alternate screen nothing is drawn: at most the cursor is shown again
    // eslint-disable-next-line no-control-regex -- the terminal's escape sequences are the point
    expect(output).toMatch(/\u001B\[\?1049l(\u001B\[\?25h)*$/);
  });
});
