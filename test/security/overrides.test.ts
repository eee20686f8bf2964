import { readFile } from "node:fs/promises";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../golden/run-cli";
import { request, type TempProject, tempProject } from "../overrides/helpers";

const SPEC = "test/fixtures/specs/security/or-alternatives.yaml";
const COLLECTION = "collections/or-alternatives.postman_collection.json";

let project: TempProject | undefined;
afterEach(async () => {
  await project?.remove();
  project = undefined;
});

async function generate(overrides?: string) {
  project = await tempProject({ "specs/or-alternatives.yaml": await readFile(SPEC, "utf8") });
  if (overrides) await project.write("specs/or-alternatives.overrides.yaml", overrides);
  const result = await runCli(["generate"], project.dir);
  return { result, text: result.code === 0 ? await project.read(COLLECTION) : "" };
}

type Req = { auth?: { type: string }; header: Array<{ key: string }>; url: { raw: string } };
const req = (text: string, name: string) => request(text, name).request as unknown as Req;

describe("overrides pick the alternative or switch a scheme off per operation", () => {
  it("use: picks another alternative, off: leaves a scheme out, and the change summary says so", async () => {
    const before = await generate();
    expect(before.result.code).toBe(0);
    expect(req(before.text, "listReports").header.map((h) => h.key)).toContain("X-Partner-Key");
    expect(req(before.text, "search").url.raw).toContain("key={{apikey_QueryKey}}");

    await project?.write(
      "specs/or-alternatives.overrides.yaml",
      "operations:\n  search:\n    security: { use: 1 }\n  listReports:\n    security: { off: [PartnerKey] }\n  status:\n    security: { use: none }\n",
    );
    const after = await runCli(["generate"], project?.dir ?? "");
    expect(after.stderr).toBe("");
    const text = (await project?.read(COLLECTION)) ?? "";
    // search: the token alternative, inherited from the collection, no key.
    expect(req(text, "search").auth).toBeUndefined();
    expect(req(text, "search").url.raw).not.toContain("apikey_QueryKey");
    // listReports: the token still sent, the partner key not.
    expect(req(text, "listReports").header.map((h) => h.key)).not.toContain("X-Partner-Key");
    expect(request(text, "listReports").request).toMatchObject({
      description: expect.stringContaining("Switched off by the overrides file: PartnerKey."),
    });
    // status: {} chosen: no credentials at all.
    expect(req(text, "status").auth).toEqual({ type: "noauth" });
    expect(after.stdout).toMatch(/search[^\n]*auth/);
    expect(after.stdout).toMatch(/status[^\n]*auth/);
  });

  it("an alternative that does not exist, or a scheme the operation does not send, is a located error", async () => {
    const { result } = await generate(
      "operations:\n  search:\n    security: { use: 5 }\n  publicInfo:\n    security: { off: [OAuth2] }\n",
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("search's security has 2 alternative(s), numbered from 0");
    expect(result.stderr).toContain("GET /public does not send scheme 'OAuth2'");
    expect(result.stderr).toMatch(/or-alternatives\.overrides\.yaml:3:\d+/);
  });
});
