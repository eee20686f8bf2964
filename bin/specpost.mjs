#!/usr/bin/env node
// Runs the TypeScript CLI through tsx's loader, so `npm ci` alone gives a working
// `specpost` with no build step to forget.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../scripts/cli.ts");
process.exitCode = await main(process.argv.slice(2));
