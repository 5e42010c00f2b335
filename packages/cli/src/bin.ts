import process from "node:process";

// React's production build: the terminal UI's frames come several times faster
process.env.NODE_ENV ??= "production";
const { runCli } = await import("./main.ts");
const { processOutput } = await import("./output.ts");
process.exitCode = await runCli(process.argv.slice(2), processOutput());
