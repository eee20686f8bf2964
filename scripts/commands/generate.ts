import type { Io } from "./io";

// Placeholder until the generate command lands; it says so instead of pretending.
export async function generateCommand(_args: string[], io: Io): Promise<number> {
  io.stderr("specpost generate: not implemented yet\n");
  return 2;
}
