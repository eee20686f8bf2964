// One Newman benchmark run in a fresh process (tsx registered as bin/specpost.mjs does).
import { register } from "tsx/esm/api";

register();
await import("./newman-child.ts");
