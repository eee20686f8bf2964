import type { Io } from "./io";

// Placeholder until the run command lands; it says so instead of pretending.
export async function runCommand(_args: string[], io: Io): Promise<number> {
  io.stderr("specpost run: not implemented yet\n");
  return 2;
}
