// Plans made from the 2017 plan for the workloads that need many plans, or one very large one.

/**
 * The 2017 plan as plan number `i` of many: every year in it shifted to one of 1995…2084 (dates,
 * symbols, mandate sources and text alike, so it stays consistent), the document symbol's serial
 * numbered so every plan writes its own files, and the ids of its deliverables and areas made its own.
 */
export function variant(text, i) {
  const year = 1995 + (i % 90);
  const delta = year - 2017;
  const serial = String(1 + Math.floor(i / 90)).padStart(3, "0");
  return text
    .replace(/\b(?:19|20)\d\d\b/g, (y) => String(Number(y) + delta))
    .replace(/^(\s*symbol: \d{4}\/[A-Z0-9-]+\/[A-Z0-9-]+\/)\d{3}\s*$/m, `$1${serial}`)
    .replace(/^(\s*- id: [a-z0-9-]+)\s*$/gm, `$1-v${i + 1}`);
}

const ordinal = (n) => `${n}${n % 100 >= 11 && n % 100 <= 13 ? "th" : (["th", "st", "nd", "rd"][n % 10] ?? "th")}`;

/**
 * The 2017 plan with its deliverables repeated until one more copy would pass `limit` bytes. Each
 * copy has its own ids, titles ("Copy 3. Hold …") and meeting numbers, so the file is valid and its
 * warnings are the 2017 plan's own slips, repeated.
 */
export function largestPlan(text, limit) {
  const marker = "\ndeliverables:\n";
  const at = text.indexOf(marker);
  if (at < 0) throw new Error("workplans/2017.yaml has no top-level `deliverables:`");
  const head = text.slice(0, at + marker.length);
  const block = text.slice(at + marker.length);
  const meetings = (block.match(/^ +meetingNumber: \d+\s*$/gm) ?? []).length;
  const copy = (k) =>
    k === 0
      ? block
      : block
          .replace(/^( +- id: [a-z0-9-]+)\s*$/gm, `$1-copy-${k}`)
          .replace(/^( {4}text: | {6}title: )>-\n( +)/gm, `$1>-\n$2Copy ${k}.\n$2`)
          .replace(/^( {4}text: | {6}title: )(?!>-)(.+)$/gm, `$1Copy ${k}. $2`)
          .replace(/^( +meetingNumber: )(\d+)\s*$/gm, (_, key, n) => key + (Number(n) + meetings * k))
          .replace(/\b(\d+)(?:st|nd|rd|th)(?= Counter Terrorism Working Group)/g, (_, n) => ordinal(Number(n) + meetings * k));
  const parts = [head];
  let size = Buffer.byteLength(head);
  let copies = 0;
  for (;;) {
    const next = copy(copies);
    const nextSize = Buffer.byteLength(next);
    if (size + nextSize > limit) break;
    parts.push(next);
    size += nextSize;
    copies++;
  }
  const deliverables = copies * (block.match(/^ {2}- id: /gm) ?? []).length;
  return { text: parts.join(""), size, copies, deliverables };
}
