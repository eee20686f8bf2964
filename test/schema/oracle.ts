import Ajv from "ajv";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import type { OpenApiDocument } from "../../scripts/load/types";

/**
 * The reference the translation is compared with: Ajv 8 reading the original OpenAPI schema
 * in place (`doc#<pointer>`), with its own `nullable` support and OpenAPI's numeric formats
 * accepted as annotations. Returns undefined where Ajv 8 cannot judge (it refuses `nullable`
 * without `type`, for one).
 */
export function createOracle(document: OpenApiDocument, version: "3.0" | "3.1") {
  const options = { strict: false, validateSchema: false, logger: false } as const;
  const ajv = version === "3.1" ? new Ajv2020(options) : new Ajv(options);
  addFormats(ajv);
  for (const format of ["int32", "int64", "float", "double", "byte", "binary", "password"]) {
    ajv.addFormat(format, true);
  }
  ajv.addSchema(document as object, "doc");
  const compiled = new Map<string, ((data: unknown) => boolean) | null>();
  return (pointer: string, data: unknown): boolean | undefined => {
    let validate = compiled.get(pointer);
    if (validate === undefined) {
      try {
        const fn = ajv.compile({ $ref: `doc${pointer}` });
        validate = (value) => fn(value) === true;
      } catch {
        validate = null;
      }
      compiled.set(pointer, validate);
    }
    return validate === null ? undefined : validate(data);
  };
}
