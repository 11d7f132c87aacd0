// The benchmark's progress, on stderr: its stdout stays free, and its output is the report file.
export const progress = (text) => process.stderr.write(`bench: ${text}\n`);
