/**
 * The schema stage's names for JSON pointers; the one implementation is the loader's
 * (scripts/load/pointer.ts), so every stage reads `$ref`s the same way.
 */
import {
  escapeSegment,
  formatPointer,
  isObject,
  refSegments,
  valueAtPointer,
} from "../load/pointer";

export type Json = { [key: string]: unknown };

export const isJsonObject: (value: unknown) => value is Json = isObject;
export const escapeToken = escapeSegment;
/** Tokens of a local `$ref` (`#/a/b`), or undefined when it is not a local JSON pointer. */
export const refTokens = refSegments;
export const pointerOf = formatPointer;
/** The value at `tokens` inside `root`, or undefined when a step is missing. */
export const valueAt = valueAtPointer;
