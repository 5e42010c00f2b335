// Writes the 吉木萨尔 batch as a workbook: `npx tsx packages/workbook/scripts/write-jimsar.ts`.
// fixtures/jimsar/candidates.xlsx holds the same candidates as candidates.json, for every table of
// every shipped level, so the batch can be scored from either.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { loadRuleLibrary, readCandidates } from "@ceping/engine";
import { writeCandidateWorkbook } from "../src/write-candidate-workbook.ts";
import { ROOT } from "./demo-inputs.ts";

const sources = ["county", "prefecture", "province"].flatMap((level) =>
  readdirSync(join(ROOT, "rules", level))
    .filter((name) => /\.ya?ml$/.test(name) && !/\.test\.ya?ml$/.test(name))
    .sort()
    .map((name) => ({
      file: `rules/${level}/${name}`,
      text: readFileSync(join(ROOT, "rules", level, name), "utf8"),
    })),
);
const { library, issues } = loadRuleLibrary(sources);
const file = "fixtures/jimsar/candidates.json";
const read = readCandidates({ file, text: readFileSync(join(ROOT, file), "utf8") });
if (!library || read.issues.length > 0) {
  throw new Error(JSON.stringify([...issues, ...read.issues]));
}
await writeCandidateWorkbook(
  join(ROOT, "fixtures/jimsar/candidates.xlsx"),
  library,
  read.candidates,
);
process.stdout.write("wrote fixtures/jimsar/candidates.xlsx\n");
