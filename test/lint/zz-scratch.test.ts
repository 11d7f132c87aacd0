import { it } from "vitest";
import { runCli, tempProject } from "../support/cli.js";
it("scratch", async () => {
  const p = tempProject();
  for (const f of ["compact", "github"]) {
    const r = await runCli(["lint", "2017", "--format", f], p.cwd);
    console.log(r.code, r.stdout, r.stderr);
  }
  p.cleanup();
});
