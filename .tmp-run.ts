import { readdirSync } from "node:fs";
import { buildModel } from "./scripts/model/build";
import { specFromFile } from "./test/model/helpers";
for (const v of ["3.0", "3.1"]) {
  const dir = `node_modules/@readme/oas-examples/${v}/json`;
  for (const f of readdirSync(dir).filter((f) => f.endsWith(".json"))) {
    const t = performance.now();
    try {
      const r = buildModel(specFromFile(`${dir}/${f}`), {});
      const counts: Record<string, number> = {};
      for (const p of r.problems) counts[p.code] = (counts[p.code] ?? 0) + 1;
      console.log(v, f, r.model?.operations.length, (performance.now() - t).toFixed(0) + "ms", JSON.stringify(counts), r.model?.auth.kind);
      for (const p of r.problems.filter((p) => p.code === "invalid-example" || p.code==="unresolved-ref" || p.code==="invalid-type")) console.log("   ", p.pointer, p.message.slice(0, 200));
    } catch (e) { console.log(v, f, "THROW", e); }
  }
}
