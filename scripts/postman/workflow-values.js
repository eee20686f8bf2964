// specpost workflows: Arazzo runtime expressions resolved inside Postman. Step outputs live in
// collection variables (`<workflow>.steps.<step>.outputs.<name>`, text) and, typed, in one JSON
// mirror (`specpost.arazzo`), so a number stays a number in a later request body. Inputs are
// the variables `<workflow>.inputs.<name>` (environment first), read as their schema's type.
// biome-ignore lint/correctness/noUnusedVariables: used by the script inlined after this one
const specpostValues = (() => {
  const MIRROR = "specpost.arazzo";
  const MAX_DEPTH = 16;
  const load = () => {
    try {
      return JSON.parse(pm.collectionVariables.get(MIRROR) || "{}");
    } catch {
      return {};
    }
  };
  const mirror = load();
  const text = (value) => (typeof value === "string" ? value : JSON.stringify(value));
  const store = (name, value) => {
    mirror[name] = value;
    pm.collectionVariables.set(name, text(value));
    pm.collectionVariables.set(MIRROR, JSON.stringify(mirror));
  };
  const forget = (name) => {
    delete mirror[name];
    pm.collectionVariables.unset(name);
    pm.collectionVariables.set(MIRROR, JSON.stringify(mirror));
  };
  const none = { found: false };
  const at = (value, pointer) => {
    if (pointer === undefined || pointer === "" || pointer === "#") return { found: true, value };
    let node = value;
    for (const raw of pointer.replace(/^#\/?/, "").split("/").slice(0, 64)) {
      const key = decodeURIComponent(raw).replace(/~1/g, "/").replace(/~0/g, "~");
      if (node === null || typeof node !== "object" || !Object.hasOwn(node, key)) return none;
      node = node[key];
    }
    return { found: true, value: node };
  };
  let body;
  const responseBody = () => {
    if (body === undefined) {
      try {
        body = { value: pm.response.json() };
      } catch {
        body = { value: pm.response.text() };
      }
    }
    return body.value;
  };
  const input = (entry, name) => {
    const raw = pm.variables.get(`${entry.workflow}.inputs.${name}`);
    if (raw === undefined || raw === null || raw === "") return none;
    const type = entry.inputs[name] ?? "string";
    if (type === "string" || typeof raw !== "string") return { found: true, value: raw };
    try {
      return { found: true, value: JSON.parse(raw) };
    } catch {
      return { found: true, value: raw };
    }
  };
  const saved = (name, pointer) => (Object.hasOwn(mirror, name) ? at(mirror[name], pointer) : none);
  const resolve = (expression, entry) => {
    const [head, pointer] = expression.trim().split(/#(.*)/s);
    if (head === "$statusCode")
      return pm.response ? { found: true, value: pm.response.code } : none;
    if (head === "$url") return { found: true, value: pm.request.url.toString() };
    if (head === "$method") return { found: true, value: pm.request.method };
    if (head === "$response.body")
      return pm.response ? at(responseBody(), pointer && `#${pointer}`) : none;
    let m = /^\$response\.header\.(.+)$/.exec(head);
    if (m) {
      const value = pm.response?.headers.get(m[1]);
      return value === undefined ? none : { found: true, value };
    }
    m = /^\$request\.(header|query|path)\.(.+)$/.exec(head);
    if (m) {
      const param = entry.params.find(
        (p) => p.in === m[1] && p.name.toLowerCase() === m[2].toLowerCase(),
      );
      const value = param
        ? pm.collectionVariables.get(param.variable)
        : m[1] === "header"
          ? pm.request.headers.get(m[2])
          : m[1] === "query"
            ? pm.request.url.query.get(m[2])
            : pm.request.url.variables.get(m[2]);
      return value === undefined ? none : { found: true, value };
    }
    if (head === "$request.body" && entry.body) {
      try {
        return at(
          JSON.parse(pm.collectionVariables.get(entry.body.variable)),
          pointer && `#${pointer}`,
        );
      } catch {
        return none;
      }
    }
    m = /^\$inputs\.([^.]+)(?:\.(.+))?$/.exec(head);
    if (m) {
      const found = input(entry, m[1]);
      if (!found.found || m[2] === undefined)
        return found.found ? at(found.value, pointer && `#${pointer}`) : none;
      return at(found.value, `#/${m[2].split(".").join("/")}`);
    }
    const ptr = pointer && `#${pointer}`;
    m = /^\$steps\.([^.]+)\.outputs\.(.+)$/.exec(head);
    if (m) return saved(`${entry.workflow}.steps.${m[1]}.outputs.${m[2]}`, ptr);
    m = /^\$outputs\.(.+)$/.exec(head);
    if (m) return saved(`${entry.workflow}.outputs.${m[1]}`, ptr);
    m = /^\$workflows\.([^.]+)\.outputs\.(.+)$/.exec(head);
    if (m) return saved(`${m[1]}.outputs.${m[2]}`, ptr);
    return none;
  };
  // A value with its expressions replaced: whole-string expressions keep their type.
  const fill = (value, entry, missing, depth = 0) => {
    if (depth > MAX_DEPTH) return value;
    if (typeof value === "string") {
      if (value.trim().startsWith("$")) {
        const found = resolve(value, entry);
        if (!found.found) missing.push(value.trim());
        return found.value;
      }
      return value.replace(/\{(\$[^{}]+)\}/g, (_all, expression) => {
        const found = resolve(expression, entry);
        if (!found.found) missing.push(expression);
        return found.found ? text(found.value) : "";
      });
    }
    if (Array.isArray(value)) return value.map((v) => fill(v, entry, missing, depth + 1));
    if (value !== null && typeof value === "object") {
      return Object.fromEntries(
        Object.entries(value).map(([k, v]) => [k, fill(v, entry, missing, depth + 1)]),
      );
    }
    return value;
  };
  // A JSON pointer's place in `doc` set to `value` (an Arazzo payload replacement).
  const replace = (doc, pointer, value) => {
    const keys = pointer
      .replace(/^#?\//, "")
      .split("/")
      .map((k) => k.replace(/~1/g, "/").replace(/~0/g, "~"));
    if (pointer === "" || pointer === "/" || pointer === "#") return value;
    let node = doc;
    for (const key of keys.slice(0, -1).slice(0, 64)) {
      if (node === null || typeof node !== "object") return doc;
      if (!Object.hasOwn(node, key)) node[key] = {};
      node = node[key];
    }
    if (node !== null && typeof node === "object") node[keys.at(-1)] = value;
    return doc;
  };
  return { resolve, fill, replace, store, forget, text, mirror };
})();
