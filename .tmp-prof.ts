import { buildModel } from "./scripts/model/build";
import { specFromFile } from "./test/model/helpers";
const spec = specFromFile("node_modules/@readme/oas-examples/3.0/json/star-trek.json");
const t = performance.now();
const r = buildModel(spec, {});
console.log((performance.now() - t).toFixed(0));
