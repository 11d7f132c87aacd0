/**
 * Characters that print nothing yet change how text reads: direction overrides and isolates (which
 * can make a sentence display in another order than it is written), zero-width spaces and marks,
 * and a stray byte-order mark. Joiners (U+200C, U+200D) are left alone: some scripts need them.
 */
export const INVISIBLE_CHARACTERS = /[\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g;

/** Text without invisible characters. */
export const withoutInvisible = (text: string) => text.replace(INVISIBLE_CHARACTERS, "");
