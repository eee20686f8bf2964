import type { JsonObject } from "../resolve";
import { asNumber } from "./env";
import { numberForName } from "./names";
import { isMultipleOf, numberBounds } from "./scalars";

const INT32: [number, number] = [-(2 ** 31), 2 ** 31 - 1];

/** Candidate numbers for a schema, most natural first; the caller keeps the first valid one. */
export function* numberCandidates(
  schema: JsonObject,
  integer: boolean,
  hint: unknown,
  name: string | undefined,
  variant: number,
): Generator<number> {
  let { lo, loEx, hi, hiEx } = numberBounds(schema);
  if (schema.format === "int32") {
    if (lo === undefined || lo < INT32[0]) [lo, loEx] = [INT32[0], false];
    if (hi === undefined || hi > INT32[1]) [hi, hiEx] = [INT32[1], false];
  }
  const step = asNumber(schema.multipleOf) ?? (integer ? 1 : undefined);
  const within = (n: number) =>
    Number.isFinite(n) &&
    (!integer || Number.isInteger(n)) &&
    (lo === undefined || (loEx ? n > lo : n >= lo)) &&
    (hi === undefined || (hiEx ? n < hi : n <= hi)) &&
    (step === undefined || isMultipleOf(n, step));
  const shift = (n: number) => n + variant * (step ?? 1);
  if (typeof hint === "number" && variant === 0) yield hint;
  const named = numberForName(name);
  const start = named ?? (integer || step !== undefined ? 0 : 0.5);
  for (const base of [start, 0]) {
    if (within(shift(base))) yield shift(base);
  }
  // Nearest allowed value above the lower bound (or below the upper one).
  const anchor = lo ?? (hi !== undefined ? Math.min(hi, 0) : 0);
  if (step !== undefined && step > 0) {
    const decimals = decimalsOf(step);
    // Walk up from the lower bound, or down from the upper one when only that is set.
    const down = lo === undefined && hi !== undefined;
    const first = down ? Math.floor(anchor / step) - variant : Math.ceil(anchor / step) + variant;
    for (let i = 0; i < 64; i++) {
      const n = round((down ? first - i : first + i) * step, decimals);
      if (within(n)) {
        yield n;
        return;
      }
    }
  }
  const candidates = [anchor, anchor + 1, Math.floor(anchor) + 1, anchor + 0.5];
  if (lo !== undefined && hi !== undefined)
    candidates.push((lo + hi) / 2, Math.floor((lo + hi) / 2), Math.ceil(lo));
  if (hi !== undefined) candidates.push(hi, hi - 1, Math.floor(hi), Math.ceil(hi) - 1);
  for (const n of candidates) {
    const value = integer ? Math.round(n) : n;
    if (within(shift(value))) yield shift(value);
    if (within(value)) yield value;
  }
  yield integer ? Math.round(anchor) : anchor;
}

function decimalsOf(n: number): number {
  const text = String(n);
  if (text.includes("e-")) return Number(text.split("e-")[1]);
  return text.includes(".") ? (text.split(".")[1]?.length ?? 0) : 0;
}

const round = (n: number, decimals: number): number => Number(n.toFixed(Math.min(decimals, 100)));
