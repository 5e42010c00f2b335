const FORBIDDEN = /[\\/?*[\]:]/g;

/**
 * A valid sheet name, unique (case-insensitively) among `used`, which it joins: at most 31
 * characters, none of \ / ? * [ ] :, not starting or ending with an apostrophe.
 */
export function uniqueSheetName(wanted: string, used: Set<string>, suffix = ""): string {
  const base =
    wanted
      .replace(FORBIDDEN, "_")
      .replace(/^'+|'+$/g, "")
      .trim() || "Sheet";
  for (let n = 1; ; n++) {
    const tail = n === 1 ? suffix : `${suffix}(${n})`;
    const name = `${[...base].slice(0, 31 - [...tail].length).join("")}${tail}`;
    const key = name.toLowerCase();
    if (!used.has(key) && key !== "history") {
      used.add(key);
      return name;
    }
  }
}
