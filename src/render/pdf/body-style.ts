import type { FlowStyle } from "./flow.js";

/** The body's type: 11 pt on 14.5, paragraphs 7 pt apart, lists indented 18 pt. */
export const BODY_STYLE: FlowStyle = { size: 11, lineHeight: 14.5, paragraphGap: 7, listIndent: 18, itemGap: 3.5 };
