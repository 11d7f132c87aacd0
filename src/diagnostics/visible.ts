/**
 * Every control character: C0 (tab and line feed included), DEL, and C1. Why C1 too: U+009B is CSI,
 * which many terminals read as `ESC [`, and U+0085 breaks a line.
 */
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;

/** What XML 1.0 cannot hold even as a reference (C0 but tab, LF and CR; U+FFFE, U+FFFF; lone surrogates), and C1. */
const NOT_FOR_XML =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * `\u{1b}` for ESC: the escape JavaScript and Rust write. Why this notation: it is ASCII, so any
 * terminal and any XML parser shows it; it names the exact code point; and C1 characters, which have
 * no Unicode control pictures, are written the same way as C0 ones.
 */
export const escapedCharacter = (character: string) => `\\u{${character.charCodeAt(0).toString(16)}}`;

/**
 * Text with its control characters written out (`\u{1b}`), for anything printed to a terminal: a
 * message, a path, a line of source. Why: ESC starts the sequences that retitle a window or clear
 * a screen, CR prints over what came before, and a line feed would split one diagnostic in two.
 * `keep` names the ones a format handles itself: GitHub's commands escape line breaks as `%0A`.
 */
export const visible = (text: string, keep = "") => text.replace(CONTROLS, (c) => (keep.includes(c) ? c : escapedCharacter(c)));

/**
 * Text with what XML 1.0 cannot hold written out, C1 too; tab, LF and CR stay for the XML writer to
 * escape. Why written out and not dropped: the report then still says which character was there.
 */
export const visibleForXml = (text: string) => text.replace(NOT_FOR_XML, escapedCharacter);

/** How many columns a character (one UTF-16 unit) takes once made visible. */
export const visibleWidth = (character: string) => (CONTROL.test(character) ? escapedCharacter(character).length : 1);

/** DEL and C1, which JSON may carry raw. */
const RAW_IN_JSON = /[\u007f-\u009f]/g;

/**
 * JSON text with DEL and C1 written as `\u009b`, the escapes JSON itself has, so the value read back
 * is the same. Why: `JSON.stringify` escapes C0 only, and U+009B is CSI to many terminals, where a
 * report is often shown with `cat`.
 */
export const jsonForTerminal = (json: string) => json.replace(RAW_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
