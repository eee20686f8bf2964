import { tokenParamNameProblem } from "../model/token-options";
import { CLIENT_AUTH_METHODS, type ClientAuth, type ModelOptions } from "../model/types";

/** parseArgs options for `--client-auth` and `--token-param` (generate, mock). */
export const TOKEN_ARG_OPTIONS = {
  "client-auth": { type: "string" },
  "token-param": { type: "string", multiple: true },
} as const;

export const TOKEN_ARG_USAGE = `  --client-auth M  client authentication at the token endpoint: post (id and secret in the
                   body), basic (HTTP Basic header) or auto (default: the other once on
                   invalid_client); overrides x-specpost-client-auth
  --token-param NAME=VALUE
                   sent with every token request (audience, resource), repeatable;
                   adds to x-specpost-token-params
`;

type Parsed = { ok: true; options: ModelOptions } | { ok: false; message: string };

/** The model options the two flags give, or one line saying what is wrong. */
export function tokenArgs(values: { "client-auth"?: string; "token-param"?: string[] }): Parsed {
  const options: ModelOptions = {};
  const method = values["client-auth"];
  if (method !== undefined) {
    if (!(CLIENT_AUTH_METHODS as readonly string[]).includes(method)) {
      return { ok: false, message: `--client-auth must be post, basic or auto, got '${method}'` };
    }
    options.clientAuth = method as ClientAuth;
  }
  const params = values["token-param"] ?? [];
  for (const text of params) {
    const equals = text.indexOf("=");
    const name = equals === -1 ? text : text.slice(0, equals);
    const problem = equals === -1 ? "it has no =VALUE" : tokenParamNameProblem(name);
    if (problem !== undefined) {
      return { ok: false, message: `--token-param '${text}': ${problem}` };
    }
    options.tokenParams = [...(options.tokenParams ?? []), { name, value: text.slice(equals + 1) }];
  }
  return { ok: true, options };
}
