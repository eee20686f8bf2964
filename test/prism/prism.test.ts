import { describe, expect, it } from "vitest";
import { runAgainstPrism } from "./run";

// An independent validating server: Stoplight Prism (request validation on) mocks the spec,
// the generated collection runs against it under Newman. Prism refusing a request specpost
// built from the spec means specpost sent something the spec does not allow. A handful of
// specs, one per kind of request data, so `npm test` stays fast; `npm run test:slow` runs
// the corpus (test/prism/corpus.ts).
const SPECS = [
  "specs/elcies-health-data-aggregator.yaml",
  "test/fixtures/specs/model/kpn-swagger2.yaml",
  "node_modules/@readme/oas-examples/3.0/json/form-data.json",
  "node_modules/@readme/oas-examples/3.0/json/parameters-style.json",
  // Examples that break their own schemas (a number for a string, a lone value for an
  // array, a string for an integer path parameter): repaired, then accepted.
  "test/prism/fixtures/repair.yaml",
  // Swagger 2.0 formData (a file: multipart) and body with `consumes` as specpost assumes it.
  "test/prism/fixtures/swagger2-consumes.yaml",
  // Files: an array of them, a part with a declared type, raw bytes (sample files on disk).
  "test/prism/fixtures/file-uploads-encoded.yaml",
];

describe("generated collections against Prism's request validation", () => {
  it.each(SPECS)("%s (static): every request accepted", async (spec) => {
    const run = await runAgainstPrism(spec);
    expect(run.scriptErrors).toEqual([]);
    expect(run.rejected).toEqual({});
    expect(run.unauthorised).toEqual([]);
    expect(run.accepted).toBeGreaterThan(0);
    expect(run.accepted).toBe(run.sent);
  });

  it("Swagger 2.0 without consumes: Prism accepts no body there, every such request marked beforehand", async () => {
    const run = await runAgainstPrism("test/prism/fixtures/swagger2-no-consumes.yaml");
    expect(run.rejected).toEqual({});
    expect(run.marked).toHaveLength(3);
    expect(run.sent).toBe(3);
  });

  it("OpenAPI 3.1 types (type lists, const, null; oas-examples schema-types): nothing rejected but what was marked", async () => {
    const run = await runAgainstPrism(
      "node_modules/@readme/oas-examples/3.1/json/schema-types.json",
    );
    expect(run.scriptErrors).toEqual([]);
    expect(run.rejected).toEqual({});
    // Two bodies no value satisfies ("Incompatible allOf schemas"), warned about at generate.
    expect(run.marked).toHaveLength(2);
    expect(run.accepted).toBe(run.sent - run.marked.length);
  });

  it("file uploads: the file part and the PNG body accepted; the array of files refused only for Prism's reading of repeated parts", async () => {
    // Prism 5.14 keeps the last of repeated parts, a string, unless the spec declares an
    // encoding style (stoplightio/prism#2654): then it accepts (file-uploads-encoded.yaml).
    const run = await runAgainstPrism(
      "node_modules/@readme/oas-examples/3.0/json/file-uploads.json",
    );
    expect(run.scriptErrors).toEqual([]);
    expect(run.sent).toBe(3);
    expect(run.rejected).toEqual({
      "Multiple files (PUT /anything/multipart-formdata)": expect.stringContaining(
        "body.filename: Request body property filename must be array",
      ),
    });
  });

  it("ELCIES with dynamic bodies (-d): every request accepted, every contract check green", async () => {
    const run = await runAgainstPrism(SPECS[0] as string, { dynamic: true });
    expect(run.rejected).toEqual({});
    expect(run.accepted).toBe(run.sent);
    expect(run.failures).toEqual({});
  });
});
