import { checkExamples, corpusFiles } from "./test/model/corpus";
import { specFromFile } from "./test/model/helpers";
let total = 0; const bad: unknown[] = [];
const stats = { generated: 0, genAjvFail: 0, genWarned: 0, spec: 0, disagree: 0, compile: 0 };
for (const f of corpusFiles()) {
  const { checks } = checkExamples(specFromFile(f));
  for (const c of checks) {
    total++;
    if (c.ajv === "compile") { stats.compile++; console.log("COMPILE", c.file, c.pointer); continue; }
    if (c.source === "generated") { stats.generated++; if (c.ajv) stats.genAjvFail++; if (c.warned) stats.genWarned++; } else stats.spec++;
    if ((c.ours === undefined) !== (c.ajv === undefined)) { stats.disagree++; console.log("DISAGREE", c.file, c.pointer, c.source, "ours:", c.ours, "ajv:", c.ajv); }
    if (c.source === "generated" && !!c.ajv !== c.warned) console.log("WARN-MISMATCH", c.file, c.pointer, c.ajv, c.warned);
  }
}
console.log(total, stats);
for (const f of corpusFiles()) for (const c of checkExamples(specFromFile(f)).checks) if (c.source === "generated" && c.ajv) console.log(f.split("/").slice(-2).join("/"), c.pointer, "|", c.ours?.slice(0, 120));
