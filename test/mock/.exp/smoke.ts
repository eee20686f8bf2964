import { startMock } from "../../../scripts/mock";
import { queryPairs, pathText, simpleText, scalarText } from "../../../scripts/collection/params";
import { buildModel } from "../../../scripts/model/build";
import { loadSpec } from "../../../scripts/spec/load";

const files = process.argv.slice(2);
for (const file of files) {
  const t0 = performance.now();
  const l = await loadSpec(file, { cwd: process.cwd() });
  if (!l.spec) {
    console.log(file, "load failed", l.problems[0]?.message);
    continue;
  }
  const b = buildModel(l.spec, {
    tokenUrl: "https://auth.example.com/oauth/token?grant_type=client_credentials",
  });
  if (!b.model) {
    console.log(file, "model failed", b.problems[0]?.message);
    continue;
  }
  const t1 = performance.now();
  let s;
  try {
    s = await startMock(b.model);
  } catch (e) {
    console.log(file, "START FAILED", (e as Error).stack?.split("\n").slice(0, 4).join(" | "));
    continue;
  }
  const t2 = performance.now();
  let auth: Record<string, string> = {};
  if (s.tokenUrl) {
    const t = (await (
      await fetch(s.tokenUrl, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: "grant_type=client_credentials&client_id=specpost-mock-client&client_secret=specpost-mock-secret",
      })
    ).json()) as any;
    auth = { authorization: `Bearer ${t.access_token}` };
  } else if (b.model.auth.kind === "bearer") auth = { authorization: "Bearer x" };
  else if (b.model.auth.kind === "api-key" && b.model.auth.in === "header")
    auth = { [b.model.auth.name]: "k" };
  const statuses: Record<string, number> = {};
  const bad: string[] = [];
  for (const op of b.model.operations) {
    let path = op.path;
    const q = new URLSearchParams();
    const h: Record<string, string> = { ...auth };
    for (const p of op.parameters) {
      if (p.in === "path") path = path.replace(`{${p.name}}`, encodeURIComponent(pathText(p)));
      else if (p.in === "query") for (const { key, value } of queryPairs(p)) q.append(key, value);
      else if (p.in === "header") h[p.name] = simpleText(p.example, p.explode ?? false);
    }
    const init: RequestInit = { method: op.method.toUpperCase(), headers: h };
    if (op.requestBody && !["get", "head"].includes(op.method)) {
      h["content-type"] = op.requestBody.contentType;
      init.body =
        typeof op.requestBody.example === "string"
          ? op.requestBody.example
          : op.requestBody.contentType.includes("x-www-form")
            ? new URLSearchParams(op.requestBody.example as any).toString()
            : JSON.stringify(op.requestBody.example);
    }
    try {
      const r = await fetch(s.baseUrl + path + (q.size ? `?${q}` : ""), init);
      const txt = await r.text();
      statuses[r.status] = (statuses[r.status] ?? 0) + 1;
      if (r.status >= 400 && bad.length < 4) bad.push(`${op.key} ${r.status} ${txt.slice(0, 250)}`);
    } catch (e) {
      bad.push(`${op.key} FETCH ${(e as Error).message}`);
    }
  }
  const t3 = performance.now();
  console.log(
    `${file}: ops=${b.model.operations.length} load+model=${(t1 - t0) | 0}ms start=${(t2 - t1) | 0}ms calls=${(t3 - t2) | 0}ms warnings=${s.warnings.length} statuses=${JSON.stringify(statuses)}`,
  );
  for (const w of s.warnings.slice(0, 3)) console.log("   W", w.slice(0, 250));
  for (const x of bad) console.log("   B", x);
  await s.close();
}
