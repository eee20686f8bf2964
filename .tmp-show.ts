import { buildModel } from "./scripts/model/build";
import { specFromFile } from "./test/model/helpers";
const r = buildModel(specFromFile(process.argv[2]!), {});
for (const o of r.model!.operations.slice(0, Number(process.argv[3] ?? 6))) {
  console.log(o.key, "|", o.name, "| tag", o.tag, "| secured", o.secured, o.baseUrl ?? "");
  for (const p of o.parameters) console.log("   ", p.in, p.name, p.required, JSON.stringify(p.example), p.exampleSource);
  if (o.requestBody) console.log("   body", o.requestBody.contentType, JSON.stringify(o.requestBody.example)?.slice(0, 300), o.requestBody.exampleSource);
  console.log("   responses", o.responses.map(r => r.status + ":" + r.contents.map(c => c.contentType + (c.example !== undefined ? "(ex)" : "")).join(",")).join(" "));
}
console.log(r.model!.baseUrl, JSON.stringify(r.model!.auth), r.model!.tags.map(t => t.name));
