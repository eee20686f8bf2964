import { expect } from "vitest";
import { buildModel } from "../../scripts/model/build";
import type { AuthModel, ModelOptions } from "../../scripts/model/types";
import { doc, op, specOf } from "./helpers";

export const KPN_TOKEN_URL =
  "https://api-prd.kpn.com/oauth/client_credential/accesstoken?grant_type=client_credentials";

export const oauth2 = (flows: object) => ({ type: "oauth2", flows });
export const cc = (tokenUrl: string, scopes: object = {}) =>
  oauth2({ clientCredentials: { tokenUrl, scopes } });
export const bearer = { type: "http", scheme: "bearer" };

/** A spec whose one operation uses `security`, with `schemes` declared. */
export function secured(schemes: Record<string, object>, security: object[], root: object = {}) {
  return doc(
    { "/things": { get: op({ security }) } },
    { components: { securitySchemes: schemes }, ...root },
  );
}

export interface AuthCase {
  name: string;
  given: object;
  options?: ModelOptions;
  want: AuthModel;
  /** Problem codes expected (in any order); none when empty. */
  codes: string[];
}

/** The auth the model detects for `given` (with `options`), and the problem codes it raises. */
export function expectAuth({ given, options, want, codes }: AuthCase): void {
  const { model, problems } = buildModel(specOf(given), options ?? {});
  expect(model?.auth).toEqual(want);
  expect(problems.map((p) => p.code).sort()).toEqual([...codes].sort());
}
