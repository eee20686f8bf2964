/**
 * Strings for simple regular expressions: literals, escapes, classes, groups, alternation
 * and quantifiers. Lookarounds and word boundaries are read as "nothing" and backreferences
 * are not supported: the caller checks every candidate against the real RegExp, so a
 * pattern beyond this generator ends as a reported `invalid-example`, never a wrong value.
 */

type CharSet = { ranges: [number, number][]; negated: boolean };
type Node =
  | { kind: "set"; set: CharSet }
  | { kind: "group"; alternatives: Item[][] }
  | { kind: "empty" };
type Item = { node: Node; min: number; max: number };

class Unsupported extends Error {}

const range = (from: string, to = from): [number, number] => [
  from.codePointAt(0) ?? 0,
  to.codePointAt(0) ?? 0,
];
const DIGIT: [number, number][] = [range("0", "9")];
const WORD: [number, number][] = [range("a", "z"), range("A", "Z"), range("0", "9"), range("_")];
const SPACE: [number, number][] = [range(" "), range("\t"), range("\n"), range("\r")];
/** Characters tried, in order, for "any but ..." sets: readable ones first. */
const PREFERRED = [..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_. "].map(
  (c) => c.codePointAt(0) ?? 0,
);

class Parser {
  private at = 0;
  constructor(private readonly source: string) {}

  parse(): Item[][] {
    const alternatives = this.alternatives();
    if (this.at < this.source.length) throw new Unsupported("unbalanced )");
    return alternatives;
  }

  private peek(): string | undefined {
    return this.source[this.at];
  }

  private alternatives(): Item[][] {
    const list: Item[][] = [this.sequence()];
    while (this.peek() === "|") {
      this.at++;
      list.push(this.sequence());
    }
    return list;
  }

  private sequence(): Item[] {
    const items: Item[] = [];
    for (let c = this.peek(); c !== undefined && c !== "|" && c !== ")"; c = this.peek()) {
      const node = this.atom();
      items.push(this.quantified(node));
    }
    return items;
  }

  private atom(): Node {
    const c = this.source[this.at++] ?? "";
    if (c === "^" || c === "$") return { kind: "empty" };
    if (c === ".")
      return { kind: "set", set: { ranges: [range("\n"), range("\r")], negated: true } };
    if (c === "[") return { kind: "set", set: this.charClass() };
    if (c === "\\") return this.escape(false);
    if (c === "(") return this.group();
    if ("*+?{".includes(c) && c !== "{") throw new Unsupported(`nothing to repeat at ${this.at}`);
    return { kind: "set", set: { ranges: [range(c)], negated: false } };
  }

  private group(): Node {
    let lookaround = false;
    if (this.peek() === "?") {
      const head = this.source.slice(this.at, this.at + 3);
      if (head.startsWith("?:")) this.at += 2;
      else if (head.startsWith("?=") || head.startsWith("?!"))
        [this.at, lookaround] = [this.at + 2, true];
      else if (head === "?<=" || head === "?<!") [this.at, lookaround] = [this.at + 3, true];
      else if (head.startsWith("?<")) this.at = this.source.indexOf(">", this.at) + 1;
      else throw new Unsupported("group modifier");
    }
    const alternatives = this.alternatives();
    if (this.source[this.at++] !== ")") throw new Unsupported("unclosed group");
    return lookaround ? { kind: "empty" } : { kind: "group", alternatives };
  }

  private quantified(node: Node): Item {
    let min = 1;
    let max = 1;
    const c = this.peek();
    if (c === "*") [min, max] = [0, Number.POSITIVE_INFINITY];
    else if (c === "+") [min, max] = [1, Number.POSITIVE_INFINITY];
    else if (c === "?") [min, max] = [0, 1];
    else if (c === "{") {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(this.at));
      if (!m) {
        // A lone "{" is a literal outside the `u` flag; treat it as one.
        return { node, min, max };
      }
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] ? Number(m[3]) : Number.POSITIVE_INFINITY;
      this.at += m[0].length - 1;
    } else return { node, min, max };
    this.at++;
    if (this.peek() === "?" || this.peek() === "+") this.at++;
    return { node, min, max };
  }

  private escape(inClass: boolean): Node & { kind: "set" | "empty" } {
    const c = this.source[this.at++] ?? "";
    const set = (ranges: [number, number][], negated = false) => ({
      kind: "set" as const,
      set: { ranges, negated },
    });
    switch (c) {
      case "d":
        return set(DIGIT);
      case "D":
        return set(DIGIT, true);
      case "w":
        return set(WORD);
      case "W":
        return set(WORD, true);
      case "s":
        return set(SPACE);
      case "S":
        return set(SPACE, true);
      case "b":
        if (inClass) return set([[8, 8]]);
        return { kind: "empty" };
      case "B":
        return { kind: "empty" };
      case "t":
        return set([range("\t")]);
      case "n":
        return set([range("\n")]);
      case "r":
        return set([range("\r")]);
      case "f":
        return set([[12, 12]]);
      case "v":
        return set([[11, 11]]);
      case "0":
        return set([[0, 0]]);
      case "x": {
        const code = Number.parseInt(this.source.slice(this.at, this.at + 2), 16);
        this.at += 2;
        return set([[code, code]]);
      }
      case "u": {
        const braced = /^\{([0-9a-fA-F]+)\}/.exec(this.source.slice(this.at));
        const hex = braced ? (braced[1] ?? "") : this.source.slice(this.at, this.at + 4);
        this.at += braced ? braced[0].length : 4;
        const code = Number.parseInt(hex, 16);
        return set([[code, code]]);
      }
      case "p":
      case "P": {
        // Unicode property classes: a letter or digit satisfies the common ones (L, N, Alpha).
        const m = /^\{[^}]*\}/.exec(this.source.slice(this.at));
        this.at += m ? m[0].length : 0;
        const name = m?.[0] ?? "";
        const ranges = /N|Nd|Digit/.test(name) ? DIGIT : [range("a", "z")];
        return set(ranges, c === "P");
      }
      default:
        if (/[1-9]/.test(c)) throw new Unsupported("backreference");
        return set([range(c)]);
    }
  }

  private charClass(): CharSet {
    const negated = this.peek() === "^";
    if (negated) this.at++;
    const ranges: [number, number][] = [];
    let first = true;
    while (this.at < this.source.length && (this.peek() !== "]" || first)) {
      first = false;
      const from = this.classAtom();
      if (this.peek() === "-" && this.source[this.at + 1] !== "]" && from.length === 1) {
        this.at++;
        const to = this.classAtom();
        const [lo] = from[0] ?? [0, 0];
        const [hi] = to[0] ?? [lo, lo];
        ranges.push([lo, Math.max(lo, hi)]);
      } else {
        ranges.push(...from);
      }
    }
    if (this.source[this.at++] !== "]") throw new Unsupported("unclosed class");
    return { ranges, negated };
  }

  private classAtom(): [number, number][] {
    const c = this.source[this.at++] ?? "";
    if (c !== "\\") return [range(c)];
    const node = this.escape(true);
    if (node.kind !== "set" || node.set.negated) return [range("_")];
    return node.set.ranges;
  }
}

/** Members of a set worth showing, readable ones first; computed once per set. */
const readable = new WeakMap<CharSet, number[]>();

function pickChar(set: CharSet, seed: number): string {
  let choices = readable.get(set);
  if (!choices) {
    const inSet = (code: number) => set.ranges.some(([lo, hi]) => code >= lo && code <= hi);
    choices = set.negated ? PREFERRED.filter((code) => !inSet(code)) : PREFERRED.filter(inSet);
    if (choices.length === 0) {
      const [lo] = set.ranges[0] ?? [0x61, 0x61];
      choices = set.negated ? [0x7e] : [lo];
    }
    readable.set(set, choices);
  }
  return String.fromCodePoint(choices[seed % choices.length] ?? 0x61);
}

interface Plan {
  /** Extra repetitions above each quantifier's minimum. */
  extra: number;
  /** Which alternative of each `|` to take (first or last). */
  last: boolean;
  seed: number;
}

function render(alternatives: Item[][], plan: Plan, budget: { chars: number }): string {
  const chosen = (plan.last ? alternatives[alternatives.length - 1] : alternatives[0]) ?? [];
  let out = "";
  for (const { node, min, max } of chosen) {
    if (node.kind === "empty") continue;
    const count = Math.min(max, min + plan.extra);
    // Each pass adds a character or stops (a group that renders "" once always will), so
    // `{1000000000}` costs at most the character budget.
    for (let i = 0; i < count && budget.chars > 0; i++) {
      if (node.kind === "set") {
        out += pickChar(node.set, plan.seed + i);
        budget.chars--;
      } else {
        const part = render(node.alternatives, plan, budget);
        if (part === "") break;
        out += part;
      }
    }
  }
  return out;
}

const parsed = new Map<string, Item[][] | null>();

/**
 * Candidate strings for `pattern`, most natural first (each quantifier at its minimum plus
 * one, then longer ones for `minLength`). Empty when the pattern is beyond this generator.
 */
export function* patternCandidates(pattern: string, seed = 0): Generator<string> {
  let tree = parsed.get(pattern);
  if (tree === undefined) {
    try {
      tree = new Parser(pattern).parse();
    } catch {
      tree = null;
    }
    parsed.set(pattern, tree);
  }
  if (tree === null) return;
  const seen = new Set<string>();
  for (const extra of [1, 0, 2, 4, 8, 16, 32, 64, 256]) {
    for (const last of [false, true]) {
      const candidate = render(tree, { extra, last, seed }, { chars: 2048 });
      if (!seen.has(candidate)) yield candidate;
      seen.add(candidate);
    }
  }
}
