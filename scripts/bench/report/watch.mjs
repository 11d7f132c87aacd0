// The report's "--watch" section: each save, and how long until every document of the plan was new.
import { ms, table } from "./format.mjs";

export function watchSection({ watch, defaultFormats }) {
  const L = ["## `--watch`", ""];
  const s = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
  L.push(
    `\`ctwg build 2017 --watch\`, writing its default formats (${defaultFormats.join(", ")}), runs as a child process in a ` +
      'temporary copy; the benchmark saves the plan (a real edit, "21-22 February" ⇄ "20-22 February"), ' +
      `${s(watch.warm, "warm-up save")} and then ${watch.saves.length}, each once the previous rebuild is over.`,
    "",
    "- **Save → written** is measured from outside the watcher: from just before the benchmark writes the plan file to the " +
      `first moment every output of the plan (${watch.outputs.map((o) => `\`${o}\``).join(", ")}, the files its first build wrote) ` +
      `has been replaced. The benchmark polls the outputs every ${watch.pollMs} ms, \`stat\` of each, and counts one as replaced when ` +
      "its inode, modification time or size differs from before the save (ctwg renames new files over the old ones). The figure " +
      "includes the file system's notice of the change, the watcher's wait for a save's events to settle, the rebuild " +
      "and the writing of every file.",
    watch.cpu
      ? "- **CPU** is the watcher's CPU time (user + system, all threads) over the save: `/proc/PID/stat` read before the save and " +
          "after the rebuild, in ticks of 10 ms."
      : "- **CPU** is not measured here: it is read from `/proc/PID/stat`, which this system does not have.",
    '- The step columns are what the rebuild prints about itself, its "✓ N ms STEP" lines (checking, each format, ' +
      "writing): extra information on where the time goes, from inside. Steps may run at the same time (a format " +
      "rendered on a thread of its own), so they are not added up.",
    "",
  );
  if (watch.extra)
    L.push(
      `${s(watch.extra, "save")} started a second rebuild (a late file-system event); only the first rebuild of a save is counted, and the next save waited for the second to end.`,
      "",
    );
  const names = watch.stepNames;
  L.push(
    table(
      ["save", "save → written ms", "CPU ms", ...names.map((name) => `${name} ms`)],
      watch.saves.map((r, i) => [String(i + 1), ms(r.written), ms(r.cpu), ...names.map((name) => String(r.steps[name] ?? "—"))]),
      ["l"],
    ),
    "",
  );
  L.push(
    `Save → written: min ${ms(watch.written.min)} / median ${ms(watch.written.median)} / max ${ms(watch.written.max)} ms` +
      `${watch.cpu ? `; CPU: min ${ms(watch.cpu.min)} / median ${ms(watch.cpu.median)} / max ${ms(watch.cpu.max)} ms` : ""}` +
      `; steps (medians): ${names.map((name) => `${name} ${ms(watch.stepMedians[name])}`).join(", ")} ms.`,
    "",
  );
  return L;
}
