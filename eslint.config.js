import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import tseslint from "typescript-eslint";

const engineBans = [
  "node:fs",
  "node:fs/promises",
  "node:process",
  "node:path",
  "node:child_process",
  "exceljs",
  "better-sqlite3",
  "ink",
  "react",
];

export default tseslint.config(
  { ignores: ["**/node_modules/**", "coverage/**"] },
  { linterOptions: { reportUnusedDisableDirectives: "error" } },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      curly: ["error", "all"],
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-floating-promises": "error",
      "no-console": "error",
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@ceping/*/src/*"], message: "import a package through its front door" },
          ],
        },
      ],
    },
  },
  {
    files: ["packages/engine/src/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: engineBans.map((name) => ({ name, message: "the engine is pure: no I/O, no UI" })),
          patterns: [{ group: ["@ceping/*"], message: "the engine imports no other package" }],
        },
      ],
    },
  },
  {
    files: ["packages/cli/src/output.ts", "bench/**", "scripts/**"],
    rules: { "no-console": "off" },
  },
  { files: ["**/*.js"], ...tseslint.configs.disableTypeChecked },
  prettier,
);
