import { describe, expect, it } from "vitest";
import { loadSpec } from "../../scripts/load/load";
import { buildModel } from "../../scripts/model/build";
import type { ApiModel, OperationModel } from "../../scripts/model/types";
import { bearer, mock, specValidator, token } from "./helpers";

const SPEC = "specs/elcies-health-data-aggregator.yaml";

async function elcies(): Promise<ApiModel> {
  const loaded = await loadSpec(SPEC, { cwd: process.cwd() });
  if (!loaded.spec) throw new Error(loaded.problems.map((p) => p.message).join("\n"));
  const built = buildModel(loaded.spec, {});
  if (!built.model) throw new Error(built.problems.map((p) => p.message).join("\n"));
  return built.model;
}

/** The request the generated collection sends: every parameter and body from the model's examples. */
function exampleRequest(
  baseUrl: string,
  operation: OperationModel,
  headers: Record<string, string>,
) {
  let path = operation.path;
  const query = new URLSearchParams();
  const all = { ...headers };
  for (const parameter of operation.parameters) {
    const value = String(parameter.example);
    if (parameter.in === "path")
      path = path.replace(`{${parameter.name}}`, encodeURIComponent(value));
    if (parameter.in === "query") query.set(parameter.name, value);
    if (parameter.in === "header") all[parameter.name] = value;
  }
  const init: RequestInit = { method: operation.method.toUpperCase(), headers: all };
  if (operation.requestBody) {
    all["content-type"] = operation.requestBody.contentType;
    init.body = JSON.stringify(operation.requestBody.example);
  }
  const search = query.size > 0 ? `?${query}` : "";
  return fetch(`${baseUrl}${path}${search}`, init);
}

describe("the ELCIES spec, through loadSpec and buildModel", () => {
  it("serves every operation: the model's example requests get a documented 2xx that matches its schema", async () => {
    const model = await elcies();
    const server = await mock(model);
    expect(server.baseUrl).toBe(`${server.origin}/data/elcies/health-data-aggregator`);
    expect(server.tokenUrl).toBe(
      `${server.origin}/oauth/client_credential/accesstoken?grant_type=client_credentials`,
    );
    expect(server.warnings).toEqual([]);
    const auth = bearer(await token(server));
    const schemaAt = specValidator(model.spec.document);

    for (const operation of model.operations) {
      const response = await exampleRequest(server.baseUrl, operation, auth);
      const body = await response.json();
      const documented = operation.responses.find((r) => r.status === String(response.status));
      expect(
        documented,
        `${operation.key} answered ${response.status}: ${JSON.stringify(body)}`,
      ).toBeDefined();
      expect(response.status, operation.key).toBeLessThan(300);
      expect(response.headers.get("content-type")).toBe("application/json");
      const pointer = `${operation.pointer}/responses/${response.status}/content/application~1json/schema`;
      const validate = schemaAt(pointer);
      expect(validate(body), `${operation.key}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
    const stats = server.stats();
    expect(stats.tokenRequests).toBe(1);
    expect(Object.values(stats.requests).every((count) => count === 1)).toBe(true);
  });

  it("with invalidBody, every operation's answer breaks its schema", async () => {
    const model = await elcies();
    const server = await mock(model, { faults: { invalidBody: true } });
    const auth = bearer(await token(server));
    const schemaAt = specValidator(model.spec.document);
    for (const operation of model.operations) {
      const response = await exampleRequest(server.baseUrl, operation, auth);
      expect(response.status, operation.key).toBeLessThan(300);
      const pointer = `${operation.pointer}/responses/${response.status}/content/application~1json/schema`;
      expect(schemaAt(pointer)(await response.json()), operation.key).toBe(false);
    }
  });

  it("answers an unauthenticated call with the documented 401 fault shape", async () => {
    const model = await elcies();
    const server = await mock(model);
    const response = await fetch(`${server.baseUrl}/userlist`);
    expect(response.status).toBe(401);
    const validate = specValidator(model.spec.document)("#/components/schemas/GatewayFault");
    expect(validate(await response.json())).toBe(true);
  });

  it("answers an invalid request with a 400 body the spec's Error schema accepts", async () => {
    const model = await elcies();
    const server = await mock(model);
    const response = await fetch(`${server.baseUrl}/connectedservice`, {
      headers: bearer(await token(server)),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { message: string };
    expect(body.message).toContain("query parameter 'ExternalUserId' is required");
    expect(specValidator(model.spec.document)("#/components/schemas/Error")(body)).toBe(true);
  });
});
