/**
 * `$.items[0]['odd name']` → ["items", 0, "odd name"]. The schema has already checked the
 * syntax (BODY_PATH), so this only splits it.
 */
export function parseBodyPath(text: string): Array<string | number> {
  const steps: Array<string | number> = [];
  const step = /\.([A-Za-z_$][A-Za-z0-9_$-]*)|\[([0-9]+)\]|\['([^']*)'\]|\["([^"]*)"\]/g;
  for (const match of text.slice(1).matchAll(step)) {
    if (match[1] !== undefined) steps.push(match[1]);
    else if (match[2] !== undefined) steps.push(Number(match[2]));
    else steps.push(match[3] ?? match[4] ?? "");
  }
  return steps;
}
