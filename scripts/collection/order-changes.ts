/** The run-order part of the change summary (changes.ts). */

const MAX_MOVES = 5;
const MAX_ORDER_COMPARE = 1500;

/**
 * Requests that run at another place than before, as `X now after Y`: those outside the
 * longest common run order of the two files (what a reviewer would call "moved").
 */
export function orderMoves<T>(
  before: readonly T[],
  after: readonly T[],
  idOf: (item: T) => string,
  name: (item: T) => string,
): string[] {
  const kept = new Set(after.map((i) => idOf(i)));
  const a = before.map((i) => idOf(i)).filter((id) => kept.has(id));
  const common = new Set(a);
  const items = after.filter((i) => common.has(idOf(i)));
  const b = items.map((i) => idOf(i));
  if (a.length === b.length && a.every((id, i) => id === b[i])) return [];
  if (a.length > MAX_ORDER_COMPARE) return ["changed"];
  // Longest common subsequence, by rows of lengths (bounded above).
  const rows: number[][] = [];
  for (let i = a.length; i >= 0; i--) {
    const row: number[] = [];
    for (let j = b.length; j >= 0; j--) {
      row[j] =
        i === a.length || j === b.length
          ? 0
          : a[i] === b[j]
            ? (rows[0]?.[j + 1] ?? 0) + 1
            : Math.max(rows[0]?.[j] ?? 0, row[j + 1] ?? 0);
    }
    rows.unshift(row);
  }
  const stays = new Set<string>();
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) {
      stays.add(a[i] ?? "");
      i++;
      j++;
    } else if ((rows[i + 1]?.[j] ?? 0) >= (rows[i]?.[j + 1] ?? 0)) i++;
    else j++;
  }
  const moved = items.flatMap((item, index) => {
    if (stays.has(idOf(item))) return [];
    const previous = items[index - 1];
    return [previous ? `${name(item)} now after ${name(previous)}` : `${name(item)} now first`];
  });
  const shown = moved.slice(0, MAX_MOVES);
  if (moved.length > MAX_MOVES) shown.push(`${moved.length - MAX_MOVES} more moved`);
  return shown;
}
