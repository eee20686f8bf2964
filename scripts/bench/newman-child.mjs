// One Newman benchmark run in a fresh process, started the way bin/specpost.mjs starts the
// CLI (the prebuilt dist/ bundle when fresh, else tsx's loader registered in-process), so the
// figures include what users pay.
import { freshBuild } from "../build/fresh.mjs";

const bundle = freshBuild("bench/newman-child.mjs");
if (bundle) {
  await import(bundle);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import("./newman-child.ts");
}
