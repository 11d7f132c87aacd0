import { readdirSync, readFileSync } from "node:fs";
import Handlebars from "handlebars";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { PACKAGE_ROOT } from "../package-root.js";

/** Where the templates live: `templates/` at the package root, beside `dist/` and `src/`. */
const TEMPLATES = pathToFileURL(join(PACKAGE_ROOT, "templates") + "/");

/**
 * Compiles a format's templates in a Handlebars environment of its own: `main.hbs` is the document,
 * every other `.hbs` in the folder is a partial named after its file.
 * Why strict: a field the view does not provide is a bug, and strict mode throws instead of printing
 * nothing. Why no helpers: templates only print what the view computed.
 */
export function compileTemplates(format: "markdown" | "html", options: { escape: boolean }): (view: object) => string {
  const env = Handlebars.create();
  const folder = new URL(`${format}/`, TEMPLATES);
  for (const name of readdirSync(folder)) {
    if (!name.endsWith(".hbs") || name === "main.hbs") continue;
    env.registerPartial(name.slice(0, -4), readFileSync(new URL(name, folder), "utf8"));
  }
  const main = env.compile(readFileSync(new URL("main.hbs", folder), "utf8"), {
    strict: true,
    noEscape: !options.escape,
  });
  return (view) => main(view);
}
