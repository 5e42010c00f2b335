import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument } from "yaml";
import type { Node, Pair } from "yaml";
import { error } from "./issue.ts";
import type { Issue, Place } from "./issue.ts";
import type { SourcePath } from "./rule-set.ts";

/** A parsed YAML or JSON file that can say where each of its values stands. */
export interface ParsedSource {
  readonly file: string;
  readonly value: unknown;
  readonly issues: readonly Issue[];
  /** the place of the value at a path, or of its nearest existing ancestor */
  locate(path: SourcePath): Place;
  /** the place of the key of the entry at a path (for unknown keys) */
  locateKey(path: SourcePath): Place;
}

/** Parses YAML (and so JSON) keeping source positions; syntax errors come back as issues. */
export function parseSource(file: string, text: string): ParsedSource {
  const lineCounter = new LineCounter();
  // merge keys (`<<: *base`) let a test case or a table repeat a block with one change
  const doc = parseDocument(text, {
    lineCounter,
    uniqueKeys: true,
    prettyErrors: false,
    merge: true,
  });
  const place = (offset: number): Place => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col };
  };
  const issues: Issue[] = doc.errors.map((e) =>
    error("source.syntax", place(e.pos[0]), { code: e.code, reason: firstLine(e.message) }),
  );
  const value: unknown = issues.length === 0 ? doc.toJS({ maxAliasCount: 100 }) : undefined;

  const nodeAt = (path: SourcePath): { node: unknown; pair?: Pair } => {
    let node: unknown = doc.contents;
    let pair: Pair | undefined;
    for (const key of path) {
      if (isMap(node)) {
        const found = node.items.find((item) => isScalar(item.key) && item.key.value === key);
        if (!found) {
          break;
        }
        pair = found;
        node = found.value;
      } else if (isSeq(node) && typeof key === "number" && node.items[key] !== undefined) {
        pair = undefined;
        node = node.items[key];
      } else {
        break;
      }
    }
    return { node, pair };
  };
  const offsetOf = (node: unknown): number => {
    const range = (node as Node | undefined)?.range;
    return range ? range[0] : 0;
  };

  return {
    file,
    value,
    issues,
    locate: (path) => place(offsetOf(nodeAt(path).node)),
    locateKey: (path) => {
      const { node, pair } = nodeAt(path);
      return place(offsetOf(pair && isPair(pair) ? pair.key : node));
    },
  };
}

function firstLine(text: string): string {
  return text.split("\n")[0] ?? text;
}
