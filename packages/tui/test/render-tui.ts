import { EventEmitter } from "node:events";
import { render } from "ink";
import type { ReactElement } from "react";

// Ink writes styles only when colour is on; frames compare as plain text either way
// eslint-disable-next-line no-control-regex -- matching the terminal's escape sequences is the point
const ANSI = /\u001B\[[0-9;?]*[A-Za-z]/g;

class FakeStdout extends EventEmitter {
  readonly frames: string[] = [];
  isTTY = false;
  columns: number;
  rows: number;
  constructor(columns: number, rows: number) {
    super();
    this.columns = columns;
    this.rows = rows;
  }
  write = (frame: string): boolean => {
    this.frames.push(frame);
    return true;
  };
}

class FakeStdin extends EventEmitter {
  isTTY = true;
  private data: string | null = null;
  write = (data: string): void => {
    this.data = data;
    this.emit("readable");
    this.emit("data", data);
  };
  read = (): string | null => {
    const { data } = this;
    this.data = null;
    return data;
  };
  setEncoding(): void {}
  setRawMode(): void {}
  resume(): void {}
  pause(): void {}
  ref(): void {}
  unref(): void {}
}

/** What a rendered UI gives a test: its last frame, keys in, a resize, and an unmount. */
export interface Rendered {
  /** the last frame as plain text, each line without trailing spaces */
  lastFrame(): string;
  /** types keys; resolves once Ink has handled them (a lone Esc waits for a tick) */
  press(...keys: string[]): Promise<void>;
  resize(columns: number, rows: number): Promise<void>;
  unmount(): void;
  /** settles when the app has exited */
  readonly exited: Promise<unknown>;
}

/** Keys as a terminal sends them. */
export const KEYS = {
  up: "\u001B[A",
  down: "\u001B[B",
  right: "\u001B[C",
  left: "\u001B[D",
  pageDown: "\u001B[6~",
  pageUp: "\u001B[5~",
  enter: "\r",
  escape: "\u001B",
  tab: "\t",
  backspace: "\u007F",
} as const;

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Renders a UI in a terminal of a given size, in Ink's debug mode (every frame written whole). */
export function renderTui(tree: ReactElement, columns = 80, rows = 24): Rendered {
  const stdout = new FakeStdout(columns, rows);
  const stdin = new FakeStdin();
  const instance = render(tree, {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stderr: new FakeStdout(columns, rows) as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
    debug: true,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  return {
    lastFrame: () =>
      (stdout.frames[stdout.frames.length - 1] ?? "")
        .replace(ANSI, "")
        .split("\n")
        .map((line) => line.trimEnd())
        .join("\n"),
    press: async (...keys: string[]) => {
      for (const key of keys) {
        stdin.write(key);
        await tick();
        await tick();
      }
    },
    resize: async (width: number, height: number) => {
      stdout.columns = width;
      stdout.rows = height;
      stdout.emit("resize");
      await tick();
    },
    unmount: () => instance.unmount(),
    exited: instance.waitUntilExit(),
  };
}

/** A frame written flush left in a test: the newline after the opening backtick and before the closing one are not part of it. */
export function frame(strings: TemplateStringsArray): string {
  return (strings.raw[0] ?? "").replace(/^\n/, "").replace(/\n$/, "");
}
