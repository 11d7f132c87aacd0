import { randomBytes } from "node:crypto";

/**
 * The page the preview serves: the built HTML with a small script that listens to the server's
 * events and reloads. Why a nonce: the document's Content-Security-Policy forbids every script; the
 * preview allows exactly its own, and keeps everything else the document forbids.
 */
export function withReloadScript(html: string): string {
  const nonce = randomBytes(16).toString("base64");
  const policy = `default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'nonce-${nonce}'; connect-src 'self'; base-uri 'none'; form-action 'none'`;
  const script = `<script nonce="${nonce}">new EventSource("/events").addEventListener("reload", () => location.reload());</script>`;
  return html
    .replace(
      /<meta http-equiv="Content-Security-Policy" content="[^"]*">/,
      `<meta http-equiv="Content-Security-Policy" content="${policy}">`,
    )
    .replace(/<\/body>/, `${script}\n</body>`);
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** The page shown while the workplan has errors: the diagnostics as `ctwg lint` prints them. */
export function diagnosticsPage(file: string, report: string): string {
  return withReloadScript(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'">
<title>${escapeHtml(file)}: not built</title>
<style>
body { font: 14px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #111; }
h1 { font-size: 1.2rem; color: #9b1c1c; }
pre { background: #fdf3f3; border: 1px solid #e7b4b4; padding: 1rem; overflow-x: auto; font-size: 13px; }
</style>
</head>
<body>
<h1>${escapeHtml(file)} has errors; the preview updates when they are fixed</h1>
<pre class="diagnostics">${escapeHtml(report)}</pre>
</body>
</html>
`);
}
