import type { Argument, Command, Option } from "commander";

/**
 * What a word may be completed with. Workplans are the years of the project's workplans/ folder,
 * YAML files and folders; the scripts find the years themselves, so a tab never starts Node.
 */
export type ValueCompletion =
  | { kind: "none" }
  | { kind: "choices"; values: readonly string[] /** a comma-separated list (completes one value) */; list?: boolean }
  | { kind: "workplans" }
  | { kind: "files"; extensions?: readonly string[] }
  | { kind: "folders" }
  /** The program's command names (the argument of `help`); resolved while the tree is read. */
  | { kind: "commands" }
  /** An argument only the program passes (git's external-diff arguments): never offered. */
  | { kind: "hidden" };

/** The extensions of workplan files (in any case), which a workplan argument completes besides the years. */
export const WORKPLAN_EXTENSIONS: readonly string[] = ["yaml", "yml"];

export interface OptionSpec {
  /** `--format`, when the option has a long flag. */
  long?: string;
  /** `-f`, when the option has a short flag. */
  short?: string;
  description: string;
  /** The option takes a value (`--format <format>`); `optionalValue` when it may go without. */
  takesValue: boolean;
  optionalValue: boolean;
  values: ValueCompletion;
}

export interface ArgumentSpec {
  name: string;
  description: string;
  required: boolean;
  variadic: boolean;
  values: ValueCompletion;
}

export interface CommandSpec {
  name: string;
  description: string;
  options: OptionSpec[];
  /** The positional arguments in order; hidden ones are left out (only the last may be hidden). */
  arguments: ArgumentSpec[];
}

/** The program as the completion scripts see it: pure data, so the generators are pure functions. */
export interface CompletionSpec {
  /** The program's name, `ctwg`: the command completed and the prefix of the scripts' functions. */
  name: string;
  /** The program's own options, before the command (--version, --help, --root, …). */
  options: OptionSpec[];
  /** The program's options that also apply after a command: all but --help and --version. */
  globalOptions: OptionSpec[];
  commands: CommandSpec[];
  /** The option, among the program's, that names the project's root (where the years are). */
  rootOption?: string;
  /** What marks a project's root, and where in it the years are. */
  project: ProjectLayout;
}

/** A project's root is the nearest folder upward holding `configFile` or `workplansDir`; the years are in the latter. */
export interface ProjectLayout {
  configFile: string;
  workplansDir: string;
}

/**
 * The closed sets of values and the kinds of words commander does not know of. Keys are
 * `"command --option"` or `"--option"` (any command), and `"command argument"` or `"argument"`.
 */
export interface CompletionValues {
  options: Readonly<Record<string, ValueCompletion>>;
  arguments: Readonly<Record<string, ValueCompletion>>;
  /** What an option's value placeholder (`<file>`, `<dir>`) completes with, when no key above names it. */
  placeholders: Readonly<Record<string, ValueCompletion>>;
  /** The project-root option of the program, when it has one (`--root`). */
  rootOption?: string;
  project: ProjectLayout;
}

const NONE: ValueCompletion = { kind: "none" };

/** A name a script may use unquoted in a function name or a pattern. */
const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
const SAFE_FLAG = /^--?[A-Za-z0-9][A-Za-z0-9_-]*$/;

/** The first line of a description, as the shells show one line beside each candidate. */
const oneLine = (text: string) => (text.split("\n")[0] ?? "").trim();

/**
 * Reads the commander program into a completion spec: the visible commands (and the implicit
 * `help`), each one's visible options with their flags and whether they take a value, and its
 * positional arguments. What commander does not carry (closed sets of values, file kinds) comes
 * from `values`.
 */
export function readCompletionSpec(program: Command, values: CompletionValues): CompletionSpec {
  const help = program.createHelp();
  const commands = help.visibleCommands(program).filter((command) => SAFE_NAME.test(command.name()));
  const names = commands.map((command) => command.name());
  const resolve = (found: ValueCompletion): ValueCompletion => (found.kind === "commands" ? { kind: "choices", values: names } : found);

  const optionSpec = (command: string | undefined, option: Option): OptionSpec | undefined => {
    const long = option.long && SAFE_FLAG.test(option.long) ? option.long : undefined;
    const short = option.short && SAFE_FLAG.test(option.short) ? option.short : undefined;
    if (!long && !short) return undefined;
    const takesValue = option.required || option.optional;
    const placeholder = /[<[]([^>\]]+)[>\]]/.exec(option.flags)?.[1]?.replace(/\.\.\.$/, "");
    const keys = [long, short].filter((flag): flag is string => flag !== undefined);
    const named = [
      ...(command ? keys.map((flag) => values.options[`${command} ${flag}`]) : []),
      ...keys.map((flag) => values.options[flag]),
    ].find((found) => found !== undefined);
    const choices: ValueCompletion | undefined = option.argChoices ? { kind: "choices", values: option.argChoices } : undefined;
    const found = !takesValue
      ? NONE
      : (named ?? choices ?? (placeholder !== undefined ? values.placeholders[placeholder] : undefined) ?? NONE);
    return {
      ...(long ? { long } : {}),
      ...(short ? { short } : {}),
      description: oneLine(option.description ?? ""),
      takesValue,
      optionalValue: option.optional && !option.required,
      values: resolve(found),
    };
  };
  const optionsOf = (command: Command, name?: string) => help.visibleOptions(command).flatMap((option) => optionSpec(name, option) ?? []);

  const argumentSpec = (command: string, argument: Argument): ArgumentSpec => {
    const name = argument.name();
    const found =
      values.arguments[`${command} ${name}`] ??
      values.arguments[name] ??
      (argument.argChoices ? { kind: "choices", values: argument.argChoices } : { kind: "files" });
    return {
      name,
      description: oneLine(argument.description ?? ""),
      required: argument.required,
      variadic: argument.variadic,
      values: resolve(found),
    };
  };

  const options = optionsOf(program);
  const rootOption = values.rootOption && options.some((option) => option.long === values.rootOption) ? values.rootOption : undefined;
  return {
    name: program.name(),
    options,
    globalOptions: options.filter((option) => option.long !== "--help" && option.long !== "--version"),
    commands: commands.map((command) => {
      const args = command.registeredArguments.map((argument) => argumentSpec(command.name(), argument));
      // Hidden arguments are never offered; one can only be dropped where no argument follows it.
      while (args.at(-1)?.values.kind === "hidden") args.pop();
      return {
        name: command.name(),
        description: oneLine(command.summary() || command.description()),
        options: optionsOf(command, command.name()),
        arguments: args.map((argument) => (argument.values.kind === "hidden" ? { ...argument, values: NONE } : argument)),
      };
    }),
    ...(rootOption ? { rootOption } : {}),
    project: { ...values.project },
  };
}

/** Every flag an option answers to, long first. */
export const flagsOf = (option: OptionSpec): string[] => [option.long, option.short].filter((flag): flag is string => flag !== undefined);

/** The options a command accepts: its own, then the program's that apply after it. */
export function optionsAfter(spec: CompletionSpec, command: CommandSpec): OptionSpec[] {
  const own = new Set(command.options.flatMap(flagsOf));
  return [...command.options, ...spec.globalOptions.filter((option) => !flagsOf(option).some((flag) => own.has(flag)))];
}
