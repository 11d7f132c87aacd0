import { fileURLToPath } from "node:url";
import { expect } from "vitest";

const STYLE = /<style>\n([\s\S]*?)<\/style>/g;
const STYLESHEET = "test/fixtures/html/style.css";

/**
 * An HTML page as its golden file holds it: the stylesheet, the same in every page ctwg writes, is
 * cut out and checked once against `test/fixtures/html/style.css`, so a golden shows only what the
 * page itself says. Why: a style change would otherwise rewrite every HTML golden and bury the change
 * a reviewer needs to see.
 */
export async function expectHtmlGolden(html: string, golden: string): Promise<void> {
  const styles = [...html.matchAll(STYLE)];
  expect(styles, "the page has exactly one inline <style> block").toHaveLength(1);
  await expect(styles[0]![1]).toMatchFileSnapshot(fileURLToPath(new URL(`../../${STYLESHEET}`, import.meta.url)));
  await expect(html.replace(STYLE, `<style>\n/* ${STYLESHEET} */\n</style>`)).toMatchFileSnapshot(golden);
}
