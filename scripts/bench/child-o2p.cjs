// One openapi-to-postmanv2 conversion in a fresh process (forked by generation.ts without
// tsx, the way its users run it). Plain CommonJS on purpose: nothing of specpost loads here.
"use strict";
const { readFileSync } = require("node:fs");

function countRequests(items) {
  let n = 0;
  for (const item of items ?? []) n += item.request ? 1 : countRequests(item.item);
  return n;
}

function report(message) {
  process.send(message, () => process.exit(0));
}

function main() {
  const { file } = JSON.parse(process.argv[2]);
  const converter = require("openapi-to-postmanv2");
  const data = readFileSync(file, "utf8");
  // Default options, as `openapi2postmanv2 -s spec.json` or Postman's importer would use.
  converter.convert({ type: "json", data }, {}, (error, result) => {
    if (error || !result?.result) {
      report({ ok: false, error: String(error?.message ?? result?.reason ?? "conversion failed") });
      return;
    }
    const collection = result.output[0].data;
    const text = JSON.stringify(collection, null, 2);
    // From the process's time origin, as for specpost: start-up and require() included.
    const wallMs = performance.now();
    const usage = process.resourceUsage();
    report({
      ok: true,
      wallMs,
      cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
      maxRssKb: usage.maxRSS,
      bytes: Buffer.byteLength(text),
      requests: countRequests(collection.item),
    });
  });
}

try {
  main();
} catch (error) {
  report({ ok: false, error: String(error?.message ?? error) });
}
