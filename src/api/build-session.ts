import { availableParallelism } from "node:os";
import type { LintSettings } from "../load/lint-settings.js";
import { FORMAT_IDS, type FormatId } from "../render/format.js";
import { build, renderPlan, writePlan, type BuildOptions, type BuildReport } from "./build.js";
import type { BuildWorkerJob, BuildWorkerTask, RenderedPlan } from "./build-worker.js";
import { hasErrors } from "../diagnostics/diagnostic.js";
import { keepThread, workerFiles, type KeptThread } from "./worker-threads.js";

/** Builds the same plans again and again (`ctwg build --watch`), each time as soon as it can. */
export interface BuildSession {
  build(file: string, settings: Pick<LintSettings, "config" | "glossary">): Promise<BuildReport>;
  end(): Promise<void>;
}

/** The format rendered beside the others: the slowest to render, and the one a watcher's reader looks at. */
const BESIDE: FormatId = "pdf";

/**
 * A build that runs on every save. Where there is a second core and the PDF is one of several
 * formats, a worker thread kept for the session renders the PDF while this thread renders the
 * others, so a save costs the longer of the two, not their sum; the thread loads its code and
 * fonts once and stays warm. Everything else is as `build`: the diagnostics are this thread's
 * (checked for the PDF too), and the documents are written together, all or none.
 */
export async function startBuildSession(options: BuildOptions): Promise<BuildSession> {
  const formats = options.formats ?? FORMAT_IDS;
  const others = formats.filter((format) => format !== BESIDE);
  const files = formats.includes(BESIDE) && others.length > 0 && availableParallelism() > 1 ? workerFiles("build-worker") : undefined;
  if (!files || !options.settings) {
    return { build: (file, settings) => build(file, { ...options, settings }), end: async () => undefined };
  }
  const job: BuildWorkerJob = {
    cwd: options.cwd ?? process.cwd(),
    formats: [BESIDE],
    settings: options.settings,
    timeline: options.timeline ?? true,
    ...(options.timestamp ? { timestamp: options.timestamp } : {}),
  };
  const thread: KeptThread<BuildWorkerTask, RenderedPlan> = await keepThread(files, job);
  return {
    async build(file, settings) {
      const beside = thread.ask({ file, settings });
      const here = await renderPlan(file, { ...options, settings, formats: others, checkFor: formats });
      const rendered = await beside;
      if (!hasErrors(here.diagnostics)) {
        for (const [step, ms] of rendered.steps) if (step !== "Checked") options.onStep?.(step, ms);
        // In the order the formats were asked for, as one thread would have made them: one document a format.
        here.artifacts = formats.map((format) => {
          const document = format === BESIDE ? rendered.artifacts[0] : here.artifacts[others.indexOf(format)];
          if (!document) throw new Error(`the ${format} document was not rendered`);
          return document;
        });
      }
      return options.write === false ? here : writePlan(here, options);
    },
    end: () => thread.end(),
  };
}
