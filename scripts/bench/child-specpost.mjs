// One specpost generation in a fresh process, started the way bin/specpost.mjs starts the
// CLI (tsx's loader registered in-process), so the figures include what users pay.
import { register } from "tsx/esm/api";

register();
await import("./child-specpost.ts");
