/**
 * Arazzo runtime expressions this tool resolves inside Postman (Arazzo 1.0.1 §4.8, subset):
 * `$url`, `$method`, `$statusCode`, `$request.{header,query,path}.x`, `$request.body#/…`,
 * `$response.header.x`, `$response.body#/…`, `$inputs.x`, `$outputs.x`,
 * `$steps.s.outputs.x`, `$workflows.w.outputs.x` (the last four may add `#/pointer`).
 */
const NAME = "[A-Za-z0-9_.\\-]+";
const ID = "[A-Za-z0-9_\\-]+";
const POINTER = "(#(/[^\\s{}]*)?)?";
const EXPRESSION = new RegExp(
  [
    "\\$(url|method|statusCode)",
    `\\$request\\.(header|query|path)\\.[^\\s{}]+`,
    `\\$request\\.body${POINTER}`,
    `\\$response\\.header\\.[^\\s{}]+`,
    `\\$response\\.body${POINTER}`,
    `\\$(inputs|outputs)\\.${NAME}${POINTER}`,
    `\\$steps\\.${ID}\\.outputs\\.${NAME}${POINTER}`,
    `\\$workflows\\.${ID}\\.outputs\\.${NAME}${POINTER}`,
  ]
    .map((alternative) => `(${alternative})`)
    .join("|"),
);
const WHOLE = new RegExp(`^(${EXPRESSION.source})$`);

export const isExpression = (text: string): boolean => WHOLE.test(text);

const MAX_EMBEDDED = 50;

/** `Bearer {$inputs.token}` → ["$inputs.token"]: the expressions a string embeds in braces. */
export function embeddedExpressions(text: string): string[] {
  const out: string[] = [];
  const pattern = /\{(\$[^{}]+)\}/g;
  for (
    let m = pattern.exec(text);
    m !== null && out.length < MAX_EMBEDDED;
    m = pattern.exec(text)
  ) {
    if (m[1] !== undefined) out.push(m[1]);
  }
  return out;
}

/** The step a `$steps.s.outputs.x` expression reads, if that is what it is. */
export const stepOf = (expression: string): string | undefined =>
  /^\$steps\.([A-Za-z0-9_-]+)\./.exec(expression)?.[1];

/** Every expression a value uses, whole or embedded (objects walked, bounded). */
export function expressionsIn(value: unknown, depth = 0): string[] {
  if (depth > 16) return [];
  if (typeof value === "string") {
    if (value.startsWith("$")) return [value.trim()];
    return embeddedExpressions(value);
  }
  if (Array.isArray(value)) return value.flatMap((v) => expressionsIn(v, depth + 1));
  if (value !== null && typeof value === "object") {
    return Object.values(value).flatMap((v) => expressionsIn(v, depth + 1));
  }
  return [];
}
