// specpost contract checks: the collection-level "test" script, run after every request.
// What to check comes from the request itself: its pre-request script (written by the
// generator, see contracts.ts) sets the local variable specpost_contract to the JSON text of
// { requestId, contract, schemas }: the contract as JSON text and the draft-07 definitions only
// its schemas reach, each as JSON text. Definitions several requests reach are written once, as
// SPECPOST_SHARED (name → JSON text) in front of contract-schema.js, inlined in front of this.
(() => {
  const TOKEN_ERROR_VARIABLE = "specpost_token_error";
  const MAX_EXCERPT = 300;

  // The token request, the Auth checks and requests users add declare no contract: not ours to
  // judge. Local variables outlive a request in a Newman run: the id tells whose contract it is.
  let declared;
  try {
    declared = JSON.parse(pm.variables.get("specpost_contract") || "null");
  } catch (_e) {
    declared = null;
  }
  if (!declared || declared.requestId !== pm.info.requestId) return;
  const contract = JSON.parse(declared.contract);
  // The pre-request script already reported a failed token fetch once; the 401s that follow on
  // secured requests would only bury that message.
  if (contract.secured && pm.collectionVariables.get(TOKEN_ERROR_VARIABLE)) return;

  const fail = (message) => pm.expect.fail(message);
  const code = pm.response?.code;
  // No answer at all (connection refused, DNS, timeout): Newman reports that error itself, and
  // contract checks on a response that does not exist would only repeat it as noise.
  if (typeof code !== "number") return;

  // A 429 that api-quota.js, in front of this script, waits out and sends again: judged then.
  if (code === 429 && localState("specpost_quota") === "resend") {
    const line = `${contract.key} → 429 (quota): waited as the server said, sending the request again`;
    skipLine(line);
    return;
  }

  // Specs document 401 for a missing token, so "status is documented" would pass when the API
  // refuses the very token the collection fetched: nothing else would have been tested.
  if (contract.secured) {
    const refused = code === 401 || code === 403;
    // What token-renew.js, in front of this script, decided about a 401.
    const renewal = code === 401 ? renewalState() : "none";
    if (renewal === "resend") {
      const line =
        `${contract.key} → 401 with a token valid by its clock: renewed the token, sending ` +
        "the request again (after a single Send in Postman: send it again)";
      skipLine(line);
      return;
    }
    // An operation that documents only error answers, this one among them, promises it.
    const promised = contract.errorsOnly && Object.hasOwn(contract.responses, String(code));
    pm.test(`${contract.key} → authorized`, () => {
      if (!refused || promised) return;
      const why = serverMessage();
      const again =
        renewal === "refused-again"
          ? ", again after the token was renewed and the request sent a second time"
          : "";
      fail(
        `${contract.key} answered ${code} ${pm.response.status} to a request sent with the ` +
          `collection's credentials${why ? ` (${why})` : ""}${again}; check the client's access to this API`,
      );
    });
    // One failure says it all; the fault body's own checks would only add lines.
    if (refused && !promised) return;
  }

  // The happy path: the request was built from the spec's own examples to be valid, so a 4xx
  // is a failure even when the spec documents it ("status 400 is documented" is no pass).
  // 401/403 stay the Auth checks' business. An override may declare the statuses expected.
  if (contract.expect) {
    pm.test(`${contract.key} → status ${contract.expect.join(" or ")} as declared`, () => {
      if (!contract.expect.includes(code)) {
        fail(
          `${contract.key} answered ${code} ${pm.response.status}; the overrides declare ` +
            `${contract.expect.join(" or ")}, body: ${excerpt()}`,
        );
      }
    });
  } else if (
    code >= 400 &&
    code < 500 &&
    code !== 401 &&
    code !== 403 &&
    !contract.mayReject &&
    !contract.errorsOnly
  ) {
    pm.test(`${contract.key} → request accepted`, () => {
      fail(
        `the server rejected a request built from the spec's examples: ${code} ` +
          `${pm.response.status}, body: ${excerpt()}`,
      );
    });
  }

  const documented = documentedResponse(contract.responses, code);
  // OpenAPI 3.1 lets an operation document no answer at all (and a 1xx, which the generator
  // leaves out, is never a final one); and a request that could not be built valid may rightly
  // get a 4xx the spec never lists (400, 422). Neither is judged.
  const unjudged =
    Object.keys(contract.responses).length === 0
      ? "the spec documents no final answer for this operation"
      : !documented && contract.mayReject && code >= 400 && code < 500
        ? "a 4xx to a request that could not be built valid from the spec"
        : undefined;
  if (unjudged) {
    skipLine(`${contract.key} → status ${code} not judged: ${unjudged}`);
    return;
  }

  pm.test(`${contract.key} → status ${code} is documented`, () => {
    if (!documented) {
      fail(
        `${contract.key} answered ${code} ${pm.response.status}, which the spec does not document ` +
          `(documented: ${Object.keys(contract.responses).join(", ")})`,
      );
    }
  });
  if (!documented) return;

  const label = `${contract.key} → ${code}`;
  // HTTP forbids a body on 204, 205 and 304 (RFC 9110 §15.3.5, §15.3.6, §15.4.5), and a HEAD
  // answer has none (§9.3.2; its Content-Type is optional too): a content the spec documents
  // for them cannot be expected, nor its Content-Type.
  const bodiless = code === 204 || code === 205 || code === 304 || pm.request.method === "HEAD";
  const documentedContent = bodiless ? {} : documented.content || {};
  const contentTypes = Object.keys(documentedContent);
  let matchedType;
  if (contentTypes.length > 0) {
    const header = pm.response.headers.get("Content-Type");
    matchedType = matchContentType(contentTypes, mediaType(header));
    pm.test(`${label} content type ${contentTypes.join(" or ")}`, () => {
      if (matchedType) return;
      fail(
        header
          ? `Content-Type is ${header}; the spec documents ${contentTypes.join(" or ")} for ${code}`
          : `the response has no Content-Type header; the spec documents ${contentTypes.join(" or ")} for ${code}`,
      );
    });
  }

  for (const name of documented.headers || []) {
    pm.test(`${label} has header ${name}`, () => {
      if (!pm.response.headers.has(name)) {
        fail(`the response has no ${name} header, which the spec requires for ${code}`);
      }
    });
  }

  const content = matchedType === undefined ? undefined : documentedContent[matchedType];
  // Only JSON bodies are validated: the schema of an XML or text body says nothing checkable
  // here, and a HEAD answer documents the body a GET would have without carrying it.
  if (
    !content ||
    content.schema === undefined ||
    pm.request.method === "HEAD" ||
    !isJson(mediaType(pm.response.headers.get("Content-Type")))
  ) {
    return;
  }
  const title = content.name ? `schema ${content.name}` : "response schema";
  pm.test(`${label} matches ${title}`, () => {
    const text = pm.response.text();
    if (text.trim() === "") fail(`the body is empty; the spec documents ${title} for ${code}`);
    let body;
    try {
      body = JSON.parse(text);
    } catch (error) {
      // The sandbox's parser explains over several lines; the first one says enough.
      const why = String(error.message).split("\n")[0];
      fail(`the body is not valid JSON (${why}); the spec documents ${title} for ${code}`);
    }
    const errors = schemaErrors(content.schema, definitions(content.schema), body);
    if (errors.length > 0) fail(`body does not match ${title}: ${errors}`);
  });

  // The definitions a schema reaches, parsed only when a body is checked and only those it
  // reaches: the request's own (SPECPOST_SCHEMAS in its pre-request script), else the ones the
  // collection writes once for every request that shares them (SPECPOST_SHARED, in front).
  // Bounded: each definition is parsed and walked at most once.
  function definitions(schema) {
    const own = declared.schemas || {};
    const parsed = {};
    const pending = [schema];
    while (pending.length > 0) {
      const node = pending.pop();
      if (node === null || typeof node !== "object") continue;
      for (const key of Object.keys(node)) {
        const value = node[key];
        const name = key === "$ref" && typeof value === "string" ? refName(value) : undefined;
        if (name === undefined) {
          if (typeof value === "object") pending.push(value);
          continue;
        }
        if (Object.hasOwn(parsed, name)) continue;
        let text;
        if (Object.hasOwn(own, name)) text = own[name];
        else if (Object.hasOwn(SPECPOST_SHARED, name)) text = SPECPOST_SHARED[name];
        if (text === undefined) continue;
        parsed[name] = JSON.parse(text);
        pending.push(parsed[name]);
      }
    }
    return parsed;
  }

  // `#/definitions/a~1b` → `a/b`; a deeper pointer is no definition of ours.
  function refName(ref) {
    if (!ref.startsWith("#/definitions/")) return undefined;
    const pointer = ref.slice("#/definitions/".length);
    if (pointer.includes("/")) return undefined;
    try {
      return decodeURIComponent(pointer).replace(/~1/g, "/").replace(/~0/g, "~");
    } catch (_e) {
      return undefined;
    }
  }

  // The start of the body on one line: enough to see why, never the whole of it.
  function excerpt() {
    const text = pm.response.text().replace(/\s+/g, " ").trim();
    if (text === "") return "(empty)";
    return text.length > MAX_EXCERPT ? `${text.slice(0, MAX_EXCERPT)}…` : text;
  }

  // pm.test.skip is postman-sandbox's (Newman's and the app's), though Postman's reference does
  // not list it: without it, the line passes.
  function skipLine(line) {
    if (typeof pm.test.skip === "function") pm.test.skip(line);
    else pm.test(line, () => {});
  }

  function renewalState() {
    return localState("specpost_renewal");
  }

  // What a script in front of this one decided about this very answer (keyed by request id).
  function localState(name) {
    try {
      const decided = JSON.parse(pm.variables.get(name) || "null");
      return decided && decided.requestId === pm.info.requestId ? decided.state : "none";
    } catch (_e) {
      return "none";
    }
  }

  // Only the fields gateways put their reason in: a body could echo request headers.
  function serverMessage() {
    let body;
    try {
      body = JSON.parse(pm.response.text());
    } catch (_e) {
      return "";
    }
    if (!body || typeof body !== "object") return "";
    const candidates = [
      body.fault?.faultstring,
      body.error_description,
      typeof body.error === "string" ? body.error : body.error?.message,
      body.Error,
      body.message,
    ];
    const found = candidates.find((c) => typeof c === "string" && c !== "");
    return found ? found.slice(0, 200) : "";
  }

  // Exact code first, then its range (`2XX`), then `default`: the order OpenAPI gives them.
  function documentedResponse(responses, status) {
    const range = `${String(status).charAt(0)}XX`;
    return responses[String(status)] || responses[range] || responses.default;
  }

  function mediaType(header) {
    return header ? String(header).split(";")[0].trim().toLowerCase() : "";
  }

  // Exact documented types win over wildcards (`application/*`, `*/*`).
  function matchContentType(documentedTypes, actual) {
    if (actual === "") return undefined;
    const [type, subtype] = actual.split("/");
    const candidates = documentedTypes.filter((candidate) => {
      const [t, s] = candidate.toLowerCase().split(";")[0].trim().split("/");
      return (t === "*" || t === type) && (s === "*" || s === subtype);
    });
    candidates.sort((a, b) => wildcards(a) - wildcards(b));
    return candidates[0];
  }

  function wildcards(candidate) {
    return candidate.split("*").length - 1;
  }

  function isJson(type) {
    return /^[^/]+\/([^;]+\+)?json$/.test(type);
  }
})();
