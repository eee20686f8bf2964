import { STATUS_CODES } from "node:http";
import type { OperationModel } from "../model/types";
import { exampleText, previewLanguage } from "./body";
import { type IdSource, idKeys } from "./ids";
import type { PostmanRequest, PostmanResponse } from "./types";

/** `200` → 200, `4XX` → 400; `default` has no code a saved response could show. */
export function statusCode(status: string): number | undefined {
  if (/^[1-5]\d\d$/.test(status)) return Number(status);
  if (/^[1-5]xx$/i.test(status)) return Number(status[0]) * 100;
  return undefined;
}

function firstLine(text: string, max = 80): string {
  const line = (text.split("\n")[0] ?? "").trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** Saved example responses: only what the spec's own examples say, never generated data. */
export function savedResponses(
  operation: OperationModel,
  originalRequest: PostmanRequest,
  ids: IdSource,
): PostmanResponse[] {
  const saved: PostmanResponse[] = [];
  for (const response of operation.responses) {
    const code = statusCode(response.status);
    if (code === undefined) continue;
    const withExamples = response.contents.filter((c) => c.example !== undefined);
    for (const content of withExamples) {
      const label = firstLine(response.description) || STATUS_CODES[code] || "";
      const suffix = withExamples.length > 1 ? ` (${content.contentType})` : "";
      saved.push({
        id: ids.of(idKeys.response(operation.key, response.status, content.contentType)),
        name: `${response.status} ${label}${suffix}`.trim(),
        originalRequest,
        status: STATUS_CODES[code] ?? "",
        code,
        _postman_previewlanguage: previewLanguage(content.contentType),
        header: [{ key: "Content-Type", value: content.contentType }],
        cookie: [],
        body: exampleText(content.example, content.contentType),
      });
    }
  }
  return saved;
}
