import type { Command } from "commander";
import { completionScript, COMPLETION_VALUES, readCompletionSpec, SHELLS, type Shell } from "../completion/index.js";
import { EXIT, type ExitCode } from "../exit-codes.js";
import type { Io } from "../io.js";
import { UsageError } from "../usage-error.js";

const isShell = (name: string): name is Shell => (SHELLS as readonly string[]).includes(name);

/**
 * `ctwg completion <shell>`: print the shell's completion script. The script is generated from the
 * program's commands and options as they are when it runs, so it never lags behind a new option.
 */
export function registerCompletion(program: Command, io: Io, setExit: (code: ExitCode) => void): void {
  const shells = `${SHELLS.slice(0, -1).join(", ")} or ${SHELLS[SHELLS.length - 1]}`;
  program
    .command("completion")
    .description(`print the shell completion script for ${shells}`)
    .argument("<shell>", SHELLS.join(", "))
    .addHelpText(
      "after",
      [
        "",
        "The script completes the commands, their options, the values of options that take one of a",
        "fixed set, and the years of the project's workplans/, without starting ctwg at each tab.",
        "",
        "Examples:",
        '  eval "$(ctwg completion bash)"                                in ~/.bashrc',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: zsh's own ${fpath[1]}, printed for the reader to type
        '  ctwg completion zsh > "${fpath[1]}/_ctwg"                     then start a new zsh',
        "  ctwg completion fish > ~/.config/fish/completions/ctwg.fish",
      ].join("\n"),
    )
    .action((shell: string) => {
      if (!isShell(shell)) throw new UsageError(`unknown shell "${shell}"; expected ${shells}`);
      io.stdout.write(completionScript(shell, readCompletionSpec(program, COMPLETION_VALUES)));
      setExit(EXIT.ok);
    });
}
