/** JSON pointers as `$ref`s write them: `#/components/schemas/Pet`, tokens `~`-escaped, maybe %-encoded. */

export type Json = { [key: string]: unknown };

export const isJsonObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

export function escapeToken(token: string): string {
  // Most tokens need nothing: skip the two regex passes for them.
  if (!token.includes("~") && !token.includes("/")) return token;
  return token.replace(/~/g, "~0").replace(/\//g, "~1");
}

export function unescapeToken(token: string): string {
  if (!token.includes("~")) return token;
  return token.replace(/~1/g, "/").replace(/~0/g, "~");
}

/** Tokens of a local `$ref` (`#/a/b`), or undefined when it is not a local JSON pointer. */
export function refTokens(ref: string): string[] | undefined {
  if (!ref.startsWith("#")) return undefined;
  let fragment = ref.slice(1);
  if (fragment.includes("%")) {
    try {
      fragment = decodeURIComponent(fragment);
    } catch {
      return undefined;
    }
  }
  if (fragment === "") return [];
  // `#foo` is a plain-name anchor (3.1), not a pointer: nothing we can follow.
  if (!fragment.startsWith("/")) return undefined;
  return fragment.slice(1).split("/").map(unescapeToken);
}

export const pointerOf = (tokens: readonly string[]): string =>
  tokens.length === 0 ? "#" : `#/${tokens.map(escapeToken).join("/")}`;

/** The value at `tokens` inside `root`, or undefined when a step is missing. */
export function valueAt(root: unknown, tokens: readonly string[]): unknown {
  let node = root;
  for (const token of tokens) {
    if (Array.isArray(node)) {
      if (!/^(0|[1-9]\d*)$/.test(token)) return undefined;
      node = node[Number(token)];
    } else if (isJsonObject(node) && Object.hasOwn(node, token)) {
      node = node[token];
    } else {
      return undefined;
    }
  }
  return node;
}
