import { workerData } from "node:worker_threads";
import { requireCached } from "./code-cache.js";

/** What a worker thread is started with: the bundle file that does its work, and that work's job. */
export interface WorkerStart<Job> {
  entry: string;
  job: Job;
}

// A worker thread's first file: loads its part of the bundle with the code cache, as bin/ctwg.js
// does for the CLI, and hands it the job. Why not start the thread from the bundle file itself: a
// thread started from a file compiles it from source, every thread, every run.
const { entry, job } = workerData as WorkerStart<unknown>;
(requireCached(entry).exports.work as (job: unknown) => void)(job);
