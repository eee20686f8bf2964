import { describe, expect, it } from "vitest";
import { operationUrl } from "../../scripts/collection/request";
import type { OperationModel, ParameterModel } from "../../scripts/model/types";

const param = (over: Partial<ParameterModel>): ParameterModel => ({
  name: "id",
  in: "path",
  required: true,
  example: "x",
  pointer: "#/paths/~1things~1{id}/get/parameters/0",
  ...over,
});

const operation = (parameters: ParameterModel[]): OperationModel => ({
  key: "GET /things/{id}",
  method: "get",
  path: "/things/{id}",
  name: "thing",
  deprecated: false,
  secured: true,
  parameters,
  responses: [],
  pointer: "#/paths/~1things~1{id}/get",
});

describe("overrides are build inputs, not patches", () => {
  it.each([
    [
      "the user's {{variable}} stays a reference, the text around it is encoded",
      "user",
      "a/{{id}}#",
      "a%2F{{id}}%23",
    ],
    [
      "a {{variable}} written in the spec is literal text, never a reference",
      "spec",
      "{{client_secret}}",
      "%7B%7Bclient_secret%7D%7D",
    ],
  ] as const)("path: %s", (_, source, example, sent) => {
    const url = operationUrl(operation([param({ example, exampleSource: source })]));
    expect(url.variable?.[0]?.value).toBe(sent);
  });

  it("an optional query parameter the user gave a value for is sent, with its variable intact", () => {
    const url = operationUrl(
      operation([
        param({}),
        param({
          name: "view",
          in: "query",
          required: false,
          example: "{{tag}} & more",
          exampleSource: "user",
        }),
        param({
          name: "q",
          in: "query",
          required: false,
          example: "{{tag}}",
          exampleSource: "spec",
        }),
      ]),
    );
    expect(url.query).toEqual([
      { key: "view", value: "{{tag}} %26 more" },
      { key: "q", value: "%7B%7Btag%7D%7D", disabled: true },
    ]);
    expect(url.raw).toBe("{{baseUrl}}/things/:id?view={{tag}} %26 more");
  });
});
