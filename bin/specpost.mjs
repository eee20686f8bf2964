#!/usr/bin/env node
// Runs the prebuilt CLI (dist/, `npm run build`, made by `npm ci`) when it is at least as
// new as every source under scripts/; otherwise the TypeScript through tsx's loader, so a
// developer editing sources never runs a stale build and a clean clone always works.
import { freshBuild } from "../scripts/build/fresh.mjs";

const bundle = freshBuild("specpost.mjs");
let cli;
if (bundle) {
  cli = await import(bundle);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  cli = await import("../scripts/cli.ts");
}
process.exitCode = await cli.main(process.argv.slice(2));
