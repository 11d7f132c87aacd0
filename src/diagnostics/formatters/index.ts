import { compact } from "./compact.js";
import type { Formatter } from "./formatter.js";
import { github } from "./github.js";
import { json } from "./json.js";
import { junit } from "./junit.js";
import { pretty } from "./pretty.js";
import { sarif } from "./sarif.js";

/** The diagnostic formats `--format` accepts. */
export const FORMATTERS: Record<string, Formatter> = { pretty, compact, json, github, sarif, junit };
