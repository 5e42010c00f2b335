import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ceping } from "./helpers/run-cli.ts";

// LibreOffice (Debian's libreoffice-calc-nogui, installed by .ci/run) opens and prints what we
// write as an office suite would; without it this test is skipped, and says so
const hasOffice = spawnSync("soffice", ["--version"], { encoding: "utf8" }).status === 0;

function pages(pdf: string): { count: number; sizes: string[] } {
  const text = readFileSync(pdf, "latin1");
  const sizes = [...text.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map(
    ([, width, height]) => `${Math.round(Number(width))}×${Math.round(Number(height))}`,
  );
  return { count: (text.match(/\/Type\s*\/Page[^s]/g) ?? []).length, sizes: [...new Set(sizes)] };
}

describe.skipIf(!hasOffice)("printing in an office suite (LibreOffice headless)", () => {
  it("prints a reviewer's score sheets as one A4 page per candidate", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ceping-print-"));
    const sheet = join(dir, "sheet.xlsx");
    const made = await ceping(
      "sheet",
      "--rules",
      "rules",
      "--candidates",
      "fixtures/demo/candidates.xlsx",
      "--reviewer",
      "王建华",
      "--on",
      "2026-11-29",
      "-o",
      sheet,
    );
    expect(made.code).toBe(0);
    execFileSync("soffice", ["--headless", "--convert-to", "pdf", "--outdir", dir, sheet], {
      stdio: "ignore",
      timeout: 120_000,
      env: { ...process.env, HOME: dir },
    });
    // 13 demo candidates; A4 is 595 × 842 points
    expect(pages(join(dir, "sheet.pdf"))).toEqual({ count: 13, sizes: ["595×842"] });
  });
});
