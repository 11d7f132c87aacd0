/**
 * The first item of each key, in the order given. Why one helper: the parser, the schema stage and
 * the formats each drop exact repeats, and each only says what makes two the same.
 */
export function firstOfEach<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
