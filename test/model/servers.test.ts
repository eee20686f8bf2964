import { describe, expect, it } from "vitest";
import { buildModel } from "../../scripts/model/build";
import { doc, op, specOf } from "./helpers";

const withServers = (servers: unknown) => {
  const given = doc({ "/a": { get: op() } }) as Record<string, unknown>;
  if (servers === undefined) delete given.servers;
  else given.servers = servers;
  return given;
};

describe("baseUrl", () => {
  it.each([
    {
      name: "absolute URL as written",
      servers: [{ url: "https://api.example.com/v1" }],
      want: "https://api.example.com/v1",
      warned: false,
    },
    {
      name: "trailing slashes dropped",
      servers: [{ url: "https://api.example.com/v1//" }],
      want: "https://api.example.com/v1",
      warned: false,
    },
    {
      name: "first server wins",
      servers: [{ url: "https://one.example" }, { url: "https://two.example" }],
      want: "https://one.example",
      warned: false,
    },
    {
      name: "server variables at their defaults",
      servers: [
        {
          url: "https://{env}.example.com:{port}/{base}",
          variables: {
            env: { default: "sandbox", enum: ["sandbox", "prod"] },
            port: { default: "8443" },
            base: { default: "v2" },
          },
        },
      ],
      want: "https://sandbox.example.com:8443/v2",
      warned: false,
    },
    {
      name: "variable without default takes its first enum value",
      servers: [
        { url: "https://{env}.example.com", variables: { env: { enum: ["prod", "dev"] } } },
      ],
      want: "https://prod.example.com",
      warned: false,
    },
    {
      name: "relative URL → localhost + path",
      servers: [{ url: "/api/v3" }],
      want: "http://localhost/api/v3",
      warned: true,
    },
    { name: "relative root", servers: [{ url: "/" }], want: "http://localhost", warned: true },
    { name: "no servers", servers: undefined, want: "http://localhost", warned: true },
    { name: "empty servers", servers: [], want: "http://localhost", warned: true },
    {
      name: "scheme-relative (Swagger 2.0 without schemes) → https",
      servers: [{ url: "//api.example.com/base" }],
      want: "https://api.example.com/base",
      warned: true,
    },
  ])("$name", ({ servers, want, warned }) => {
    const { model, problems } = buildModel(specOf(withServers(servers)), {});
    expect(model?.baseUrl).toBe(want);
    const warning = problems.find((p) => p.code === "no-base-url");
    expect(warning !== undefined).toBe(warned);
    if (warning && want.startsWith("http://localhost"))
      expect(warning.message).toContain("baseUrl");
  });

  it("operation- and path-level servers set an operation's own baseUrl", () => {
    const given = doc({
      "/same": { get: op({ servers: [{ url: "https://api.example.com/v1/" }] }) },
      "/other": {
        servers: [{ url: "https://files.example.com" }],
        get: op(),
        post: op({ servers: [] }),
      },
      "/relative": { get: op({ servers: [{ url: "/v2" }] }) },
    });
    const ops = buildModel(specOf(given), {}).model?.operations ?? [];
    expect(ops.map((o) => [o.key, o.baseUrl])).toEqual([
      ["GET /same", undefined],
      ["GET /other", "https://files.example.com"],
      ["POST /other", "https://files.example.com"],
      ["GET /relative", "https://api.example.com/v2"],
    ]);
  });
});
