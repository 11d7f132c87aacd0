/** A word in single quotes for bash and zsh: `it's` becomes `'it'\''s'`. */
export const singleQuoted = (text: string): string => `'${text.replace(/'/g, `'\\''`)}'`;

/** A name turned into a shell function name's part: `ctwg` stays, `my-tool` becomes `my_tool`. */
export const identifier = (name: string): string => name.replace(/[^A-Za-z0-9_]/g, "_");

/** A glob that matches an extension in any case: `yaml` becomes `[yY][aA][mM][lL]`. */
export const anyCase = (extension: string): string => extension.replace(/[A-Za-z]/g, (c) => `[${c.toLowerCase()}${c.toUpperCase()}]`);
