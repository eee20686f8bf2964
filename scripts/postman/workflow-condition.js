// specpost workflows: Arazzo "simple" conditions (1.0.1 §4.6.18), bounded. Literals: numbers,
// 'strings' ('' is a quote), true, false, null; operators == != < <= > >= ! && || and ( ).
// Operands that start with `$` or `@` (and count(…) / length(…) in JSONPath filters) go to the
// caller's `operand` function. String comparisons ignore case, as the specification says.
// biome-ignore lint/correctness/noUnusedVariables: used by the script inlined after this one
const specpostCondition = (() => {
  const MAX_TOKENS = 200;
  const MAX_DEPTH = 32;
  const OPS = ["==", "!=", "<=", ">=", "&&", "||"];
  const tokenize = (text) => {
    const tokens = [];
    let i = 0;
    while (i < text.length) {
      if (tokens.length > MAX_TOKENS) throw new Error(`more than ${MAX_TOKENS} tokens`);
      const c = text[i];
      if (/\s/.test(c)) {
        i++;
        continue;
      }
      const two = text.slice(i, i + 2);
      if (OPS.includes(two)) {
        tokens.push({ op: two });
        i += 2;
        continue;
      }
      if ("<>!()".includes(c)) {
        tokens.push({ op: c });
        i++;
        continue;
      }
      if (c === "'" || c === '"') {
        let j = i + 1;
        let s = "";
        for (;;) {
          if (j >= text.length) throw new Error("a string is not closed");
          if (text[j] === c) {
            if (text[j + 1] === c) {
              s += c;
              j += 2;
              continue;
            }
            break;
          }
          s += text[j++];
        }
        tokens.push({ value: s });
        i = j + 1;
        continue;
      }
      const fn = /^(count|length)\(([^()]*)\)/.exec(text.slice(i));
      if (fn) {
        tokens.push({ fn: fn[1], arg: fn[2].trim() });
        i += fn[0].length;
        continue;
      }
      if (c === "$" || c === "@") {
        let j = i;
        let quote;
        while (j < text.length && (quote || !/[\s()=!<>&|]/.test(text[j]))) {
          if (text[j] === "'" || text[j] === '"')
            quote = quote === text[j] ? undefined : (quote ?? text[j]);
          j++;
        }
        tokens.push({ expr: text.slice(i, j) });
        i = j;
        continue;
      }
      const word = /^(-?\d+(\.\d+)?([eE][-+]?\d+)?|true|false|null)(?![\w.])/.exec(text.slice(i));
      if (!word) throw new Error(`unexpected "${text.slice(i, i + 12)}"`);
      tokens.push({ value: JSON.parse(word[0]) });
      i += word[0].length;
    }
    return tokens;
  };
  const lower = (v) => (typeof v === "string" ? v.toLowerCase() : v);
  const compare = (a, op, b) => {
    let x = a === undefined ? null : a;
    let y = b === undefined ? null : b;
    const numeric = (v) => typeof v === "string" && v.trim() !== "" && !Number.isNaN(Number(v));
    if (typeof x === "number" && numeric(y)) y = Number(y);
    if (typeof y === "number" && numeric(x)) x = Number(x);
    if (typeof x === "object" && x !== null) x = JSON.stringify(x);
    if (typeof y === "object" && y !== null) y = JSON.stringify(y);
    x = lower(x);
    y = lower(y);
    if (op === "==") return x === y;
    if (op === "!=") return x !== y;
    if (x === null || y === null || typeof x !== typeof y) return false;
    if (op === "<") return x < y;
    if (op === "<=") return x <= y;
    if (op === ">") return x > y;
    return x >= y;
  };
  const evaluate = (text, operand) => {
    const tokens = tokenize(text);
    let at = 0;
    const peek = () => tokens[at];
    const isOp = (op) => peek()?.op === op;
    const primary = (depth) => {
      if (depth > MAX_DEPTH) throw new Error("nested too deeply");
      const t = tokens[at++];
      if (t === undefined) throw new Error("ends too early");
      if (t.op === "(") {
        const value = or(depth + 1);
        if (!isOp(")")) throw new Error("a ( is not closed");
        at++;
        return value;
      }
      if (t.op === "!") return !truthy(primary(depth + 1));
      if (t.op !== undefined) throw new Error(`unexpected ${t.op}`);
      return "value" in t ? t.value : operand(t);
    };
    const truthy = (v) => v !== undefined && v !== null && v !== false && v !== "" && v !== 0;
    const comparison = (depth) => {
      const left = primary(depth);
      const op = peek()?.op;
      if (op === undefined || !["==", "!=", "<", "<=", ">", ">="].includes(op)) return left;
      at++;
      return compare(left, op, primary(depth));
    };
    const and = (depth) => {
      let value = truthy(comparison(depth));
      while (isOp("&&")) {
        at++;
        value = truthy(comparison(depth)) && value;
      }
      return value;
    };
    const or = (depth) => {
      let value = and(depth);
      while (isOp("||")) {
        at++;
        value = and(depth) || value;
      }
      return value;
    };
    const result = or(0);
    if (at < tokens.length)
      throw new Error(`unexpected text after the condition at token ${at + 1}`);
    return truthy(result);
  };
  return { evaluate };
})();
