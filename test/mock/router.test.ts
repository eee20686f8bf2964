import { describe, expect, it } from "vitest";
import { mock } from "./helpers";
import { inlineModel } from "./inline-model";

/** AWS on APIs.guru: one POST / per action, told apart by the X-Amz-Target header. */
const action = (name: string) => ({
  post: {
    operationId: name,
    parameters: [
      {
        name: "X-Amz-Target",
        in: "header",
        required: true,
        schema: { type: "string", enum: [`Planner.${name}`] },
      },
    ],
    responses: {
      "200": {
        description: "OK",
        content: { "application/json": { example: { action: name } } },
      },
    },
  },
});

const model = inlineModel({
  openapi: "3.0.3",
  info: { title: "Planner", version: "1" },
  servers: [{ url: "https://planner.example" }],
  paths: {
    "/#X-Amz-Target=Planner.CreatePlan": action("CreatePlan"),
    "/#X-Amz-Target=Planner.DeletePlan": action("DeletePlan"),
  },
});

describe("path keys that differ only by a fragment", () => {
  it.each(["CreatePlan", "DeletePlan"])(
    "POST / with X-Amz-Target Planner.%s reaches that operation, not a 404",
    async (name) => {
      const server = await mock(model);
      const response = await fetch(`${server.baseUrl}/`, {
        method: "POST",
        headers: { "X-Amz-Target": `Planner.${name}`, "content-type": "application/json" },
        body: "{}",
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ action: name });
    },
  );
});
