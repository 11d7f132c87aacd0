// `ctwg build --watch`: how long a save takes to become new documents.
import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { BIN, NODE, ROOT } from "../cli-under-test.mjs";
import { ENV } from "../measure/command.mjs";
import { median, stats } from "../measure/statistics.mjs";
import { progress } from "../progress.mjs";
import { project } from "./projects.mjs";

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/**
 * `ctwg build 2017 --watch --format md,html` as a child process: save the plan several times and read
 * the "✓ N ms Checked / Markdown / HTML" lines each rebuild prints. Also the time from the save to
 * the "✓ wrote ….html" line as this process sees it, which adds the watcher's 60 ms debounce and the
 * file system's notice.
 */
export async function watchRebuilds(bench, opts) {
  const original = readFileSync(join(ROOT, "workplans", "2017.yaml"), "utf8");
  const dir = project(bench, "watch", { "2017.yaml": original });
  const file = join(dir, "workplans", "2017.yaml");
  // A real edit, back and forth, so every save changes both documents.
  const from = "Viet Nam 21-22 February";
  const to = "Viet Nam 20-22 February";
  if (!original.includes(from)) throw new Error(`workplans/2017.yaml no longer contains "${from}", the text the watch benchmark edits`);
  const saves = Math.max(1, Math.min(opts.runs, 7));
  const warm = opts.warmup;
  const child = spawn(NODE, [BIN, "build", "2017", "--watch", "--format", "md,html"], { cwd: dir, env: ENV, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  const arrivals = []; // [offset in stdout, time] of each chunk
  child.stdout.setEncoding("utf8").on("data", (chunk) => {
    stdout += chunk;
    arrivals.push([stdout.length, process.hrtime.bigint()]);
  });
  child.stderr.setEncoding("utf8").on("data", (chunk) => (stderr += chunk));
  let exited = false;
  const exit = new Promise((done) => child.on("exit", (code, signal) => { exited = true; done({ code, signal }); }));
  const waitFor = async (test, what, timeout = 20_000) => {
    const until = Date.now() + timeout;
    while (!test()) {
      if (exited) throw new Error(`ctwg build --watch ended while waiting for ${what}:\n${stdout}\n${stderr}`);
      if (Date.now() > until) throw new Error(`ctwg build --watch: no ${what} within ${timeout / 1000} s:\n${stdout.slice(-2000)}\n${stderr.slice(-2000)}`);
      await sleep(5);
    }
  };
  const HTML_WRITTEN = /^✓ wrote .*\.html$/m;
  const rebuilds = [];
  let extra = 0;
  try {
    await waitFor(() => /^watching /m.test(stdout), "\"watching\" line");
    await sleep(300); // the watcher starts right after that line
    for (let save = 0; save < warm + saves; save++) {
      progress(`--watch: ${save < warm ? `warm-up save ${save + 1} of ${warm}` : `save ${save - warm + 1} of ${saves}`}`);
      const mark = stdout.length;
      const text = readFileSync(file, "utf8");
      const [a, b] = text.includes(from) ? [from, to] : [to, from];
      const start = process.hrtime.bigint();
      writeFileSync(file, text.replace(a, b));
      await waitFor(() => HTML_WRITTEN.test(stdout.slice(mark)), "rebuild after a save");
      const seen = arrivals.find(([offset]) => offset > mark && HTML_WRITTEN.test(stdout.slice(mark, offset)))?.[1] ?? process.hrtime.bigint();
      // A late event of the same save may start a second rebuild: let it finish before the next save.
      await sleep(400);
      const after = stdout.slice(mark);
      const changed = (after.match(/^workplans\/2017\.yaml changed$/gm) ?? []).length;
      if (changed > 1) {
        extra += changed - 1;
        await waitFor(() => (stdout.slice(mark).match(/^(✓ wrote|= unchanged) .*\.html$/gm) ?? []).length >= changed, "the second rebuild");
      }
      const step = (name) => Number(new RegExp(`^✓ (\\d+) ms ${name}$`, "m").exec(after)?.[1]);
      const rebuild = { checked: step("Checked"), markdown: step("Markdown"), html: step("HTML"), seen: Number(seen - start) / 1e6 };
      rebuild.sum = rebuild.checked + rebuild.markdown + rebuild.html;
      if (Number.isNaN(rebuild.sum)) throw new Error(`ctwg build --watch printed no step times for a rebuild:\n${after}`);
      if (save >= warm) rebuilds.push(rebuild);
    }
  } finally {
    child.kill("SIGTERM");
    const stopped = await Promise.race([exit, sleep(5000).then(() => undefined)]);
    if (!stopped) child.kill("SIGKILL");
  }
  return {
    rebuilds,
    extra,
    warm,
    sum: stats(rebuilds.map((r) => r.sum)),
    seen: stats(rebuilds.map((r) => r.seen)),
    checked: median(rebuilds.map((r) => r.checked)),
    markdown: median(rebuilds.map((r) => r.markdown)),
    html: median(rebuilds.map((r) => r.html)),
  };
}
