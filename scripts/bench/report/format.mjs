// How figures and tables are written in the report.

/** Milliseconds as printed: one decimal under 100 ms, whole above. */
export function ms(value) {
  if (value === undefined || Number.isNaN(value)) return "—";
  return Math.abs(value) < 100 ? value.toFixed(1) : Math.round(value).toLocaleString("en-US");
}
export const mb = (kb) => (kb === undefined ? "—" : (kb / 1024).toFixed(0));
export const ratio = (value) => (value === undefined ? "—" : `${value.toFixed(2)}×`);
export const bytes = (n) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(2)} MiB` : `${(n / 1024).toFixed(1)} KiB`);
export const yesNo = (ok) => (ok === undefined ? "—" : ok ? "✓" : "✗");

/** A command's min / median / max wall time in ms, or dashes when it was not run. */
export const timeCells = (s) => (s ? [ms(s.stats.min), ms(s.stats.median), ms(s.stats.max)] : ["—", "—", "—"]);
/** A command's median CPU time in ms, or a dash when it was not measured. */
export const cpuCell = (s) => ms(s?.cpuStats?.median);

/** A Markdown table; columns are right-aligned (figures) unless `align` says "l". */
export function table(head, rows, align) {
  const line = (cells) => `| ${cells.join(" | ")} |`;
  return [line(head), line(head.map((_, i) => (align?.[i] === "l" ? "---" : "---:"))), ...rows.map(line)].join("\n");
}
