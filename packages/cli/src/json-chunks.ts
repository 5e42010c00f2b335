// items per chunk: few writes, and never more than a few megabytes of text at once
const PER_CHUNK = 500;

// stands where the long array goes while the rest of the object is made into text
const MARK = "\u0000ceping-json-chunks\u0000";

/**
 * Exactly the text `JSON.stringify(shell with shell[key] = items.map(toJson), null, 2)` and a
 * newline gives, made a few hundred items at a time: 50,000 candidates are some 270 MB of JSON,
 * which built whole (the object tree, then one string) took a process from 0.6 to 2 GB. `key`
 * must be a key of `shell` at its top level, where the array belongs in the key order.
 */
export function* jsonChunks<T>(
  shell: Readonly<Record<string, unknown>>,
  key: string,
  items: readonly T[],
  toJson: (item: T) => unknown,
): Generator<string> {
  const text = JSON.stringify({ ...shell, [key]: MARK }, null, 2);
  const quoted = JSON.stringify(MARK);
  const at = text.indexOf(quoted);
  const head = text.slice(0, at);
  const tail = `${text.slice(at + quoted.length)}\n`;
  if (items.length === 0) {
    yield `${head}[]${tail}`;
    return;
  }
  // the key sits two spaces in: its elements four, every line of each
  let chunk = `${head}[`;
  for (let index = 0; index < items.length; index++) {
    const element = JSON.stringify(toJson(items[index] as T), null, 2).replaceAll("\n", "\n    ");
    chunk += `${index === 0 ? "" : ","}\n    ${element}`;
    if ((index + 1) % PER_CHUNK === 0) {
      yield chunk;
      chunk = "";
    }
  }
  yield `${chunk}\n  ]${tail}`;
}
