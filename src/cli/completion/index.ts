import { bashScript } from "./bash.js";
import { fishScript } from "./fish.js";
import type { CompletionSpec } from "./spec.js";
import type { Shell } from "./values.js";
import { zshScript } from "./zsh.js";

export { readCompletionSpec, type CompletionSpec } from "./spec.js";
export { COMPLETION_VALUES, SHELLS, type Shell } from "./values.js";

const SCRIPTS: Record<Shell, (spec: CompletionSpec) => string> = { bash: bashScript, zsh: zshScript, fish: fishScript };

/** The completion script of a shell for the program the spec describes. */
export const completionScript = (shell: Shell, spec: CompletionSpec): string => SCRIPTS[shell](spec);
