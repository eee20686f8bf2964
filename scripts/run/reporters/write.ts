import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { ReporterName } from "../context";
import type { CollectionReport } from "../report";
import type { CollectionResult } from "../runner";
import { renderHtml } from "./html";
import { renderJunit } from "./junit";

export type FileReporter = Exclude<ReporterName, "cli">;

function render(report: CollectionReport, reporter: FileReporter): string {
  if (reporter === "json") return `${JSON.stringify(report, null, 1)}\n`;
  return reporter === "junit" ? renderJunit(report) : renderHtml(report);
}

export function reportFileName(collectionName: string, reporter: FileReporter): string {
  if (reporter === "json") return `${collectionName}.report.json`;
  return reporter === "junit" ? `${collectionName}.junit.xml` : `${collectionName}.html`;
}

/**
 * Writes the file reports of one collection run (JUnit: reports/NAME.junit.xml, HTML:
 * reports/NAME.html) and returns their paths. Each file is written to a temporary name and
 * renamed, so a crash leaves the old report or the new one, never half of one.
 */
export function writeReports(
  result: Pick<CollectionResult, "report" | "redact">,
  reporters: readonly ReporterName[],
  reportDir: string,
): string[] {
  const written: string[] = [];
  const wanted = reporters.filter((r): r is FileReporter => r !== "cli");
  if (wanted.length === 0) return written;
  mkdirSync(reportDir, { recursive: true });
  for (const reporter of wanted) {
    const text = render(result.report, reporter);
    const file = path.join(reportDir, reportFileName(result.report.name, reporter));
    const temp = `${file}.${process.pid}.tmp`;
    try {
      // Redacted already; once more over the rendered text costs nothing and guards the escapes.
      writeFileSync(temp, result.redact(text));
      renameSync(temp, file);
    } catch (error) {
      rmSync(temp, { force: true });
      throw error;
    }
    written.push(file);
  }
  return written;
}
