import type { ApiModel, OperationModel, ParameterModel } from "../model/types";
import { withSecurityOverride } from "./security";
import type { OperationOverride, ResolvedOverrides } from "./types";

function withExamples(op: OperationModel, override: OperationOverride): OperationModel {
  const { examples } = override;
  const valueFor = (param: ParameterModel): { found: boolean; value?: unknown } => {
    if (param.in === "cookie") return { found: false };
    const given = examples[param.in] ?? {};
    const name =
      param.in === "header"
        ? Object.keys(given).find((k) => k.toLowerCase() === param.name.toLowerCase())
        : Object.hasOwn(given, param.name)
          ? param.name
          : undefined;
    return name === undefined ? { found: false } : { found: true, value: given[name] };
  };
  const parameters = op.parameters.map((param) => {
    const given = valueFor(param);
    if (!given.found) return param;
    return { ...param, example: given.value, exampleSource: "user" as const };
  });
  const base = override.security ? withSecurityOverride(op, override.security) : op;
  const next: OperationModel = { ...base, parameters };
  if (override.expect.length > 0) next.expectStatuses = [...override.expect];
  if (examples.body !== undefined && op.requestBody) {
    next.requestBody = { ...op.requestBody, example: examples.body, exampleSource: "user" };
  }
  return next;
}

/**
 * The model as the user wants it built: disabled operations left out, their example values in
 * place of the spec's (marked `user`: their `{{variables}}` are meant, and an optional
 * parameter given a value is sent). Everything that depends on the operations (contract
 * tests, the token script's skip list, the Auth checks) is then built from the same operations.
 */
export function applyModelOverrides(model: ApiModel, overrides: ResolvedOverrides): ApiModel {
  const byKey = new Map(overrides.operations.map((o) => [o.operationKey, o]));
  const operations = model.operations
    .filter((op) => byKey.get(op.key)?.disabled !== true)
    .map((op) => {
      const override = byKey.get(op.key);
      return override ? withExamples(op, override) : op;
    });
  return { ...model, operations, ...(overrides.chains ? { chains: overrides.chains } : {}) };
}
