import type { OpenApiDocument, SpecVersion } from "../../scripts/load/types";
import type { OasSchema } from "../../scripts/model/types";
import { createSchemaRegistry } from "../../scripts/schema/registry";

export function documentOf(
  components: Record<string, unknown>,
  extra: Record<string, unknown> = {},
) {
  return {
    openapi: "3.0.3",
    info: { title: "t", version: "1" },
    paths: {},
    ...extra,
    components: { schemas: components },
  } as unknown as OpenApiDocument;
}

export const ref = (name: string): OasSchema => ({ $ref: `#/components/schemas/${name}` });

export function registryOf(components: Record<string, unknown>, version: SpecVersion = "3.0") {
  return createSchemaRegistry(documentOf(components), version, { file: "api.yaml" });
}
