/** Line numbers (1-based) a minimal line diff removes from `before` and adds in `after`. */
export function lineDiff(before: string, after: string): { removed: number[]; added: number[] } {
  const a = before.split("\n");
  const b = after.split("\n");
  // Common prefix and suffix first: a regeneration changes a few lines of a few thousand.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const x = a.slice(start, endA);
  const y = b.slice(start, endB);
  // Longest common subsequence of what is left.
  const table = Array.from({ length: x.length + 1 }, () => new Array<number>(y.length + 1).fill(0));
  for (let i = x.length - 1; i >= 0; i--) {
    for (let j = y.length - 1; j >= 0; j--) {
      const row = table[i] as number[];
      row[j] =
        x[i] === y[j]
          ? ((table[i + 1] as number[])[j + 1] ?? 0) + 1
          : Math.max((table[i + 1] as number[])[j] ?? 0, row[j + 1] ?? 0);
    }
  }
  const removed: number[] = [];
  const added: number[] = [];
  let i = 0;
  let j = 0;
  while (i < x.length || j < y.length) {
    if (i < x.length && j < y.length && x[i] === y[j]) {
      i++;
      j++;
    } else if (
      j >= y.length ||
      (i < x.length && ((table[i + 1] as number[])[j] ?? 0) >= ((table[i] as number[])[j + 1] ?? 0))
    ) {
      removed.push(start + i + 1);
      i++;
    } else {
      added.push(start + j + 1);
      j++;
    }
  }
  return { removed, added };
}

/** First and last line (1-based) of the pretty-printed JSON object holding `"id": "<id>"`. */
export function blockOf(text: string, id: string): { first: number; last: number } {
  const lines = text.split("\n");
  const at = lines.findIndex((l) => l.trim() === `"id": "${id}",`);
  if (at < 0) throw new Error(`no object with id ${id}`);
  const idIndent = (lines[at] as string).search(/\S/);
  const open = idIndent - 2;
  let first = at;
  while (
    first > 0 &&
    !((lines[first] as string).search(/\S/) === open && lines[first]?.trim() === "{")
  ) {
    first--;
  }
  let last = at;
  const closes = (line: string) => /^\s*},?$/.test(line) && line.search(/\S/) === open;
  while (last < lines.length - 1 && !closes(lines[last] as string)) last++;
  return { first: first + 1, last: last + 1 };
}
