import { stdout, stderr, env } from "node:process";

/** Where a command writes: the only place ceping talks to the terminal. */
export interface Output {
  out(text: string): void;
  err(text: string): void;
  /** resolves once what `out` was given has gone to the reader, so big output stays bounded */
  drained(): Promise<void>;
  /** colour only on a terminal, and never with NO_COLOR */
  readonly color: boolean;
  /** progress lines only on a terminal */
  readonly isTerminal: boolean;
  /** whether problems (stderr) are read by a person on a terminal */
  readonly isErrorTerminal: boolean;
}

/** The process's own stdout and stderr. */
export function processOutput(): Output {
  const isTerminal = stdout.isTTY === true;
  return {
    out: (text) => stdout.write(text),
    err: (text) => stderr.write(text),
    // a pipe to a slower reader queues every write in memory: wait for it to empty
    drained: () =>
      stdout.writableNeedDrain
        ? new Promise<void>((resolve) => stdout.once("drain", () => resolve()))
        : Promise.resolve(),
    color: isTerminal && env.NO_COLOR === undefined,
    isTerminal,
    isErrorTerminal: stderr.isTTY === true,
  };
}

/** An output that keeps what was written, for tests and for writing to a file. */
export function memoryOutput(): Output & { stdout: string; stderr: string } {
  const memory = {
    stdout: "",
    stderr: "",
    out(text: string) {
      memory.stdout += text;
    },
    err(text: string) {
      memory.stderr += text;
    },
    drained: () => Promise.resolve(),
    color: false,
    isTerminal: false,
    isErrorTerminal: false,
  };
  return memory;
}
