// The statistics the report gives: min / median / max of a sample, and a straight-line fit.

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function stats(values) {
  return { min: Math.min(...values), median: median(values), max: Math.max(...values), n: values.length };
}

/**
 * Least squares t = a + b·n over the sizes, with R², and the per-file cost between successive sizes.
 * Growth is called linear when the last step's per-file cost is within ±25% of the first step's;
 * lower is sublinear (start-up costs amortised), higher superlinear.
 */
export function linearFit(points) {
  const k = points.length;
  const meanN = points.reduce((s, p) => s + p.n, 0) / k;
  const meanT = points.reduce((s, p) => s + p.t, 0) / k;
  const sxx = points.reduce((s, p) => s + (p.n - meanN) ** 2, 0);
  const sxy = points.reduce((s, p) => s + (p.n - meanN) * (p.t - meanT), 0);
  const b = sxy / sxx;
  const a = meanT - b * meanN;
  const ssTot = points.reduce((s, p) => s + (p.t - meanT) ** 2, 0);
  const ssRes = points.reduce((s, p) => s + (p.t - (a + b * p.n)) ** 2, 0);
  const steps = points.slice(1).map((p, i) => ({ from: points[i].n, to: p.n, perFile: (p.t - points[i].t) / (p.n - points[i].n) }));
  const growth = steps.length < 2 ? undefined : steps.at(-1).perFile / steps[0].perFile;
  const shape = growth === undefined ? "not enough sizes to tell" : growth > 1.25 ? "superlinear" : growth < 0.75 ? "sublinear" : "linear";
  return { a, b, r2: ssTot === 0 ? 1 : 1 - ssRes / ssTot, steps, growth, shape };
}
