// The machine the figures are for: processor, memory, system, and the versions of what was measured.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { ROOT } from "../cli-under-test.mjs";

export function machine(pandoc, gnuTime) {
  const cpus = os.cpus();
  let distro;
  try {
    distro = /^PRETTY_NAME="?([^"\n]*)"?/m.exec(readFileSync("/etc/os-release", "utf8"))?.[1];
  } catch {
    distro = undefined;
  }
  const git = (args) => {
    const result = spawnSync("git", ["--no-optional-locks", ...args], { cwd: ROOT, encoding: "utf8" });
    return result.status === 0 ? result.stdout.trim() : undefined;
  };
  const commit = git(["rev-parse", "--short", "HEAD"]);
  const dirty = git(["status", "--porcelain", "--", "src", "templates", "bin", "scripts/bundle.mjs", "package.json"]);
  const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
  return {
    cpu: `${cpus[0]?.model?.trim() ?? "unknown"}${cpus[0]?.speed ? ` (${cpus[0].speed} MHz)` : ""}`,
    cores: `${cpus.length} logical (${os.availableParallelism?.() ?? cpus.length} available to Node)`,
    memory: `${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB (${(os.freemem() / 1024 ** 3).toFixed(1)} GiB free at the start)`,
    os: `${distro ? `${distro}, ` : ""}${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    pandoc: pandoc.path ? `${pandoc.version} (${pandoc.path})` : "not installed",
    wkhtmltopdf: pandoc.wkhtmltopdf ? `${pandoc.wkhtmltopdfVersion} (${pandoc.wkhtmltopdf})` : "not installed",
    gnuTime: gnuTime ? `${gnuTime}` : "not installed: CPU time and peak memory not measured",
    ctwg: `${pkg.version}${commit ? ` at commit ${commit}` : ""}${dirty === undefined ? "" : dirty ? ", with uncommitted changes to the sources" : ", working tree clean"}`,
  };
}
