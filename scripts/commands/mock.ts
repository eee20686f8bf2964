import type { Io } from "./io";

// Placeholder until the mock command lands; it says so instead of pretending.
export async function mockCommand(_args: string[], io: Io): Promise<number> {
  io.stderr("specpost mock: not implemented yet\n");
  return 2;
}
