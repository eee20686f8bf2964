import type { CollectionReport, ExecutionReport } from "../report";
import { escapeMarkup as x } from "./xml";

/**
 * JUnit XML as CI servers read it: one <testsuite> per request, one <testcase> per assertion;
 * a request that got no answer or whose script threw becomes a <testcase> with an <error>.
 */
export function renderJunit(report: CollectionReport): string {
  const suites = report.executions.map((execution, index) => suite(report, execution, index));
  const runProblems = [report.unreachable, report.runError].filter((p): p is string => !!p);
  if (runProblems.length > 0) suites.unshift(runSuite(report, runProblems));
  suites.push(coverageSuite(report));
  const tests = suites.reduce((n, s) => n + s.tests, 0);
  const failures = suites.reduce((n, s) => n + s.failures, 0);
  const errors = suites.reduce((n, s) => n + s.errors, 0);
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<testsuites name="${x(report.title)}" tests="${tests}" failures="${failures}" errors="${errors}" time="${secs(report.durationMs)}">`,
    ...suites.map((s) => s.xml),
    `</testsuites>`,
    "",
  ].join("\n");
}

interface Suite {
  xml: string;
  tests: number;
  failures: number;
  errors: number;
}

function suite(report: CollectionReport, execution: ExecutionReport, index: number): Suite {
  const name = [...execution.folders, execution.name].join(" / ");
  const classname = [report.name, ...execution.folders, execution.name]
    .map((part) => part.replace(/[\s.]+/g, "_"))
    .join(".");
  const cases: string[] = [];
  let failures = 0;
  let errors = 0;

  const problems = [
    ...(execution.requestError ? [`request: ${execution.requestError}`] : []),
    ...execution.scriptErrors,
  ];
  for (const problem of problems) {
    errors++;
    cases.push(
      `    <testcase name="${x(`${name} (request)`)}" classname="${x(classname)}" time="0">\n` +
        `      <error message="${x(problem)}" type="Error">${x(problem)}</error>\n    </testcase>`,
    );
  }
  for (const assertion of execution.assertions) {
    const open = `    <testcase name="${x(assertion.name)}" classname="${x(classname)}" time="0"`;
    if (assertion.status === "failed") {
      failures++;
      const message = assertion.message ?? "";
      const detail = execution.responseExcerpt
        ? `${message}\n\nresponse: ${execution.responseExcerpt}`
        : message;
      cases.push(
        `${open}>\n      <failure message="${x(message)}" type="AssertionError">${x(detail)}</failure>\n    </testcase>`,
      );
    } else if (assertion.status === "skipped") {
      cases.push(`${open}>\n      <skipped/>\n    </testcase>`);
    } else {
      cases.push(`${open}/>`);
    }
  }
  const skipped = execution.assertions.filter((a) => a.status === "skipped").length;
  const tests = cases.length;
  const request = execution.method
    ? `${execution.method} ${execution.url}`
    : "skipped: nothing sent";
  const status =
    execution.status !== undefined
      ? ` → ${execution.status} ${execution.statusText ?? ""}`.trimEnd()
      : "";
  const xml = [
    `  <testsuite name="${x(name)}" id="${index}" tests="${tests}" failures="${failures}" errors="${errors}" skipped="${skipped}" time="${secs(execution.responseTimeMs ?? 0)}">`,
    `    <properties>\n      <property name="request" value="${x(request + status)}"/>` +
      (execution.operation
        ? `\n      <property name="operation" value="${x(execution.operation)}"/>`
        : "") +
      (execution.responseTimeMs !== undefined
        ? `\n      <property name="responseTimeMs" value="${execution.responseTimeMs}"/>`
        : "") +
      `\n    </properties>`,
    ...cases,
    `  </testsuite>`,
  ].join("\n");
  return { xml, tests, failures, errors };
}

/**
 * Coverage as properties of a suite without test cases: per operation the statuses seen,
 * the documented ones never exercised, and p50/p95 (CI servers show suite properties).
 */
function coverageSuite(report: CollectionReport): Suite {
  const properties = report.coverage.map((op) => {
    const parts = [
      `seen ${op.statuses.length ? op.statuses.join(" ") : "none"}`,
      `documented ${op.documented.join(" ") || "none"}`,
      ...(op.untested.length ? [`untested ${op.untested.join(" ")}`] : []),
      ...(op.p95Ms !== undefined ? [`p50 ${op.p50Ms} ms`, `p95 ${op.p95Ms} ms`] : []),
    ];
    return `      <property name="${x(`coverage ${op.key}`)}" value="${x(parts.join("; "))}"/>`;
  });
  const xml = [
    `  <testsuite name="${x(`${report.title} (coverage)`)}" id="coverage" tests="0" failures="0" errors="0" skipped="0" time="0">`,
    `    <properties>`,
    ...properties,
    `    </properties>`,
    "  </testsuite>",
  ].join("\n");
  return { xml, tests: 0, failures: 0, errors: 0 };
}

/** Problems of the run as a whole (target unreachable, run stopped) fail CI too. */
function runSuite(report: CollectionReport, problems: string[]): Suite {
  const cases = problems.map(
    (problem) =>
      `    <testcase name="run" classname="${x(report.name)}" time="0">\n` +
      `      <error message="${x(problem)}" type="Error">${x(problem)}</error>\n    </testcase>`,
  );
  const xml = [
    `  <testsuite name="${x(`${report.title} (run)`)}" id="run" tests="${cases.length}" failures="0" errors="${cases.length}" skipped="0" time="0">`,
    ...cases,
    "  </testsuite>",
  ].join("\n");
  return { xml, tests: cases.length, failures: 0, errors: cases.length };
}

function secs(ms: number): string {
  return (ms / 1000).toFixed(3);
}
