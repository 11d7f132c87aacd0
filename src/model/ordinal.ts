/** 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st: how meeting numbers are written. */
export const ordinal = (n: number) => `${n}${n % 100 >= 11 && n % 100 <= 13 ? "th" : (["th", "st", "nd", "rd"][n % 10] ?? "th")}`;
