import type { OperationModel, ParameterModel } from "../model/types";
import { mediaType, requestBody } from "./body";
import { plainLiteral, urlLiteral } from "./literal";
import {
  encodePathText,
  encodeQueryText,
  IGNORED_HEADER_PARAMS,
  keepingVariables,
  pathText,
  queryPairs,
  simpleText,
} from "./params";
import type {
  PostmanHeader,
  PostmanQueryParam,
  PostmanRequest,
  PostmanUrl,
  PostmanVariable,
} from "./types";

const withDescription = <T extends object>(value: T, description: string | undefined): T =>
  description ? { ...value, description } : value;

/**
 * Optional parameters are listed but disabled: the request a user runs first is the
 * minimal valid one, and a generated sample for an optional filter cannot change what the
 * server answers. Ticking the box in Postman sends the example. One the user gave a value
 * for in the overrides file is meant to be sent.
 */
const disabledUnlessRequired = <T extends object>(value: T, param: ParameterModel): T =>
  param.required || param.exampleSource === "user" ? value : { ...value, disabled: true };

/** Spec text is encoded whole; in the user's own values `{{variables}}` stay references. */
const encoderFor = (param: ParameterModel, encode: (text: string) => string) =>
  param.exampleSource === "user" ? keepingVariables(encode) : encode;

/**
 * The Postman name of a path variable. Postman reads `:a.b` as the variable `a` followed by
 * the text `.b` (postman-collection's Url.getPath stops a name at `.`), so the spec's `a.b`
 * goes out as literal `:a.b`: dots become `_`, made unique among the operation's names.
 */
function postmanPathKey(name: string, taken: Set<string>): string {
  if (!name.includes(".")) return name;
  const base = name.replace(/\./g, "_");
  let key = base;
  for (let n = 2; taken.has(key) && n < 1000; n++) key = `${base}_${n}`;
  return key;
}

/** `/users/{id}` → `{{baseUrl}}/users/:id` with `id` as a Postman path variable. */
export function operationUrl(operation: OperationModel): PostmanUrl {
  const pathParams = new Map(
    operation.parameters.filter((p) => p.in === "path").map((p) => [p.name, p]),
  );
  const taken = new Set(pathParams.keys());
  const variables: PostmanVariable[] = [];
  const segments = operation.path
    .split("/")
    .slice(1)
    .map((segment) => {
      const whole = /^\{([^{}]+)\}$/.exec(segment);
      const param = whole?.[1] === undefined ? undefined : pathParams.get(whole[1]);
      if (param && (param.style ?? "simple") === "simple") {
        const key = postmanPathKey(param.name, taken);
        taken.add(key);
        variables.push(
          withDescription(
            { key, value: encoderFor(param, encodePathText)(pathText(param)) },
            param.description,
          ),
        );
        return `:${key}`;
      }
      // Postman variables must fill a whole segment: `{name}.{ext}`, `{name}:cancel` and
      // label/matrix styles get their example written in place. The spec's own text around
      // them is literal: braces left in it are encoded, so no `{{x}}` becomes a variable.
      return segment
        .split(/(\{[^{}]+\})/)
        .map((part) => {
          const name = /^\{([^{}]+)\}$/.exec(part)?.[1];
          const p = name === undefined ? undefined : pathParams.get(name);
          return p ? encoderFor(p, encodePathText)(pathText(p)) : urlLiteral(part);
        })
        .join("");
    });

  const query: PostmanQueryParam[] = [];
  for (const param of operation.parameters) {
    if (param.in !== "query") continue;
    const encodeValue = encoderFor(param, encodeQueryText);
    for (const pair of queryPairs(param)) {
      const encoded = { key: encodeQueryText(pair.key), value: encodeValue(pair.value) };
      query.push(disabledUnlessRequired(withDescription(encoded, param.description), param));
    }
  }
  const enabled = query.filter((q) => !q.disabled).map((q) => `${q.key}=${q.value}`);
  const raw = `{{baseUrl}}/${segments.join("/")}${enabled.length > 0 ? `?${enabled.join("&")}` : ""}`;

  const url: PostmanUrl = { raw, host: ["{{baseUrl}}"], path: segments };
  if (query.length > 0) url.query = query;
  if (variables.length > 0) url.variable = variables;
  return url;
}

function operationHeaders(operation: OperationModel, contentType: string | undefined) {
  const headers: PostmanHeader[] = [];
  for (const param of operation.parameters) {
    if (param.in !== "header" || IGNORED_HEADER_PARAMS.has(param.name.toLowerCase())) continue;
    const text = simpleText(param.example, param.explode ?? false);
    const header = {
      key: param.name,
      value: param.exampleSource === "user" ? text : plainLiteral(text),
    };
    headers.push(disabledUnlessRequired(withDescription(header, param.description), param));
  }
  const cookies = operation.parameters.filter((p) => p.in === "cookie" && p.required);
  if (cookies.length > 0) {
    const value = cookies
      .map((c) => `${c.name}=${plainLiteral(simpleText(c.example, false))}`)
      .join("; ");
    headers.push({ key: "Cookie", value });
  }
  if (contentType !== undefined) headers.push({ key: "Content-Type", value: contentType });
  const accept = acceptedType(operation);
  if (accept !== undefined) headers.push({ key: "Accept", value: accept });
  return headers;
}

/** What the first documented success returns, so content negotiation picks the documented type. */
/** RFC 9110 token `/` token, no wildcards. */
const MEDIA_TYPE = /^[!#$%&'+.^_`|~0-9a-z-]+\/[!#$%&'+.^_`|~0-9a-z-]+$/;

function acceptedType(operation: OperationModel): string | undefined {
  const success =
    operation.responses.find((r) => /^2/.test(r.status) && r.contents.length > 0) ??
    operation.responses.find((r) => r.status === "default" && r.contents.length > 0);
  const type = success?.contents[0]?.contentType;
  // Only a real `type/subtype`: Swagger 2.0 `produces: [application]` is no media type.
  return type === undefined || !MEDIA_TYPE.test(mediaType(type)) ? undefined : type;
}

export function operationDescription(operation: OperationModel): string | undefined {
  const parts: string[] = [];
  if (operation.deprecated) parts.push("**Deprecated.**");
  if (operation.description) parts.push(operation.description);
  else if (operation.summary && operation.summary !== operation.name) {
    parts.push(operation.summary);
  }
  return parts.length > 0 ? parts.join("\n\n") : undefined;
}

/** The request of one operation; auth is inherited from the collection unless it opts out. */
export function operationRequest(operation: OperationModel): PostmanRequest {
  const body = operation.requestBody ? requestBody(operation.requestBody) : undefined;
  const request: PostmanRequest = {
    method: operation.method.toUpperCase(),
    header: operationHeaders(operation, body?.contentType),
    url: operationUrl(operation),
  };
  if (!operation.secured) request.auth = { type: "noauth" };
  if (body) request.body = body.body;
  const description = operationDescription(operation);
  if (description) request.description = description;
  return request;
}
