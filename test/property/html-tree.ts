/**
 * A strict reader for the HTML ctwg writes, for property tests (no HTML parser is a dependency).
 * It accepts only well-formed markup: every `<` opens a tag or a comment, attributes are quoted,
 * every element is closed in order. Text from the data is escaped by Handlebars, so any `<` or
 * stray quote that escaped escaping makes it throw.
 */
export interface Element {
  tag: string;
  attributes: Record<string, string>;
  children: (Element | string)[];
}

const VOID = new Set(["meta", "col", "br", "img", "link", "input", "hr"]);
const TOKEN =
  /<!DOCTYPE html>|<!--[\s\S]*?-->|<\/([a-zA-Z][a-zA-Z0-9]*)>|<([a-zA-Z][a-zA-Z0-9]*)((?:\s+[a-zA-Z:-]+(?:="[^"<]*")?)*)\s*(\/?)>|([^<]+)|(<)/g;
const ATTRIBUTE = /([a-zA-Z:-]+)(?:="([^"]*)")?/g;

/** Parses a whole document into its root elements; throws at the first thing that is not well-formed. */
export function parseHtml(html: string): Element {
  const root: Element = { tag: "#document", attributes: {}, children: [] };
  const stack: Element[] = [root];
  for (const match of html.matchAll(TOKEN)) {
    const [token, closing, opening, attributes, selfClosing, text, stray] = match;
    const top = stack[stack.length - 1]!;
    if (stray !== undefined)
      throw new Error(`a "<" that opens no tag at offset ${match.index}: ${JSON.stringify(html.slice(match.index, match.index + 60))}`);
    if (text !== undefined) {
      // Handlebars writes ">" as &gt;: a bare one outside the style sheet was not escaped.
      if (top.tag !== "style" && text.includes(">"))
        throw new Error(`a bare ">" at offset ${match.index}: ${JSON.stringify(text.slice(0, 60))}`);
      top.children.push(text);
    } else if (closing !== undefined) {
      if (top.tag !== closing.toLowerCase()) throw new Error(`</${closing}> closes <${top.tag}> at offset ${match.index}`);
      stack.pop();
    } else if (opening !== undefined) {
      const element: Element = { tag: opening.toLowerCase(), attributes: {}, children: [] };
      for (const [, name, value] of (attributes ?? "").matchAll(ATTRIBUTE)) element.attributes[name!] = value ?? "";
      top.children.push(element);
      if (!selfClosing && !VOID.has(element.tag)) stack.push(element);
    } else if (!token.startsWith("<!")) throw new Error(`unexpected ${token}`);
  }
  if (stack.length !== 1)
    throw new Error(
      `unclosed: ${stack
        .slice(1)
        .map((e) => `<${e.tag}>`)
        .join(" ")}`,
    );
  return root;
}

/** Every element under `node` (itself included) that `test` accepts, in document order. */
export function findAll(node: Element, test: (element: Element) => boolean): Element[] {
  const found = test(node) ? [node] : [];
  for (const child of node.children) if (typeof child !== "string") found.push(...findAll(child, test));
  return found;
}

/** The element children of `node` with the given tag. */
export const childrenNamed = (node: Element, tag: string) =>
  node.children.filter((c): c is Element => typeof c !== "string" && c.tag === tag);
