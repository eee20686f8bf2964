import type { OperationSecurity } from "../model/security-types";
import type { OperationModel } from "../model/types";
import type { Report } from "./load";
import type { SecurityOverride } from "./types";
import { describePath } from "./validate";

const names = (security: OperationSecurity | undefined, index: number | undefined) =>
  index === undefined
    ? []
    : (security?.alternatives[index]?.schemes ?? []).map((s) => s.scheme.name);

/** Checks a `security:` override against the operation's requirement; reports what does not fit. */
export function checkSecurityOverride(
  op: OperationModel,
  input: SecurityOverride,
  at: string[],
  report: Report,
): void {
  const security = op.security;
  const count = security?.alternatives.length ?? 0;
  const place = [...at, "security"];
  const index = resolveUse(security, input.use);
  if (input.use !== undefined && index === undefined) {
    report(
      [...place, "use"],
      "stale-override",
      "error",
      input.use === "none"
        ? `${describePath([...place, "use"])}: ${op.key}'s security has no {} alternative; use off: [...] to leave schemes out`
        : `${describePath([...place, "use"])}: ${op.key}'s security has ${count} alternative(s), numbered from 0`,
    );
    return;
  }
  const sent = names(security, index ?? security?.chosen);
  for (const scheme of input.off ?? []) {
    if (sent.includes(scheme)) continue;
    report(
      [...place, "off"],
      "stale-override",
      "error",
      `${describePath([...place, "off"])}: ${op.key} does not send scheme '${scheme}'${sent.length > 0 ? ` (it sends ${sent.join(", ")})` : ""}; remove it`,
    );
  }
}

function resolveUse(
  security: OperationSecurity | undefined,
  use: SecurityOverride["use"],
): number | undefined {
  if (!security || use === undefined) return undefined;
  if (use === "none") {
    const optional = security.alternatives.findIndex((r) => r.schemes.length === 0);
    return optional >= 0 ? optional : undefined;
  }
  return use < security.alternatives.length ? use : undefined;
}

/** The operation with the user's choice applied (checked beforehand by checkSecurityOverride). */
export function withSecurityOverride(op: OperationModel, input: SecurityOverride): OperationModel {
  const security = op.security;
  if (!security) return op;
  const chosen = resolveUse(security, input.use) ?? security.chosen;
  const off = input.off ?? [];
  const next: OperationSecurity = {
    ...security,
    ...(chosen !== undefined && { chosen }),
    reason: "override",
    ...(off.length > 0 && { off: [...off] }),
  };
  const sent = names(next, chosen).filter((name) => !off.includes(name));
  return { ...op, security: next, secured: sent.length > 0 };
}
