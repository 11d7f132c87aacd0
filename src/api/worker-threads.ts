import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { MessagePort, TransferListItem } from "node:worker_threads";
import { PACKAGE_ROOT } from "../package-root.js";

/** The two files a worker thread needs: the start file, and the bundle file with the worker's code. */
export interface WorkerFiles {
  start: string;
  entry: string;
}

/**
 * The files for a kind of worker (`lint-worker`, `build-worker`) when this code runs from the
 * bundle; undefined otherwise (from the TypeScript sources, in tests), and the work then stays in
 * this thread.
 */
export function workerFiles(name: string): WorkerFiles | undefined {
  const entry = join(dirname(fileURLToPath(import.meta.url)), `${name}.cjs`);
  const start = join(PACKAGE_ROOT, "dist", "start", "worker.js");
  return existsSync(entry) && existsSync(start) ? { start, entry } : undefined;
}

/**
 * Lanes for `tasks` pieces of work when `perLane` of them make a worker thread's start worth it:
 * this thread and a worker for each other core, at most eight in all, since each worker holds a copy
 * of the code and a heap of its own, and past eight the memory grows faster than the time shrinks.
 */
export function lanesFor(tasks: number, perLane: number, most = Math.min(availableParallelism(), 8)): number {
  return Math.max(1, Math.min(most, Math.floor(tasks / perLane)));
}

/** A task's answer from a worker, and the buffers to move to the parent instead of copying. */
export interface Answer<Result> {
  result: Result;
  transfer?: TransferListItem[];
}

/** How a pool does its tasks: on `lanes` lanes, this thread one of them with `here`, the others worker threads. */
export interface Pool<Task, Result> {
  lanes: number;
  /** The workers' files; without them (running from the sources) every task is done here. */
  workers: WorkerFiles | undefined;
  /** What every worker is started with. */
  job: unknown;
  here: (task: Task) => Promise<Result>;
}

/**
 * Does `tasks` on the pool's lanes, each lane taking the next task when done with its last, so a
 * slow task holds up one lane only and no lane waits while work is left. This thread is a lane too:
 * it would otherwise only wait. A worker is handed two tasks ahead, so it never waits for this thread
 * to finish a task of its own before it gets the next. Answers go to `onResult` as they come, with
 * their task's index; nothing is kept here, so memory does not grow with the number of tasks. Why
 * worker_threads is loaded here: a command that stays in one thread never loads it.
 */
export async function runPool<Task, Result>(
  pool: Pool<Task, Result>,
  tasks: readonly Task[],
  onResult: (index: number, result: Result) => void,
): Promise<void> {
  // One queue for every lane: each takes the next task with its index.
  const queue = tasks.entries();
  const take = () => {
    const next = queue.next();
    return next.done ? undefined : next.value;
  };
  const hereLane = async () => {
    for (let next = take(); next; next = take()) onResult(next[0], await pool.here(next[1]));
  };
  const files = pool.workers;
  const workers = Math.min(pool.lanes, tasks.length) - 1;
  if (!files || workers <= 0) return hereLane();
  const { Worker } = await import("node:worker_threads");
  const workerLane = (files: WorkerFiles) =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(files.start, { workerData: { entry: files.entry, job: pool.job } });
      const asked: number[] = [];
      const give = () => {
        const next = take();
        if (next) {
          asked.push(next[0]);
          worker.postMessage({ task: next[1] });
        } else if (asked.length === 0) {
          worker.postMessage({ done: true });
        }
      };
      worker.on("message", (result: Result) => {
        const index = asked.shift();
        if (index === undefined) return reject(new Error("a worker thread answered a task it was not given"));
        onResult(index, result);
        give();
      });
      worker.once("online", () => {
        give();
        give();
      });
      worker.once("error", reject);
      worker.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`a worker thread stopped with code ${code}`))));
    });
  await Promise.all([hereLane(), ...Array.from({ length: workers }, () => workerLane(files))]);
}

/**
 * The worker's side: answers each task the parent sends with `handle`, one at a time and in the
 * order asked, and lets the thread end when the parent says there is no more. A task that throws
 * ends the thread with its error, which the parent receives.
 */
export function serveTasks<Task, Result>(port: MessagePort | null, handle: (task: Task) => Promise<Answer<Result>>): void {
  if (!port) throw new Error("a worker's tasks come from its parent, and this code is not running in a worker thread");
  let queue = Promise.resolve();
  port.on("message", (message: { task: Task } | { done: true }) => {
    queue = queue.then(async () => {
      if ("done" in message) return port.close();
      const { result, transfer } = await handle(message.task);
      port.postMessage(result, transfer ?? []);
    });
    queue.catch((error: unknown) => {
      throw error;
    });
  });
}

/** A worker thread kept for a session: asked one task at a time, ended when the session ends. */
export interface KeptThread<Task, Result> {
  ask(task: Task): Promise<Result>;
  end(): Promise<void>;
}

/**
 * Starts a worker thread that stays, for work that comes again and again (a rebuild on every save):
 * it loads its code and warms up once, not at each task. A task asked before the last one's answer
 * waits its turn. Why worker_threads is loaded here: a command in one thread never loads it.
 */
export async function keepThread<Task, Result>(files: WorkerFiles, job: unknown): Promise<KeptThread<Task, Result>> {
  const { Worker } = await import("node:worker_threads");
  const worker = new Worker(files.start, { workerData: { entry: files.entry, job } });
  const waiting: { resolve: (result: Result) => void; reject: (error: unknown) => void }[] = [];
  let failure: unknown;
  const fail = (error: unknown) => {
    failure = error;
    for (const asked of waiting.splice(0)) asked.reject(error);
  };
  worker.on("message", (result: Result) => {
    waiting.shift()?.resolve(result);
    if (waiting.length === 0) worker.unref();
  });
  worker.on("error", fail);
  const ended = new Promise<void>((resolve) =>
    worker.once("exit", (code) => {
      if (code !== 0) fail(new Error(`a worker thread stopped with code ${code}`));
      resolve();
    }),
  );
  // Between tasks the thread waits, and must not keep the process alive on its own; while one is
  // asked, it must, or the process would end before the answer came.
  worker.unref();
  return {
    ask: (task) =>
      new Promise<Result>((resolve, reject) => {
        if (failure !== undefined) return reject(failure);
        waiting.push({ resolve, reject });
        worker.ref();
        worker.postMessage({ task });
      }),
    end: () => {
      // Held while it ends, so the process waits for the thread instead of ending under it.
      worker.ref();
      worker.postMessage({ done: true });
      return ended;
    },
  };
}
