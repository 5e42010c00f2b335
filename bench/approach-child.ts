import { runApproachProcess } from "./run-approach.ts";

// run.ts forks this file once per approach, so that each is timed in a fresh V8 of its own
runApproachProcess(process.argv.slice(2));
