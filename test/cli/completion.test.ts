import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Command, Option } from "commander";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bashScript } from "../../src/cli/completion/bash.js";
import { fishScript } from "../../src/cli/completion/fish.js";
import { COMPLETION_VALUES, completionScript, readCompletionSpec, SHELLS, type CompletionSpec } from "../../src/cli/completion/index.js";
import type { CompletionValues } from "../../src/cli/completion/spec.js";
import { zshScript } from "../../src/cli/completion/zsh.js";
import { createProgram } from "../../src/cli/program.js";
import type { Io } from "../../src/cli/io.js";
import { FORMATTERS } from "../../src/diagnostics/formatters/index.js";
import { DIFF_FORMAT_IDS, findProjectRoot, FORMAT_IDS } from "../../src/index.js";
import { runCli } from "../support/cli.js";

const silent: Io = { stdout: { write: () => true }, stderr: { write: () => true }, env: {}, cwd: tmpdir() };
const ctwgSpec = () =>
  readCompletionSpec(
    createProgram(silent, () => {}),
    COMPLETION_VALUES,
  );
const has = (program: string) => spawnSync(program, ["--version"], { encoding: "utf8" }).status === 0;

/** A small program of its own: what a new command or option looks like to the generators. */
function toyProgram(): Command {
  const program = new Command("toy").option("--root <dir>", "the root").option("--quiet", "say less");
  program
    .command("make")
    .description("make things")
    .argument("[inputs...]", "what to make")
    .option("-k, --kind <kind>", "which kind")
    .option("--secret", "a flag people use")
    .addOption(new Option("--hidden-flag").hideHelp());
  program.command("ship").description("ship it: now").argument("<docx>", "the file").argument("[extra...]", "passed by a tool");
  program.command("internal", { hidden: true }).description("not for people");
  return program;
}
const toyValues: CompletionValues = {
  options: { "make --kind": { kind: "choices", values: ["big", "small"] } },
  arguments: {
    inputs: { kind: "workplans" },
    docx: { kind: "files", extensions: ["docx"] },
    "ship extra": { kind: "hidden" },
    "help command": { kind: "commands" },
  },
  placeholders: { dir: { kind: "folders" } },
  rootOption: "--root",
  project: { configFile: "toy.config.yaml", workplansDir: "plans" },
};

describe("the command tree the scripts are generated from", () => {
  it("holds every command of the program, and commander's implicit help", () => {
    const program = createProgram(silent, () => {});
    const spec = readCompletionSpec(program, COMPLETION_VALUES);
    expect(spec.name).toBe("ctwg");
    expect(spec.commands.map((c) => c.name)).toEqual([...program.commands.map((c) => c.name()), "help"]);
    expect(spec.commands.map((c) => c.name)).toContain("completion");
  });

  it("holds each command's options with their flags and whether they take a value", () => {
    const program = createProgram(silent, () => {});
    const spec = readCompletionSpec(program, COMPLETION_VALUES);
    for (const command of program.commands) {
      const options = spec.commands.find((c) => c.name === command.name())!.options;
      for (const option of command.options) {
        const found = options.find((o) => o.long === option.long);
        expect(found, `${command.name()} ${option.long}`).toBeDefined();
        expect(found!.short).toBe(option.short);
        expect(found!.takesValue).toBe(option.required || option.optional);
        expect(found!.description).toBe(option.description.split("\n")[0]);
      }
    }
    const lint = spec.commands.find((c) => c.name === "lint")!;
    expect(lint.options.find((o) => o.long === "--fix")).toMatchObject({ takesValue: false, values: { kind: "none" } });
    expect(spec.globalOptions.map((o) => o.long)).toEqual(["--root", "--no-color", "--verbose"]);
  });

  it("takes the closed sets of values from the lists the commands check against", () => {
    const spec = ctwgSpec();
    const values = (command: string, long: string) =>
      spec.commands.find((c) => c.name === command)!.options.find((o) => o.long === long)!.values;
    expect(values("lint", "--format")).toEqual({ kind: "choices", values: Object.keys(FORMATTERS) });
    expect(values("build", "--format")).toEqual({ kind: "choices", values: FORMAT_IDS, list: true });
    expect(values("diff", "--format")).toEqual({ kind: "choices", values: DIFF_FORMAT_IDS });
    expect(values("lint", "--fail-on")).toEqual({ kind: "choices", values: ["error", "warning", "info"] });
    expect(values("build", "--out")).toEqual({ kind: "folders" });
    expect(values("new", "--from")).toEqual({ kind: "workplans" });
    const completion = spec.commands.find((c) => c.name === "completion")!;
    expect(completion.arguments).toEqual([
      { name: "shell", description: "bash, zsh, fish", required: true, variadic: false, values: { kind: "choices", values: SHELLS } },
    ]);
    expect(spec.commands.find((c) => c.name === "build")!.arguments[0]).toMatchObject({
      name: "inputs",
      variadic: true,
      values: { kind: "workplans" },
    });
  });

  it("leaves out hidden commands, hidden options and internal arguments", () => {
    const spec = readCompletionSpec(toyProgram(), toyValues);
    expect(spec.commands.map((c) => c.name)).toEqual(["make", "ship", "help"]);
    const make = spec.commands.find((c) => c.name === "make")!;
    expect(make.options.map((o) => o.long)).toEqual(["--kind", "--secret", "--help"]);
    expect(spec.commands.find((c) => c.name === "ship")!.arguments.map((a) => a.name)).toEqual(["docx"]);
    expect(spec.commands.find((c) => c.name === "help")!.arguments[0]!.values).toEqual({
      kind: "choices",
      values: ["make", "ship", "help"],
    });
    for (const script of SHELLS.map((shell) => completionScript(shell, spec))) {
      expect(script).toContain("make");
      expect(script).toContain("big");
      expect(script).not.toContain("internal");
      expect(script).not.toContain("hidden-flag");
      expect(script).not.toContain("not for people");
    }
  });

  it("finds the project's root by the same markers as the commands do", () => {
    const { configFile, workplansDir } = ctwgSpec().project;
    const folder = mkdtempSync(join(tmpdir(), "ctwg-completion-root-"));
    try {
      mkdirSync(join(folder, "a", "b"), { recursive: true });
      writeFileSync(join(folder, configFile), "");
      expect(findProjectRoot(join(folder, "a", "b"))).toMatchObject({ root: folder, marker: "config" });
      mkdirSync(join(folder, "a", workplansDir));
      expect(findProjectRoot(join(folder, "a", "b"))).toMatchObject({ root: join(folder, "a"), marker: "workplans" });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe("the generators", () => {
  const spec: CompletionSpec = readCompletionSpec(toyProgram(), toyValues);

  it("write a new command and option into every script: nothing is listed by hand", () => {
    expect(bashScript(spec)).toContain("'make:--kind'|'make:-k') _toy_choices \"$cur\" 'big' 'small' ;;");
    expect(zshScript(spec)).toContain("'(--kind -k)--kind=[which kind]:kind:(big small)'");
    expect(fishScript(spec)).toContain("complete -c toy -n '__toy_using_command make' -s k -l kind -x -a 'big small' -d 'which kind'");
  });

  it("use the program's name and project layout", () => {
    expect(bashScript(spec)).toContain("complete -F _toy toy\n");
    expect(bashScript(spec)).toContain("! -f $dir/'toy.config.yaml' && ! -d $dir/'plans'");
    expect(zshScript(spec).startsWith("#compdef toy\n")).toBe(true);
    expect(fishScript(spec)).toContain(`"$dir"/'plans'/*.yaml`);
  });

  it("quote descriptions for each shell", () => {
    const quoting = readCompletionSpec(new Command("q").option("--odd <x>", 'it\'s [odd]: \\ and "so"'), toyValues);
    expect(zshScript(quoting)).toContain(`'--odd=[it'\\''s \\[odd\\]\\: \\\\ and "so"]:odd: '`);
    expect(fishScript(quoting)).toContain(`-d 'it\\'s [odd]: \\\\ and "so"'`);
  });
});

describe("ctwg completion", () => {
  it("prints each shell's script", async () => {
    for (const shell of SHELLS) {
      const result = await runCli(["completion", shell], tmpdir());
      expect(result.code).toBe(0);
      expect(result.stderr).toBe("");
      expect(result.stdout).toBe(completionScript(shell, ctwgSpec()));
    }
  });

  it("refuses an unknown shell with a usage error naming the three", async () => {
    const result = await runCli(["completion", "tcsh"], tmpdir());
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe('ctwg: unknown shell "tcsh"; expected bash, zsh or fish\n');
  });

  it("shows how to install each script in its help", async () => {
    const result = await runCli(["completion", "--help"], tmpdir());
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('eval "$(ctwg completion bash)"');
    // biome-ignore lint/suspicious/noTemplateCurlyInString: zsh's own ${fpath[1]}, as the help prints it
    expect(result.stdout).toContain('ctwg completion zsh > "${fpath[1]}/_ctwg"');
    expect(result.stdout).toContain("ctwg completion fish > ~/.config/fish/completions/ctwg.fish");
  });
});

/** A project with workplans/2017.yaml, a YAML file, a Word file and a subfolder, to complete in; the scripts are saved beside it. */
let project: string;
let scripts: string;
beforeAll(() => {
  scripts = mkdtempSync(join(tmpdir(), "ctwg-completion-scripts-"));
  for (const shell of SHELLS) writeFileSync(join(scripts, shell), completionScript(shell, ctwgSpec()));
  project = mkdtempSync(join(tmpdir(), "ctwg-completion-"));
  mkdirSync(join(project, "workplans"));
  mkdirSync(join(project, "sub"));
  for (const file of ["workplans/2017.yaml", "workplans/glossary.yaml", "notes.yaml", "redline.docx", "readme.txt"])
    writeFileSync(join(project, file), "");
});
afterAll(() => {
  rmSync(project, { recursive: true, force: true });
  rmSync(scripts, { recursive: true, force: true });
});

describe("the bash script in bash", () => {
  const script = () => completionScript("bash", ctwgSpec());

  /** COMPREPLY, sorted, after completing the last of `words` (an empty string for a new word) from `cwd`. */
  function complete(words: string[], cwd = project): string[] {
    const drive = `source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 )); COMPREPLY=(); _ctwg; printf '%s\\n' "\${COMPREPLY[@]}"`;
    const result = spawnSync("bash", ["--norc", "--noprofile", "-c", drive, "bash", join(scripts, "bash"), ...words], {
      cwd,
      encoding: "utf8",
      env: { PATH: process.env.PATH, HOME: project },
    });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    return result.stdout.split("\n").filter(Boolean).sort();
  }

  it("is valid bash", () => {
    expect(spawnSync("bash", ["-n"], { input: script() }).status).toBe(0);
  });

  it("completes the commands after ctwg", () => {
    expect(complete(["ctwg", ""])).toEqual(
      ["build", "calendar", "completion", "diff", "help", "import", "init", "lint", "new", "preview", "schema"].sort(),
    );
    expect(complete(["ctwg", "comp"])).toEqual(["completion"]);
    expect(complete(["ctwg", "--no-color", "li"])).toEqual(["lint"]);
  });

  it("completes a command's options", () => {
    expect(complete(["ctwg", "lint", "--f"])).toEqual(["--fail-on", "--fix", "--format"]);
    expect(complete(["ctwg", "build", "--no-"])).toEqual(["--no-color", "--no-timeline"]);
    expect(complete(["ctwg", "--v"])).toEqual(["--verbose", "--version"]);
  });

  it("completes the values of options with a fixed set", () => {
    expect(complete(["ctwg", "lint", "--format", ""])).toEqual(Object.keys(FORMATTERS).sort());
    expect(complete(["ctwg", "lint", "-f", "j"])).toEqual(["json", "junit"]);
    // --format=j: bash splits the word at "=".
    expect(complete(["ctwg", "lint", "--format", "=", "j"])).toEqual(["json", "junit"]);
    expect(complete(["ctwg", "lint", "--format", "="])).toEqual(Object.keys(FORMATTERS).sort());
    expect(complete(["ctwg", "lint", "--fail-on", ""])).toEqual(["error", "info", "warning"]);
    expect(complete(["ctwg", "diff", "2017", "--format", ""])).toEqual([...DIFF_FORMAT_IDS].sort());
    expect(complete(["ctwg", "build", "--format", "md,p"])).toEqual(["md,pdf"]);
    expect(complete(["ctwg", "completion", ""])).toEqual(["bash", "fish", "zsh"]);
    expect(complete(["ctwg", "help", "b"])).toEqual(["build"]);
  });

  it("completes years, YAML files and folders as inputs, from the root and from a subfolder", () => {
    expect(complete(["ctwg", "build", "20"])).toEqual(["2017"]);
    expect(complete(["ctwg", "build", "20"], join(project, "sub"))).toEqual(["2017"]);
    expect(complete(["ctwg", "lint", "2017", ""])).toEqual(["2017", "notes.yaml", "sub", "workplans"]);
    expect(complete(["ctwg", "build", "-o", "out", "--format", "md", "20"])).toEqual(["2017"]);
  });

  it("reads the years from the root given with --root, before or after the command", () => {
    const elsewhere = mkdtempSync(join(tmpdir(), "ctwg-elsewhere-"));
    try {
      expect(complete(["ctwg", "build", "20"], elsewhere)).toEqual([]);
      expect(complete(["ctwg", "--root", project, "build", "20"], elsewhere)).toEqual(["2017"]);
      expect(complete(["ctwg", "build", "--root", project, "20"], elsewhere)).toEqual(["2017"]);
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it("completes each positional argument by its kind, and nothing past the last", () => {
    expect(complete(["ctwg", "import", ""])).toEqual(["redline.docx", "sub", "workplans"]);
    expect(complete(["ctwg", "import", "redline.docx", "20"])).toEqual(["2017"]);
    expect(complete(["ctwg", "diff", "2017", "20"])).toEqual(["2017"]);
    expect(complete(["ctwg", "diff", "2017", "2017", ""])).toEqual([]);
    expect(complete(["ctwg", "new", ""])).toEqual([]);
    expect(complete(["ctwg", "build", "--out", ""])).toEqual(["sub", "workplans"]);
  });
});

describe("the zsh and fish scripts", () => {
  const zsh = () => completionScript("zsh", ctwgSpec());
  const fish = () => completionScript("fish", ctwgSpec());

  it("zsh: a #compdef file with a function per command and every option", () => {
    const script = zsh();
    expect(script.startsWith("#compdef ctwg\n")).toBe(true);
    expect(script).toContain("compdef _ctwg ctwg");
    for (const command of ctwgSpec().commands) {
      expect(script).toContain(`(${command.name}) _ctwg_command_${command.name} && ret=0 ;;`);
      for (const option of command.options) expect(script).toContain(`${option.long}${option.takesValue ? "=" : ""}[`);
    }
    expect(script).toContain(`:format:(${Object.keys(FORMATTERS).join(" ")})'`);
    expect(script).toContain(`:format:_values -s , value ${FORMAT_IDS.join(" ")}'`);
    expect(script).toContain("'1:shell:(bash zsh fish)'");
    expect(script).toContain("'*:inputs:_ctwg_workplans'");
  });

  it.skipIf(!has("zsh"))("zsh: valid zsh", () => {
    const result = spawnSync("zsh", ["-n"], { input: zsh(), encoding: "utf8" });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
  });

  it("fish: a complete line for every command and option", () => {
    const script = fish();
    for (const command of ctwgSpec().commands) {
      expect(script).toContain(`complete -c ctwg -n '__ctwg_needs_command' -a '${command.name}'`);
      for (const option of command.options)
        expect(script).toContain(
          `-n '__ctwg_using_command ${command.name}'${option.short ? ` -s ${option.short.slice(1)}` : ""} -l ${option.long!.slice(2)}`,
        );
    }
    expect(script).toContain(`-l format -x -a '${DIFF_FORMAT_IDS.join(" ")}'`);
    expect(script).toContain("complete -c ctwg -n '__ctwg_argument build 0 variadic' -a '(__ctwg_workplans)'");
  });

  describe.skipIf(!has("fish"))("fish: in fish", () => {
    function complete(line: string, cwd = project): string[] {
      const result = spawnSync("fish", ["--no-config", "-c", `source $argv[1]; complete -C $argv[2]`, join(scripts, "fish"), line], {
        cwd,
        encoding: "utf8",
      });
      expect(result.stderr).toBe("");
      return result.stdout
        .split("\n")
        .filter(Boolean)
        .map((l) => l.split("\t")[0]!)
        .sort();
    }

    it("is valid fish", () => {
      const result = spawnSync("fish", ["--no-config", "-n", join(scripts, "fish")], { encoding: "utf8" });
      expect(result.stderr).toBe("");
      expect(result.status).toBe(0);
    });

    it("completes commands, options, values and years", () => {
      expect(complete("ctwg comp")).toEqual(["completion"]);
      expect(complete("ctwg lint --f")).toEqual(["--fail-on", "--fix", "--format"]);
      expect(complete("ctwg lint --format ")).toEqual(Object.keys(FORMATTERS).sort());
      expect(complete("ctwg build 20", join(project, "sub"))).toEqual(["2017"]);
      expect(complete("ctwg import ")).toEqual(["redline.docx", "sub/", "workplans/"]);
      expect(complete("ctwg diff 2017 2017 ")).toEqual([]);
    });
  });
});
