import { describe, expect, it } from "vitest";
import { modelOptionsVariable, readModelOptions } from "../../scripts/collection/model-options";
import { tokenArgs } from "../../scripts/collection/token-args";
import type { ModelOptions } from "../../scripts/model/types";
import { runCli } from "../golden/run-cli";

// --client-auth and --token-param change the model, so they travel in the collection like
// --token-url: `run` and `mock` rebuild the same token requests.

describe("token options", () => {
  it("travel in the collection and read back the same", () => {
    const options: ModelOptions = {
      clientAuth: "basic",
      tokenParams: [
        { name: "audience", value: "https://api.example.com" },
        { name: "resource", value: "urn:a=b" },
      ],
    };
    const variable = modelOptionsVariable(options);
    expect(readModelOptions({ variable: [variable] })).toEqual({ ok: true, options });
  });

  it("a tampered value is refused with one reason", () => {
    const variable = {
      key: "specpost_model_options",
      value: JSON.stringify({ clientAuth: "jwt" }),
    };
    expect(readModelOptions({ variable: [variable] })).toMatchObject({ ok: false });
  });

  it.each([
    [["--client-auth", "jwt"], "--client-auth must be post, basic or auto, got 'jwt'"],
    [["--token-param", "audience"], "--token-param 'audience': it has no =VALUE"],
    [["--token-param", "client_secret=x"], `"client_secret" is sent by specpost itself`],
  ])("generate %j: fails with one line, no stack trace", async (args, message) => {
    const result = await runCli(["generate", ...args], process.cwd());
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toContain("    at ");
  });

  it("keeps the value after the first = (values may contain =)", () => {
    expect(tokenArgs({ "token-param": ["resource=urn:a=b"] })).toEqual({
      ok: true,
      options: { tokenParams: [{ name: "resource", value: "urn:a=b" }] },
    });
  });
});
