// The report, BENCHMARKS.md: its sections in order, from the figures the workloads measured.
import { introduction } from "./introduction.mjs";
import { largestFileSection } from "./largest-file.mjs";
import { machineSection } from "./machine-section.mjs";
import { manyPlansSection } from "./many-plans.mjs";
import { scaleSection } from "./scale.mjs";
import { singleCommandsSection } from "./single-commands.mjs";
import { targetsSection } from "./targets.mjs";
import { watchSection } from "./watch.mjs";

/** The report's Markdown; `figures` holds the options, the machine and every workload's results. */
export function report(figures) {
  const sections = [
    introduction,
    machineSection,
    targetsSection,
    singleCommandsSection,
    scaleSection,
    manyPlansSection,
    largestFileSection,
    watchSection,
  ];
  return `${sections
    .flatMap((section) => section(figures))
    .join("\n")
    .trimEnd()}\n`;
}
