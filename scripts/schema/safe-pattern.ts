/**
 * Whether a spec's regular expression is safe to run with a backtracking engine (V8, the
 * Ajv in Newman's sandbox). A repeated group that itself holds a repeat of varying count —
 * `^(a+)+$`, `(\w+\s?)*`, `(a+){7}` — can take exponential (or high-polynomial) time on a
 * near-miss such as "aaaa…!"; such patterns are flagged so nobody runs them. Fixed counts
 * (`(-?[0-9a-f]{4}){7}`) split text one way only and pass. This is safe-regex's star-height
 * test, refined for fixed counts, as one bounded left-to-right scan (no recursion).
 */

interface Frame {
  /** The group holds a repeat of varying count (`*`, `+`, `{1,5}`; not `{4}` or `?`). */
  varies: boolean;
  /** Index just after the `(`. */
  start: number;
}

interface Quantifier {
  length: number;
  /** Max above 1. */
  repeats: boolean;
  /** Repeats, and min below max: several ways to split the same text. */
  varies: boolean;
}

/** The quantifier at `at` (`*`, `+`, `?`, `{2}`, `{1,}`, `{0,5}`), length 0 when none. */
function quantifierAt(pattern: string, at: number): Quantifier {
  const c = pattern[at];
  if (c === "*" || c === "+") return { length: 1, repeats: true, varies: true };
  if (c === "?") return { length: 1, repeats: false, varies: false };
  const none = { length: 0, repeats: false, varies: false };
  if (c !== "{") return none;
  const m = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(at, at + 32));
  if (!m) return none;
  const low = Number(m[1]);
  const high = m[2] === undefined ? low : m[3] ? Number(m[3]) : Number.POSITIVE_INFINITY;
  return { length: m[0].length, repeats: high > 1, varies: high > 1 && high > low };
}

/** End of the character class that starts at `at` (the index after its `]`). */
function classEnd(pattern: string, at: number): number {
  let i = at + 1;
  if (pattern[i] === "^") i++;
  if (pattern[i] === "]") i++;
  while (i < pattern.length && pattern[i] !== "]") i += pattern[i] === "\\" ? 2 : 1;
  return i + 1;
}

export function isSafePattern(pattern: string): boolean {
  const stack: Frame[] = [{ varies: false, start: 0 }];
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i];
    let closed: Frame | undefined;
    let body = "";
    if (c === "(") {
      stack.push({ varies: false, start: i + 1 });
      i++;
      continue;
    }
    if (c === "|") {
      i++;
      continue;
    }
    if (c === ")") {
      closed = stack.length > 1 ? stack.pop() : undefined;
      body = closed ? pattern.slice(closed.start, i) : "";
      i++;
    } else if (c === "[") i = classEnd(pattern, i);
    else if (c === "\\") i += 2;
    else i++;
    const quantifier = quantifierAt(pattern, i);
    i += quantifier.length;
    if (quantifier.length > 0 && (pattern[i] === "?" || pattern[i] === "+")) i++;
    const top = stack[stack.length - 1] as Frame;
    if (closed?.varies && quantifier.repeats && !delimited(body)) return false;
    if (quantifier.varies || closed?.varies) top.varies = true;
  }
  return true;
}

const WIDE: Record<string, (c: string) => boolean> = {
  d: (c) => /\d/.test(c),
  D: (c) => !/\d/.test(c),
  w: (c) => /\w/.test(c),
  W: (c) => !/\w/.test(c),
  s: (c) => /\s/.test(c),
  S: (c) => !/\s/.test(c),
};

/** Whether the class `[...]` (its text, brackets included) can match `c`; unsure means yes. */
function classMatches(text: string, c: string): boolean {
  const negated = text[1] === "^";
  let found = false;
  for (let i = negated ? 2 : 1; i < text.length - 1 && !found; i++) {
    let ch = text[i] ?? "";
    if (ch === "\\") {
      ch = text[++i] ?? "";
      const wide = WIDE[ch];
      if (wide) found = wide(c);
      else if (/[a-zA-Z0-9]/.test(ch)) return true;
      else found = ch === c;
    } else if (text[i + 1] === "-" && i + 2 < text.length - 1) {
      const to = text[i + 2] ?? "";
      if (to === "\\") return true;
      found = c >= ch && c <= to;
      i += 2;
    } else found = ch === c;
  }
  return negated ? !found : found;
}

/** The group body (`-[a-z]+`) without a `?:` / `?<name>` prefix, or undefined for lookarounds. */
function plainBody(body: string): string | undefined {
  if (!body.startsWith("?")) return body;
  if (body.startsWith("?:")) return body.slice(2);
  if (body.startsWith("?<") && !/^\?<[=!]/.test(body)) return body.slice(body.indexOf(">") + 1);
  return undefined;
}

/** A literal separator (`-`, `\.`, `/`): the group's first or last atom, mandatory. */
function separators(body: string): string[] {
  const out: string[] = [];
  const head = body[0] === "\\" ? body.slice(0, 2) : body.slice(0, 1);
  const afterHead = body[head.length] ?? "";
  if (head && !"?*+{".includes(afterHead)) out.push(head);
  const tail = body.length >= 2 && body[body.length - 2] === "\\" ? body.slice(-2) : body.slice(-1);
  const beforeTail = body[body.length - tail.length - 1];
  if (tail && beforeTail !== "\\") out.push(tail);
  return out
    .filter((atom) =>
      atom.length === 1 ? !"\\[(.|)*+?{^$".includes(atom) : !/[a-zA-Z0-9]/.test(atom[1] ?? "a"),
    )
    .map((atom) => atom.slice(-1));
}

/**
 * A repeated group whose every pass starts or ends with a literal its inner repeats cannot
 * match (`(-[a-z]+)*`, `(\d+\.)*`, `(/[^/]+)+`) splits any text one way only: safe.
 */
function delimited(group: string): boolean {
  const body = plainBody(group);
  if (body === undefined || body.includes("|") || body.includes("(")) return false;
  return separators(body).some((c) => literalCount(body, c) === 1 && !innerMatches(body, c));
}

/** How often `c` is written in `body` outside character classes. */
function literalCount(body: string, c: string): number {
  let n = 0;
  for (let i = 0; i < body.length; i++) {
    if (body[i] === "[") i = classEnd(body, i) - 1;
    else if (body[i] === c) n++;
  }
  return n;
}

/** Whether anything in `body` other than literals could match `c`. */
function innerMatches(body: string, c: string): boolean {
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch === ".") return true;
    if (ch === "[") {
      const end = classEnd(body, i);
      if (classMatches(body.slice(i, end), c)) return true;
      i = end - 1;
    } else if (ch === "\\") {
      const next = body[++i] ?? "";
      const wide = WIDE[next];
      if (wide?.(c) || (!wide && /[a-zA-Z0-9]/.test(next))) return true;
    }
  }
  return false;
}
