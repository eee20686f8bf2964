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

/** Moves the scanner to the value of `segment`; returns the offset that names it, or -1. */
function enterMember(scan: Scanner, segment: string): number {
  scan.pos++;
  for (;;) {
    scan.skipWhitespace();
    if (scan.peek() !== '"') return -1;
    const keyStart = scan.pos;
    const key = scan.readString();
    scan.skipWhitespace();
    scan.pos++; // ':'
    scan.skipWhitespace();
    if (key === segment) return keyStart;
    scan.skipValue();
    scan.skipWhitespace();
    if (scan.peek() !== ",") return -1;
    scan.pos++;
  }
}

function enterItem(scan: Scanner, segment: string): number {
  if (!/^(0|[1-9]\d*)$/.test(segment)) return -1;
  const wanted = Number(segment);
  scan.pos++;
  for (let index = 0; ; index++) {
    scan.skipWhitespace();
    if (scan.peek() === "]" || scan.pos >= scan.text.length) return -1;
    if (index === wanted) return scan.pos;
    scan.skipValue();
    scan.skipWhitespace();
    if (scan.peek() !== ",") return -1;
    scan.pos++;
  }
}

/**
 * Offset of the deepest existing node on the path: the key of an object member, the first
 * character of an array item, 0 for the root.
 */
export function jsonPointerOffset(text: string, segments: readonly string[]): number {
  const scan = new Scanner(text);
  let offset = 0;
  scan.skipWhitespace();
  for (const segment of segments) {
    const open = scan.peek();
    const found =
      open === "{" ? enterMember(scan, segment) : open === "[" ? enterItem(scan, segment) : -1;
    if (found < 0) break;
    offset = found;
  }
  return offset;
}
