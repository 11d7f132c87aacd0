// The report's "--watch" section: each save, and how long until the documents were new.
import { ms, table } from "./format.mjs";

export function watchSection({ watch }) {
  const L = ["## `--watch`", ""];
  L.push(
    "`ctwg build 2017 --watch --format md,html` runs as a child process in a temporary copy; the benchmark saves the plan " +
      `(a real edit, \"21-22 February\" ⇄ \"20-22 February\"), ${watch.warm} warm-up save${watch.warm === 1 ? "" : "s"} and then ${watch.rebuilds.length}, ` +
      "and reads the times the rebuild prints: \"✓ N ms Checked\", \"Markdown\" and \"HTML\" (writing each file included). " +
      "\"Save → written\" is the time from the save to the \"✓ wrote ….html\" line as the benchmark receives it; it adds the watcher's " +
      "60 ms debounce and the file system's notice." +
      (watch.extra ? ` ${watch.extra} save${watch.extra === 1 ? "" : "s"} started a second rebuild (a late file-system event); only the first rebuild of each save is counted.` : ""),
    "",
  );
  L.push(table(["save", "Checked ms", "Markdown ms", "HTML ms", "rebuild ms (sum)", "save → written ms"], watch.rebuilds.map((r, i) => [
    String(i + 1), String(r.checked), String(r.markdown), String(r.html), String(r.sum), ms(r.seen),
  ]), ["l"]), "");
  L.push(`Rebuild (sum): min ${ms(watch.sum.min)} / median ${ms(watch.sum.median)} / max ${ms(watch.sum.max)} ms; save → written: min ${ms(watch.seen.min)} / median ${ms(watch.seen.median)} / max ${ms(watch.seen.max)} ms.`, "");
  return L;
}
