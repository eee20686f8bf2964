// specpost workflows: the JSONPath subset Arazzo `jsonpath` criteria are evaluated with (RFC 9535
// subset): `$`, `.name`, `['name']`, `[0]`, `[-1]`, `[*]`, `.*`, `..name`, and filters
// `[?(@.x == 1 && @.y)]` / `[?@.x > 2]` with count(@.list) and length(@.x). A criterion passes
// when the query selects at least one node. Bounded: at most 10,000 nodes are visited.
// biome-ignore lint/correctness/noUnusedVariables: used by the script inlined after this one
const specpostJsonPath = (() => {
  const MAX_NODES = 10000;
  const MAX_SEGMENTS = 64;
  const parse = (text) => {
    const path = text.trim();
    if (path[0] !== "$" && path[0] !== "@")
      throw new Error(`JSONPath must start with $ or @: ${path}`);
    const segments = [];
    let i = 1;
    while (i < path.length) {
      if (segments.length > MAX_SEGMENTS) throw new Error("JSONPath too long");
      let descendant = false;
      if (path.startsWith("..", i)) {
        descendant = true;
        i += 2;
      } else if (path[i] === ".") i++;
      else if (path[i] !== "[")
        throw new Error(`unexpected "${path.slice(i, i + 10)}" in JSONPath`);
      let segment;
      if (path[i] === "[") {
        let depth = 0;
        let quote;
        let j = i;
        for (; j < path.length; j++) {
          const c = path[j];
          if (quote) {
            if (c === quote) quote = undefined;
          } else if (c === "'" || c === '"') quote = c;
          else if (c === "[" || c === "(") depth++;
          else if (c === "]" || c === ")") {
            depth--;
            if (depth === 0 && c === "]") break;
          }
        }
        if (j >= path.length) throw new Error("a [ is not closed in JSONPath");
        const inner = path.slice(i + 1, j).trim();
        i = j + 1;
        if (inner === "*") segment = { wild: true };
        else if (/^-?\d+$/.test(inner)) segment = { index: Number(inner) };
        else if (/^'.*'$|^".*"$/.test(inner)) segment = { name: inner.slice(1, -1) };
        else if (inner.startsWith("?"))
          segment = {
            filter: inner
              .slice(1)
              .trim()
              .replace(/^\((.*)\)$/s, "$1"),
          };
        else throw new Error(`unsupported JSONPath selector [${inner}]`);
      } else {
        const name = /^(\*|[A-Za-z_$][\w$-]*)/.exec(path.slice(i));
        if (!name) throw new Error(`unexpected "${path.slice(i, i + 10)}" in JSONPath`);
        i += name[0].length;
        segment = name[0] === "*" ? { wild: true } : { name: name[0] };
      }
      segments.push({ ...segment, descendant });
    }
    return segments;
  };
  const children = (node) =>
    Array.isArray(node)
      ? node
      : node !== null && typeof node === "object"
        ? Object.values(node)
        : [];
  const query = (text, root, current) => {
    let nodes = [text.trim()[0] === "@" ? current : root];
    let visited = 0;
    for (const segment of parse(text)) {
      if (segment.descendant) {
        const all = [];
        const stack = [...nodes];
        while (stack.length > 0 && all.length < MAX_NODES) {
          const node = stack.pop();
          all.push(node);
          stack.push(...children(node).slice().reverse());
        }
        nodes = all;
      }
      const next = [];
      for (const node of nodes) {
        if (++visited > MAX_NODES) throw new Error(`JSONPath visits more than ${MAX_NODES} nodes`);
        if (segment.wild) next.push(...children(node));
        else if (segment.index !== undefined) {
          if (!Array.isArray(node)) continue;
          const at = segment.index < 0 ? node.length + segment.index : segment.index;
          if (at >= 0 && at < node.length) next.push(node[at]);
        } else if (segment.name !== undefined) {
          if (
            node !== null &&
            typeof node === "object" &&
            !Array.isArray(node) &&
            Object.hasOwn(node, segment.name)
          )
            next.push(node[segment.name]);
        } else {
          for (const child of children(node)) {
            const operand = (t) => {
              if (t.fn === "count") return query(t.arg, root, child).length;
              if (t.fn === "length") {
                const [v] = query(t.arg, root, child);
                if (typeof v === "string" || Array.isArray(v)) return v.length;
                return v !== null && typeof v === "object" ? Object.keys(v).length : null;
              }
              const found = query(t.expr, root, child);
              return found.length === 0 ? undefined : found[0];
            };
            if (specpostCondition.evaluate(segment.filter, operand)) next.push(child);
          }
        }
      }
      nodes = next;
    }
    return nodes;
  };
  return { query: (text, value) => query(text, value, value) };
})();
