import { resolve } from "node:path";
import { writeFileAtomic } from "../emit/write-artifacts.js";

/** Writes a report (`lint --output`, `diff --output`) whole or not at all, like every output. */
export async function writeReport(file: string, text: string, options: { cwd?: string } = {}): Promise<void> {
  await writeFileAtomic(resolve(options.cwd ?? process.cwd(), file), text);
}
