import { defineConfig } from "vitest/config";
import { SummaryReporter } from "./test/helpers/summary-reporter.ts";

export default defineConfig({
  test: {
    include: ["packages/*/src/**/*.test.{ts,tsx}", "test/**/*.test.ts"],
    reporters: ["default", new SummaryReporter()],
    restoreMocks: true,
    testTimeout: 30_000,
  },
});
