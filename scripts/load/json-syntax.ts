/**
 * Explains why JSON.parse rejected a text: where the first error is and what to do about it.
 * V8's own messages lack a position for some errors and quote the whole input for others
 * (useless for a 10 MB file), so this runs a small validating scan, only after a failure.
 */

export interface JsonSyntaxError {
  offset: number;
  /** What is wrong and what to do, without a trailing period. */
  reason: string;
}

class SyntaxFound extends Error {
  constructor(
    readonly offset: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

class Validator {
  pos = 0;
  private lastComma = -1;
  private readonly stack: string[] = [];

  constructor(private readonly text: string) {
    if (text.charCodeAt(0) === 0xfeff) this.pos = 1;
  }

  private fail(offset: number, reason: string): never {
    throw new SyntaxFound(offset, reason);
  }

  private skipWhitespace(): void {
    for (;;) {
      const code = this.text.charCodeAt(this.pos);
      if (code !== 32 && code !== 10 && code !== 13 && code !== 9) return;
      this.pos++;
    }
  }

  private unexpected(expected: string): never {
    const c = this.text[this.pos];
    if (c === undefined) {
      const open = this.stack.at(-1);
      const closer = open === "{" ? "}" : open === "[" ? "]" : "";
      this.fail(
        this.pos,
        closer
          ? `the file ends before the closing "${closer}"; add the missing "${closer}" or remove the extra opening bracket`
          : "the file ends where a value was expected; the JSON is cut short",
      );
    }
    if ((c === "}" || c === "]") && this.lastComma >= 0) {
      this.fail(
        this.lastComma,
        `trailing comma before "${c}"; remove it (JSON allows no trailing commas)`,
      );
    }
    if (c === "'") this.fail(this.pos, "single quotes are not JSON; use double quotes");
    if (/[A-Za-z_$]/.test(c)) {
      const word = /[\w$]+/y;
      word.lastIndex = this.pos;
      const found = word.exec(this.text)?.[0] ?? c;
      this.fail(
        this.pos,
        `unexpected "${found}" where ${expected}; quote strings with double quotes`,
      );
    }
    const found = c === '"' ? "a string" : `"${c}"`;
    if (expected.includes('","')) {
      this.fail(this.pos, `${expected} but found ${found}; add the missing comma before it`);
    }
    this.fail(this.pos, `unexpected ${found} where ${expected}`);
  }

  private string(): void {
    const text = this.text;
    const start = this.pos;
    let i = start + 1;
    for (;;) {
      const c = text[i];
      if (c === undefined)
        this.fail(start, "this string is never closed; add the closing double quote");
      if (c === '"') break;
      if (c === "\\") {
        const e = text[i + 1] ?? "";
        if (e === "u" && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 6;
        else if ('"\\/bfnrt'.includes(e) && e !== "") i += 2;
        else this.fail(i, `invalid escape "\\${e}" in a string; write a backslash as "\\\\"`);
        continue;
      }
      if (c.charCodeAt(0) < 0x20) {
        this.fail(
          i,
          "raw control character (such as a line break or tab) inside a string; escape it (\\n, \\t)",
        );
      }
      i++;
    }
    this.pos = i + 1;
  }

  private value(): void {
    this.skipWhitespace();
    const c = this.text[this.pos];
    if (c === "{" || c === "[") {
      this.stack.push(c);
      this.pos++;
      this.skipWhitespace();
      const close = c === "{" ? "}" : "]";
      if (this.text[this.pos] === close) {
        this.stack.pop();
        this.pos++;
      } else if (c === "{") this.member();
      else this.value();
      return;
    }
    if (c === '"') {
      this.string();
      return;
    }
    for (const literal of ["true", "false", "null"]) {
      if (this.text.startsWith(literal, this.pos)) {
        this.pos += literal.length;
        return;
      }
    }
    NUMBER.lastIndex = this.pos;
    const number = NUMBER.exec(this.text);
    if (number && c !== undefined && /[-\d]/.test(c)) {
      this.pos += number[0].length;
      return;
    }
    this.unexpected("a value was expected");
  }

  private member(): void {
    this.skipWhitespace();
    if (this.text[this.pos] !== '"') this.unexpected("a double-quoted property name was expected");
    this.string();
    this.skipWhitespace();
    if (this.text[this.pos] !== ":") this.unexpected('":" was expected after the property name');
    this.pos++;
    this.value();
  }

  /** After a value: continue the enclosing container or close it. */
  private next(): boolean {
    this.lastComma = -1;
    this.skipWhitespace();
    const open = this.stack.at(-1);
    if (open === undefined) {
      if (this.pos < this.text.length) {
        this.fail(this.pos, "unexpected text after the end of the JSON document; remove it");
      }
      return false;
    }
    const c = this.text[this.pos];
    const close = open === "{" ? "}" : "]";
    if (c === ",") {
      this.lastComma = this.pos;
      this.pos++;
      if (open === "{") this.member();
      else this.value();
    } else if (c === close) {
      this.stack.pop();
      this.pos++;
    } else {
      this.unexpected(`"," or "${close}" was expected`);
    }
    return true;
  }

  run(): void {
    this.value();
    while (this.next()) {
      // every step either consumes input or throws
    }
  }
}

/** The first syntax error in `text`, or undefined when the scan finds none. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  try {
    new Validator(text).run();
    return undefined;
  } catch (error) {
    if (error instanceof SyntaxFound) return { offset: error.offset, reason: error.reason };
    return undefined;
  }
}
