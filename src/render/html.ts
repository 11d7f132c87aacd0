import { compileTemplates } from "./handlebars-env.js";
import type { OutputFormat } from "./format.js";

/** One self-contained HTML file: styles inline, no scripts, no external loads; Handlebars escapes every field. */
export const html: OutputFormat = {
  id: "html",
  extension: "html",
  render: (view) => renderTemplate()(view),
};

let template: ((view: object) => string) | undefined;
const renderTemplate = () => (template ??= compileTemplates("html", { escape: true }));
