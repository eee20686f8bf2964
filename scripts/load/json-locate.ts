/**
 * Finds where a JSON pointer sits in JSON text without building a syntax tree: the values
 * off the path are skipped with a character scan, so locating one problem in a 10 MB spec
 * costs tens of milliseconds instead of a full YAML parse (seconds). Assumes the text is
 * valid JSON (JSON.parse accepted it).
 */

const QUOTE = 34;
const BACKSLASH = 92;

function isWhitespace(code: number): boolean {
  return code === 32 || code === 10 || code === 13 || code === 9;
}

class Scanner {
  pos = 0;
  constructor(readonly text: string) {
    if (text.charCodeAt(0) === 0xfeff) this.pos = 1;
  }

  skipWhitespace(): void {
    while (this.pos < this.text.length && isWhitespace(this.text.charCodeAt(this.pos))) this.pos++;
  }

  peek(): string {
    return this.text[this.pos] ?? "";
  }

  /** Index of the closing quote of the string starting at `start`. */
  private stringEnd(start: number): number {
    let i = start + 1;
    for (;;) {
      const end = this.text.indexOf('"', i);
      if (end < 0) return this.text.length;
      let backslashes = 0;
      for (let j = end - 1; this.text.charCodeAt(j) === BACKSLASH; j--) backslashes++;
      if (backslashes % 2 === 0) return end;
      i = end + 1;
    }
  }

  readString(): string {
    const end = this.stringEnd(this.pos);
    const raw = this.text.slice(this.pos + 1, end);
    const value = raw.includes("\\")
      ? (JSON.parse(this.text.slice(this.pos, end + 1)) as string)
      : raw;
    this.pos = end + 1;
    return value;
  }

  skipValue(): void {
    const text = this.text;
    const first = text.charCodeAt(this.pos);
    if (first === QUOTE) {
      this.pos = this.stringEnd(this.pos) + 1;
      return;
    }
    if (first === 123 || first === 91) {
      let depth = 0;
      for (let i = this.pos; i < text.length; i++) {
        const code = text.charCodeAt(i);
        if (code === QUOTE) i = this.stringEnd(i);
        else if (code === 123 || code === 91) depth++;
        else if (code === 125 || code === 93) {
          depth--;
          if (depth === 0) {
            this.pos = i + 1;
            return;
          }
        }
      }
      this.pos = text.length;
      return;
    }
    while (this.pos < text.length && !",}] \t\r\n".includes(text[this.pos] ?? "")) this.pos++;
  }
}

interface Member {
  /** Offset that names the member: its key, or the first character of an array item. */
  nameOffset: number;
  /** Offset of the member's value. */
  valueOffset: number;
}

/** Every member of the object or array whose value starts at `scan.pos`, scanned once. */
function indexContainer(scan: Scanner): Map<string, Member> {
  const members = new Map<string, Member>();
  const open = scan.peek();
  if (open !== "{" && open !== "[") return members;
  scan.pos++;
  for (let index = 0; ; index++) {
    scan.skipWhitespace();
    const next = scan.peek();
    if (next === "}" || next === "]" || next === "") return members;
    let nameOffset = scan.pos;
    let name = String(index);
    if (open === "{") {
      if (next !== '"') return members;
      nameOffset = scan.pos;
      name = scan.readString();
      scan.skipWhitespace();
      scan.pos++; // ':'
      scan.skipWhitespace();
    }
    // JSON.parse keeps the last of duplicate keys, and so does this map.
    members.set(name, { nameOffset, valueOffset: scan.pos });
    scan.skipValue();
    scan.skipWhitespace();
    if (scan.peek() !== ",") return members;
    scan.pos++;
  }
}

/**
 * A locator for one JSON text: each container on a located path is indexed once, so
 * locating the hundreds of problems a big spec may have costs about one pass over the text
 * per nesting level, not one pass per problem.
 */
export function createJsonLocator(text: string): (segments: readonly string[]) => number {
  const scan = new Scanner(text);
  scan.skipWhitespace();
  const root = scan.pos;
  const containers = new Map<number, Map<string, Member>>();
  const membersAt = (valueOffset: number): Map<string, Member> => {
    let members = containers.get(valueOffset);
    if (!members) {
      scan.pos = valueOffset;
      members = indexContainer(scan);
      containers.set(valueOffset, members);
    }
    return members;
  };
  return (segments) => {
    let offset = 0;
    let value = root;
    for (const segment of segments) {
      const member = membersAt(value).get(segment);
      if (!member) break;
      offset = member.nameOffset;
      value = member.valueOffset;
    }
    return offset;
  };
}
