import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { PACKAGE_ROOT } from "../package-root.js";

/** A format's templates: main.hbs is the document, every other .hbs in its folder a partial. */
export type Format = "markdown" | "html";

type Render = (view: object) => string;
type HandlebarsModule = typeof import("handlebars");

// Why require: Handlebars and the precompiled templates are CommonJS, and loading them synchronously
// keeps every format's render a plain function.
const require = createRequire(import.meta.url);

/**
 * The templates of a format, in a Handlebars environment of their own. The build precompiles them
 * (dist/templates/), and then only Handlebars' runtime is loaded; running from the sources, they are
 * compiled here, with the same options.
 * Why strict: a field the view does not provide is a bug, and strict mode throws instead of printing
 * nothing. Why no helpers: templates only print what the view computed.
 */
export function compileTemplates(format: Format, options: { escape: boolean }): Render {
  const precompiled = join(PACKAGE_ROOT, "dist", "templates", `${format}.cjs`);
  if (!existsSync(precompiled)) return compileFromSources(format, options);
  const runtime = require("handlebars/runtime") as HandlebarsModule & { default?: HandlebarsModule };
  const { main, partials } = require(precompiled) as { main: object; partials: Record<string, object> };
  const env = (runtime.default ?? runtime).create();
  for (const [name, spec] of Object.entries(partials)) env.registerPartial(name, env.template(spec as never));
  return env.template(main as never);
}

/** The templates compiled from templates/ now, with the options the build precompiles them with. */
export function compileFromSources(format: Format, options: { escape: boolean }): Render {
  const Handlebars = require("handlebars") as HandlebarsModule;
  const env = Handlebars.create();
  const folder = join(PACKAGE_ROOT, "templates", format);
  for (const name of readdirSync(folder)) {
    if (!name.endsWith(".hbs") || name === "main.hbs") continue;
    env.registerPartial(name.slice(0, -4), readFileSync(join(folder, name), "utf8"));
  }
  return env.compile(readFileSync(join(folder, "main.hbs"), "utf8"), { strict: true, noEscape: !options.escape });
}
