import { closeSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/**
 * Writes a file whole or not at all: a temporary file beside it, then a rename. The content may
 * come in pieces made one after another, so that a long output is never held whole.
 */
export function writeFileAtomically(path: string, content: string | Iterable<string>): void {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    const fd = openSync(temporary, "w");
    try {
      for (const piece of typeof content === "string" ? [content] : content) {
        writeSync(fd, piece);
      }
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
  } catch (cause) {
    rmSync(temporary, { force: true });
    throw cause;
  }
}
