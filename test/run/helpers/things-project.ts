import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * A throw-away project (specs/, collections/, environments/) with one small collection in
 * the generator's shape: a collection-level token script that caches the token and counts
 * its requests in `specpost_token_requests`, bearer auth, and a few requests with tests.
 * `leaky` adds a request whose scripts push the secret and token into every channel a
 * report reads: test names, assertion messages, console output and a thrown error.
 */
export interface ThingsProject {
  dir: string;
  remove(): void;
}

export const THINGS_ASSERTIONS = 3;

export interface ProjectOptions {
  leaky?: boolean;
  /** Adds a request with an assertion that fails. */
  failing?: boolean;
  /** false: no spec file; a string: the spec file's text. */
  spec?: false | string;
}

const SPEC = `openapi: 3.0.3
info: { title: Things API, version: "1.0" }
servers: [{ url: "https://api.example.com/api" }]
components:
  securitySchemes:
    oauth2:
      type: oauth2
      flows:
        clientCredentials:
          tokenUrl: https://auth.example.com/oauth/token
          scopes: {}
security: [{ oauth2: [] }]
paths:
  /things:
    get:
      operationId: listThings
      responses:
        "200": { description: ok }
  /things/{id}:
    get:
      operationId: getThing
      parameters: [{ name: id, in: path, required: true, schema: { type: integer } }]
      responses:
        "200": { description: ok }
`;

const TOKEN_SCRIPT = [
  "if (pm.info.requestName !== 'Get Access Token' && !pm.collectionVariables.get('access_token')) {",
  "  const n = Number(pm.collectionVariables.get('specpost_token_requests')) || 0;",
  "  pm.collectionVariables.set('specpost_token_requests', String(n + 1));",
  "  pm.sendRequest({",
  "    url: pm.variables.get('tokenUrl'), method: 'POST',",
  "    body: { mode: 'urlencoded', urlencoded: [",
  "      { key: 'client_id', value: pm.variables.get('client_id') },",
  "      { key: 'client_secret', value: pm.variables.get('client_secret') } ] }",
  "  }, (err, res) => {",
  "    if (err) { console.error('token request failed', err.message); return; }",
  "    pm.collectionVariables.set('access_token', res.json().access_token);",
  "  });",
  "}",
];

function item(name: string, url: string, tests: string[]) {
  return {
    name,
    request: { method: "GET", url: `{{baseUrl}}${url}` },
    event: [{ listen: "test", script: { type: "text/javascript", exec: tests } }],
  };
}

export function thingsCollection(options: { leaky?: boolean; failing?: boolean } = {}) {
  const things = [
    item("List things", "/things", [
      "pm.test('GET /things → 200', () => pm.response.to.have.status(200));",
    ]),
    item("Get thing", "/things/1", [
      "pm.test('GET /things/{id} → 200', () => pm.response.to.have.status(200));",
      "pm.test('GET /things/{id} → id is 1', () => pm.expect(pm.response.json().id).to.eql(1));",
    ]),
  ];
  if (options.failing) {
    things.push(
      item("Get thing again", "/things/1", [
        "pm.test('id is 2', () => pm.expect(pm.response.json().id).to.eql(2));",
      ]),
    );
  }
  if (options.leaky) {
    things.push(
      item("Leaky", "/things/1", [
        "const auth = pm.request.headers.get('Authorization');",
        "console.error('secret is', pm.variables.get('client_secret'), 'token is', pm.collectionVariables.get('access_token'));",
        "console.warn(JSON.stringify(pm.response.headers.toObject()));",
        "pm.test('auth header is ' + auth, () => pm.expect(pm.response.json().seen).to.eql('nope'));",
        "pm.test('secret ' + pm.variables.get('client_secret'), () => pm.expect(pm.variables.get('client_secret')).to.eql('x'));",
        "throw new Error('boom ' + pm.variables.get('client_secret') + ' ' + auth);",
      ]),
    );
  }
  return {
    info: {
      _postman_id: "6b0c2a55-5f7e-4a53-9d0e-3c3f6f0e2a11",
      name: "Things API",
      schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json",
    },
    auth: { type: "bearer", bearer: [{ key: "token", value: "{{access_token}}", type: "string" }] },
    event: [{ listen: "prerequest", script: { type: "text/javascript", exec: TOKEN_SCRIPT } }],
    variable: [
      { key: "baseUrl", value: "https://api.example.com/api" },
      { key: "tokenUrl", value: "https://auth.example.com/oauth/token" },
      { key: "client_id", value: "" },
      { key: "client_secret", value: "" },
      { key: "access_token", value: "" },
    ],
    item: [{ name: "Things", item: things }],
  };
}

function environment(name: string, secret: boolean, clientId: string, clientSecret: string) {
  return {
    name,
    values: [
      { key: "baseUrl", value: "https://api.example.com/api", type: "default", enabled: true },
      {
        key: "tokenUrl",
        value: "https://auth.example.com/oauth/token",
        type: "default",
        enabled: true,
      },
      { key: "client_id", value: clientId, type: "default", enabled: true },
      {
        key: "client_secret",
        value: clientSecret,
        type: secret ? "secret" : "default",
        enabled: true,
      },
    ],
  };
}

export function createThingsProject(options: ProjectOptions = {}): ThingsProject {
  const dir = mkdtempSync(path.join(tmpdir(), "specpost-run-"));
  for (const sub of ["specs", "collections", "environments"]) mkdirSync(path.join(dir, sub));
  if (options.spec !== false)
    writeFileSync(path.join(dir, "specs/things.yaml"), options.spec ?? SPEC);
  const json = (file: string, value: unknown) =>
    writeFileSync(path.join(dir, file), `${JSON.stringify(value, null, 2)}\n`);
  json("collections/things.postman_collection.json", thingsCollection(options));
  json(
    "environments/things.mock.postman_environment.json",
    environment("Things mock", false, "demo-id", "demo-secret"),
  );
  json(
    "environments/things.sandbox.postman_environment.json",
    environment("Things sandbox", true, "", ""),
  );
  json(
    "environments/things.production.postman_environment.json",
    environment("Things production", true, "", ""),
  );
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
