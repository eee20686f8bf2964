import { readFileSync } from "node:fs";
import { buildModel } from "./scripts/model/build";
import { specOf } from "./test/model/helpers";
const file = "node_modules/@octokit/openapi/generated/api.github.com.json";
let t = performance.now();
const doc = JSON.parse(readFileSync(file, "utf8"));
console.log("parse", (performance.now() - t).toFixed(0));
for (let i = 0; i < 3; i++) {
  t = performance.now();
  const r = buildModel(specOf(doc, file), {});
  const counts: Record<string, number> = {};
  for (const p of r.problems) counts[`${p.code}/${p.severity}`] = (counts[`${p.code}/${p.severity}`] ?? 0) + 1;
  const gen = r.model!.operations.flatMap(o => [...o.parameters, ...(o.requestBody ? [o.requestBody] : [])]);
  console.log("build", (performance.now() - t).toFixed(0), "ms", r.model?.operations.length, JSON.stringify(counts), r.model?.auth, "examples", gen.length, "generated", gen.filter(g => g.exampleSource === "generated").length);
  if (i === 0) for (const p of r.problems.filter(p => p.code !== "invalid-example").slice(0, 5)) console.log(p.pointer, p.message);
  if (i === 0) for (const p of r.problems.filter(p => p.code === "invalid-example").slice(0, 8)) console.log(p.pointer, p.message);
}
