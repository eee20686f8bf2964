import Ajv from "ajv";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";

/** OpenAPI-semantics validator (Ajv 8): the reference the translation is compared with. */
export function createOracle(doc: object, version: "3.0" | "3.1") {
  const options = { strict: false, validateSchema: false, allErrors: false, logger: false } as const;
  const ajv = version === "3.1" ? new Ajv2020(options) : new Ajv(options);
  addFormats(ajv);
  for (const f of ["int32", "int64", "float", "double", "byte", "binary", "password"]) ajv.addFormat(f, true);
  ajv.addSchema(doc as any, "doc");
  return (pointer: string, data: unknown): boolean | undefined => {
    try {
      return ajv.validate({ $ref: `doc${pointer}` }, data) as boolean;
    } catch {
      return undefined;
    }
  };
}
