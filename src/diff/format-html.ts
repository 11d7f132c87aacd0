export function formatDiffHtml(..._args: unknown[]): string { return ""; }
