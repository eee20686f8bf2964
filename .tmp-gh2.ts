import { readFileSync } from "node:fs";
import { checkExamples } from "./test/model/corpus";
import { specOf } from "./test/model/helpers";
const file = "node_modules/@octokit/openapi/generated/api.github.com.json";
const doc = JSON.parse(readFileSync(file, "utf8"));
const t = performance.now();
const { checks } = checkExamples(specOf(doc, file));
const stats = { total: checks.length, generated: 0, genAjvFail: 0, genWarned: 0, specInvalidAjv: 0, specInvalidOurs: 0, disagree: 0, compile: 0 };
for (const c of checks) {
  if (c.ajv === "compile") { stats.compile++; continue; }
  if (c.source === "generated") { stats.generated++; if (c.ajv) { stats.genAjvFail++; console.log("GENFAIL", c.pointer, c.ajv); } if (c.warned) stats.genWarned++; }
  else { if (c.ajv) stats.specInvalidAjv++; if (c.ours) stats.specInvalidOurs++; }
  if ((c.ours === undefined) !== (c.ajv === undefined)) { stats.disagree++; if (stats.disagree < 10) console.log("DISAGREE", c.pointer, c.source, "ours:", c.ours, "ajv:", c.ajv); }
}
console.log(stats, (performance.now() - t).toFixed(0), "ms");
