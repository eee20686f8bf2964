import { startMock } from "../../../scripts/mock";
import { inlineModel } from "../inline-model";
import { recursive, v31 } from "./fx";

for (const spec of [recursive, v31]) {
  const s = await startMock(inlineModel(spec));
  console.log(s.warnings, s.tokenUrl);
  const tr = await fetch(s.tokenUrl!, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: "client_id=specpost-mock-client&client_secret=specpost-mock-secret",
  });
  const t = (await tr.json()) as any;
  console.log(tr.status, t);
  for (const p of ["/tree", "/things/widget"]) {
    const r = await fetch(s.baseUrl + p, {
      headers: { authorization: `Bearer ${t.access_token}` },
    });
    console.log(p, r.status, (await r.text()).slice(0, 400));
  }
  await s.close();
}
