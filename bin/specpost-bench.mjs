#!/usr/bin/env node
// `npm run bench`: runs the TypeScript benchmark harness through tsx's loader, like
// bin/specpost.mjs, so a clean clone needs nothing but `npm ci`.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../scripts/bench/main.ts");
process.exitCode = await main(process.argv.slice(2));
