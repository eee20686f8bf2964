import Ajv6 from "ajv6";
import type { Draft07Schema } from "../../scripts/schema/types";

/** Ajv as Newman's sandbox builds it for `pm.response.to.have.jsonSchema` (postman-sandbox 4.7). */
export const newmanAjv = () => new Ajv6({ allErrors: true, logger: false });

export type Validate = (data: unknown) => boolean;

/**
 * Compiles `schema` the way the generated contract script does: the schema under `allOf` and
 * the shared definitions beside it. Throws where Newman would throw.
 */
export function compileLikeNewman(
  schema: Draft07Schema,
  definitions: Record<string, Draft07Schema>,
  ajv = newmanAjv(),
): Validate {
  const validate = ajv.compile({ allOf: [schema], definitions });
  return (data) => validate(data) === true;
}
