import type { ApiModel, OperationModel } from "../model/types";
import type { Report } from "./load";
import type { OperationOverride } from "./types";
import { describePath } from "./validate";

interface OrderContext {
  find(key: string): OperationModel | undefined;
  report: Report;
  staleMessage(key: string): string;
}

/** Folder of an operation as build.ts makes it; untagged operations stand alone. */
const groupOf = (op: OperationModel) => (op.tag === undefined ? `\u0000${op.key}` : op.tag);

/**
 * Where each operation runs as a rank (listed operations first, in the listed order, the rest
 * after in spec order), checking the `order` list. Folders run as a whole, so an order that
 * jumps between folders cannot be honoured exactly: that is a warning naming the two
 * operations that swap.
 */
export function checkRunOrder(
  order: readonly string[],
  model: ApiModel,
  operations: readonly OperationOverride[],
  ctx: OrderContext,
): Map<string, number> {
  const disabled = new Set(operations.filter((o) => o.disabled).map((o) => o.operationKey));
  const listed: OperationModel[] = [];
  const seen = new Map<string, string>();
  order.forEach((key, index) => {
    const at = ["order", String(index)];
    const op = ctx.find(key);
    if (!op) {
      ctx.report(at, "stale-override", "error", `${describePath(at)}: ${ctx.staleMessage(key)}`);
      return;
    }
    const first = seen.get(op.key);
    if (first !== undefined) {
      ctx.report(
        at,
        "invalid-override",
        "error",
        `${describePath(at)}: ${op.key} is already listed as '${first}'; list each operation once`,
      );
      return;
    }
    seen.set(op.key, key);
    if (disabled.has(op.key)) {
      ctx.report(
        at,
        "invalid-override",
        "error",
        `${describePath(at)}: ${op.key} is disabled, so it cannot run; remove it from order or enable it`,
      );
      return;
    }
    listed.push(op);
  });

  const rank = new Map<string, number>();
  const rankOf = new Map<string, number>();
  for (const [index, op] of listed.entries()) rankOf.set(op.key, index);
  for (const [index, op] of model.operations.entries()) {
    if (!rankOf.has(op.key)) rankOf.set(op.key, listed.length + index);
  }
  for (const op of model.operations) {
    if (!disabled.has(op.key)) rank.set(op.key, rankOf.get(op.key) ?? 0);
  }

  // Run order as the collection will have it: groups by their best rank, members by rank.
  const groupRank = new Map<string, number>();
  for (const op of model.operations) {
    const r = rankOf.get(op.key) ?? 0;
    groupRank.set(groupOf(op), Math.min(groupRank.get(groupOf(op)) ?? r, r));
  }
  const runs = [...listed].sort(
    (a, b) =>
      (groupRank.get(groupOf(a)) ?? 0) - (groupRank.get(groupOf(b)) ?? 0) ||
      (rankOf.get(a.key) ?? 0) - (rankOf.get(b.key) ?? 0),
  );
  const swapped = runs.findIndex((op, index) => op !== listed[index]);
  const early = runs[swapped];
  const late = listed[swapped];
  if (swapped >= 0 && early && late) {
    ctx.report(
      ["order"],
      "invalid-override",
      "warning",
      `order lists ${late.key} before ${early.key}, but ${early.key} runs first: requests run ` +
        `folder by folder${early.tag ? ` (folder '${early.tag}' comes first)` : ""}; list the operations of one folder together`,
    );
  }
  return rank;
}
