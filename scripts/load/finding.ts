import type { Problem, ProblemCode, Severity } from "../problems";
import { formatPointer } from "./pointer";
import type { Source } from "./source";

/** A problem found in a parsed document, known by pointer segments until it is located. */
export interface Finding {
  code: ProblemCode;
  severity: Severity;
  segments: string[];
  message: string;
}

/** Where a finding in the (possibly bundled) document really lives. */
export interface Origin {
  source: Source;
  segments: string[];
}

export function locateFinding(origin: Origin, finding: Finding): Problem {
  const { line, column } = origin.source.position(origin.segments);
  return {
    code: finding.code,
    severity: finding.severity,
    message: finding.message,
    file: origin.source.display,
    pointer: formatPointer(origin.segments),
    line,
    column,
  };
}
