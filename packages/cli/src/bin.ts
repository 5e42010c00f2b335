import process from "node:process";
import { runCli } from "./main.ts";
import { processOutput } from "./output.ts";

process.exitCode = await runCli(process.argv.slice(2), processOutput());
