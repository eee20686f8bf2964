import {
  type CollectionReport,
  type ExecutionReport,
  failuresOf,
  type OperationCoverage,
  reportPassed,
} from "../report";
import { escapeMarkup as h } from "./xml";

/** One self-contained page (no scripts, no external assets) for people to read after a run. */
export function renderHtml(report: CollectionReport): string {
  const passed = reportPassed(report);
  const { totals } = report;
  const failures = failuresOf(report);
  const covered = report.coverage.filter((op) => op.statuses.length > 0).length;
  const untested = report.coverage.reduce((n, op) => n + op.untested.length, 0);
  const token = report.tokenRequests
    ? `${report.tokenRequests.count} (${report.tokenRequests.source})${report.tokenRequests.issued !== undefined ? `, ${report.tokenRequests.issued} issued` : ""}`
    : "unknown";
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(report.title)} — ${passed ? "PASS" : "FAIL"}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${h(report.title)} <span class="badge ${passed ? "pass" : "fail"}">${passed ? "PASS" : "FAIL"}</span></h1>
<p class="meta">${h(report.name)} on <b>${h(report.target)}</b> ${h(report.baseUrl)} · started ${h(report.startedAt)} · ${(report.durationMs / 1000).toFixed(1)} s</p>
<table class="totals">
<tr><th>Requests</th><td>${totals.requests} sent, ${totals.requestErrors} without an answer, ${totals.skippedRequests} skipped</td></tr>
<tr><th>Assertions</th><td>${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped (${totals.assertions} total)</td></tr>
<tr><th>Script errors</th><td>${totals.scriptErrors}</td></tr>
<tr><th>Token requests</th><td>${h(token)}</td></tr>
<tr><th>Operations</th><td>${covered} of ${report.coverage.length} covered, ${untested} documented statuses never exercised</td></tr>
</table>
${[report.unreachable, report.runError]
  .filter(Boolean)
  .map((line) => `<p class="fail-text">${h(line ?? "")}</p>`)
  .join("\n")}
${report.messages.length ? `<h2>Messages</h2>\n<ul>${report.messages.map((m) => `<li><code>${h(m)}</code></li>`).join("")}</ul>` : ""}
${failures.length ? `<h2>Failures (${failures.length})</h2>\n<ol class="failures">${failures.map((f) => `<li><b>${h(f.request)}</b> › ${h(f.what)}<br><code>${h(f.message)}</code></li>`).join("\n")}</ol>` : ""}
<h2>Coverage</h2>
<table class="grid"><tr><th>Operation</th><th>Statuses seen</th><th>Documented, never exercised</th><th>Requests</th><th>p50</th><th>p95</th></tr>
${report.coverage.map(coverageRow).join("\n")}
</table>
${(report.slowest ?? []).length ? `<h2>Slowest requests</h2>\n<ol>${(report.slowest ?? []).map((s) => `<li>${s.responseTimeMs} ms <b>${h(s.request)}</b>${s.operation ? ` <span class="op">${h(s.operation)}</span>` : ""}</li>`).join("")}</ol>` : ""}
<h2>Requests (${report.executions.length})</h2>
${report.executions.map(execution).join("\n")}
</body>
</html>
`;
}

function coverageRow(op: OperationCoverage): string {
  const ms = (value: number | undefined) => (value === undefined ? "" : `${value} ms`);
  return `<tr class="${op.statuses.length ? "" : "missing"}"><td><code>${h(op.key)}</code></td><td>${op.statuses.length ? op.statuses.join(", ") : "not reached"}</td><td class="untested">${h(op.untested.join(", "))}</td><td>${op.requests}</td><td>${ms(op.p50Ms)}</td><td>${ms(op.p95Ms)}</td></tr>`;
}

function execution(e: ExecutionReport): string {
  const failed =
    e.assertions.some((a) => a.status === "failed") || e.requestError || e.scriptErrors.length;
  const head = `${[...e.folders, e.name].join(" / ")}`;
  const line = e.method
    ? `${e.method} ${e.url}${e.status !== undefined ? ` → ${e.status} ${e.statusText ?? ""}` : ""}${e.responseTimeMs !== undefined ? ` (${e.responseTimeMs} ms)` : ""}`
    : "skipped: nothing sent";
  const rows = e.assertions
    .map(
      (a) =>
        `<li class="${a.status}">${a.status === "passed" ? "✓" : a.status === "failed" ? "✗" : "–"} ${h(a.name)}${a.message ? `<br><code>${h(a.message)}</code>` : ""}</li>`,
    )
    .join("");
  const problems = [...(e.requestError ? [`request: ${e.requestError}`] : []), ...e.scriptErrors]
    .map((p) => `<li class="failed">✗ <code>${h(p)}</code></li>`)
    .join("");
  return `<details${failed ? " open" : ""} class="${failed ? "bad" : "good"}"><summary><b>${h(head)}</b> <code>${h(line)}</code>${e.operation ? ` <span class="op">${h(e.operation)}</span>` : ""}</summary>
<ul>${problems}${rows}</ul>${e.responseExcerpt ? `\n<p>Response body (start):</p><pre>${h(e.responseExcerpt)}</pre>` : ""}</details>`;
}

const STYLE = `
body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:70rem;padding:0 1rem;color:#222}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem}
.badge{font-size:.8rem;padding:.15rem .5rem;border-radius:.3rem;color:#fff;vertical-align:middle}
.pass{background:#2e7d32}.fail{background:#c62828}.fail-text{color:#c62828;font-weight:600}
.meta{color:#555}table{border-collapse:collapse}th,td{text-align:left;padding:.2rem .8rem .2rem 0;vertical-align:top}
.grid td,.grid th{border-bottom:1px solid #ddd}.missing td{color:#999}.untested{color:#b26a00}
details{border-left:4px solid #2e7d32;margin:.4rem 0;padding:.2rem .6rem;background:#fafafa}
details.bad{border-color:#c62828}summary{cursor:pointer}ul{margin:.3rem 0;padding-left:1.2rem;list-style:none}
li.failed{color:#c62828}li.skipped{color:#888}code,pre{font-family:ui-monospace,monospace;font-size:.85rem;word-break:break-all}
pre{white-space:pre-wrap;background:#f0f0f0;padding:.5rem}.op{color:#555;font-size:.85rem}
.failures li{margin-bottom:.4rem}
`;
