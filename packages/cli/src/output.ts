import { stdout, stderr, env } from "node:process";

/** Where a command writes: the only place ceping talks to the terminal. */
export interface Output {
  out(text: string): void;
  err(text: string): void;
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
    color: false,
    isTerminal: false,
    isErrorTerminal: false,
  };
  return memory;
}
