import { compact } from "./compact.js";
import type { Formatter } from "./formatter.js";
import { json } from "./json.js";
import { pretty } from "./pretty.js";

/** The diagnostic formats `--format` accepts. */
export const FORMATTERS: Record<string, Formatter> = { pretty, compact, json };
