import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The folder of ctwg's package.json: where `templates/` lives. Found by walking up from this module,
 * so it is the same whether the code runs from `dist/…` file by file or from a single bundled file.
 */
export const PACKAGE_ROOT: string = (() => {
  let folder = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(folder, "package.json");
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, "utf8")) as { name?: string }).name === "ctwg") return folder;
    const parent = dirname(folder);
    if (parent === folder) throw new Error("ctwg's package.json was not found above its code");
    folder = parent;
  }
})();
