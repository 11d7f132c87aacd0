/**
 * Orders two strings by their UTF-16 code units. Why not `localeCompare` or `Intl.Collator`: an
 * order that differs between machines and locales makes reports and documents differ too, and the
 * ICU collator costs a tenth of Node's own start-up the first time it is asked. For the strings ctwg
 * sorts (file paths, rule ids, acronyms in capitals) this is also the order a reader expects.
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
