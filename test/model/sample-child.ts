// Builds the model of the OpenAPI document given as JSON on stdin and prints the first
// operation's request body example and the problems: run in a child process so a test can
// give up on an endless loop (a hang) or a runaway allocation.
import { buildModel } from "../../scripts/model/build";
import { specOf } from "./helpers";

let input = "";
for await (const chunk of process.stdin) input += chunk;
const { model, problems } = buildModel(specOf(JSON.parse(input) as object), {});
const operation = model?.operations[0];
const example = operation?.requestBody?.example ?? operation?.parameters[0]?.example;
process.stdout.write(
  JSON.stringify({
    example,
    problems: problems.map(({ code, pointer, message }) => ({ code, pointer, message })),
    rssMb: Math.round(process.memoryUsage().rss / 1e6),
  }),
);
