// specpost contract checks, the schema part: Ajv 6 (the sandbox's) and error messages that say
// where in the body and what is wrong. specpost inlines it in front of contract.js in the
// collection-level test script.

const MAX_SCHEMA_ERRORS = 3;

// One Ajv per script run and one compile, of this schema with the definitions it reaches (the
// request's pre-request script carries exactly those). unknownFormats is belt and braces: the
// generator already dropped what Ajv 6 cannot check. No meta-schema (nothing validates a schema
// against it) and each definition compiled once as a function rather than inlined where it is
// used: less to compile on schemas that reach far, the same errors, the same options as
// scripts/schema/ajv-engine.ts. Both are documented Ajv 6 options.
// biome-ignore lint/correctness/noUnusedVariables: used by contract.js, inlined after this file
function schemaErrors(schema, definitions, data) {
  const Ajv = require("ajv");
  const ajv = new Ajv({
    allErrors: true,
    unknownFormats: "ignore",
    validateSchema: false,
    logger: false,
    meta: false,
    inlineRefs: false,
  });
  let validate;
  try {
    validate = ajv.compile({ allOf: [schema], definitions: definitions });
  } catch (error) {
    return `the schema cannot be compiled (${error.message}); regenerate the collection`;
  }
  if (validate(data)) return "";
  const messages = summarise(validate.errors);
  const shown = messages.slice(0, MAX_SCHEMA_ERRORS).join("; ");
  const more = messages.length - MAX_SCHEMA_ERRORS;
  return more > 0 ? `${shown} (and ${more} more)` : shown;
}

// Ajv reports every failed branch of an anyOf/oneOf (how nullable and $ref-with-siblings
// translate): `should be object`, `should be null`, `should match some schema in anyOf`.
// Keep what explains the failure: errors inside the value win over "wrong kind of value",
// the generic branch message goes when a branch says more, and kinds at one path merge.
function summarise(errors) {
  const under = (path, parent) => path.startsWith(`${parent}.`) || path.startsWith(`${parent}[`);
  const branching = (e) =>
    e.keyword === "anyOf" ||
    e.keyword === "if" ||
    (e.keyword === "oneOf" && !e.params?.passingSchemas);
  const kept = errors.filter((e) => {
    if (branching(e)) {
      return !errors.some(
        (o) =>
          o !== e && !branching(o) && (o.dataPath === e.dataPath || under(o.dataPath, e.dataPath)),
      );
    }
    if (e.keyword === "type") return !errors.some((o) => under(o.dataPath, e.dataPath));
    return true;
  });
  const messages = [];
  const kinds = new Map();
  for (const error of kept) {
    if (error.keyword !== "type") {
      messages.push(describe(error));
      continue;
    }
    let entry = kinds.get(error.dataPath);
    if (!entry) {
      entry = { path: error.dataPath, types: [] };
      kinds.set(error.dataPath, entry);
      messages.push(entry);
    }
    for (const type of String(error.params.type).split(",")) {
      if (!entry.types.includes(type)) entry.types.push(type);
    }
  }
  const text = messages.map((m) =>
    typeof m === "string" ? m : `body${m.path} should be ${m.types.join(" or ")}`,
  );
  return text.filter((m, i) => text.indexOf(m) === i);
}

// `body.users[0].callbackurl should be string`: where in the body, then what is wrong.
function describe(error) {
  const where = `body${error.dataPath}`;
  const params = error.params || {};
  if (error.keyword === "additionalProperties") {
    return `${where} should NOT have additional property '${params.additionalProperty}'`;
  }
  if (error.keyword === "enum") {
    return `${where} should be one of ${params.allowedValues.map((v) => JSON.stringify(v)).join(", ")}`;
  }
  if (error.keyword === "const") {
    return `${where} should be ${JSON.stringify(params.allowedValue)}`;
  }
  return `${where} ${error.message}`;
}
