import { appendFileSync } from "node:fs";

let traceFile;

export function initialize(file) {
  traceFile = file;
}

export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  if (traceFile) appendFileSync(traceFile, `${result.url}\n`);
  return result;
}
