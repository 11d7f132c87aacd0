// pandoc and wkhtmltopdf, the conversions ctwg's builds are compared with: whether they are here.
import { firstLine, which } from "./executables.mjs";

export function findPandoc(tiny) {
  const path = which("pandoc");
  const wkhtmltopdf = which("wkhtmltopdf");
  const skipped = "skipped (--tiny)";
  return {
    path,
    version: path ? firstLine(path, ["--version"]) : undefined,
    wkhtmltopdf,
    wkhtmltopdfVersion: wkhtmltopdf ? firstLine(wkhtmltopdf, ["--version"]) : undefined,
    html: { available: Boolean(path) && !tiny, reason: tiny ? skipped : path ? "" : "pandoc is not installed" },
    pdf: {
      available: Boolean(path && wkhtmltopdf) && !tiny,
      reason: tiny ? skipped : !path ? "pandoc is not installed" : !wkhtmltopdf ? "wkhtmltopdf is not installed" : "",
    },
  };
}
