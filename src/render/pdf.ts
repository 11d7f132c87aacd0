import type { OutputFormat } from "./format.js";
import { loadFonts, metricsFor } from "../fonts/fonts.js";
import { layoutDocument } from "./pdf/layout.js";
import { paint } from "./pdf/paint.js";

/**
 * The PDF for circulation: laid out in points by a pure layout step, painted by pdfkit. This file
 * is imported only when a PDF is asked for, so no other command loads pdfkit or the fonts.
 */
export const pdf: OutputFormat = {
  id: "pdf",
  extension: "pdf",
  render(view, options = {}) {
    const fonts = loadFonts();
    const plan = layoutDocument(view, metricsFor(fonts));
    return paint(plan, fonts, {
      title: view.meta.title,
      subject: view.meta.symbol,
      author: view.meta.author,
      keywords: view.meta.keywords.join(", "),
      lang: view.lang,
      date: options.timestamp ?? new Date(`${view.firstDay}T00:00:00Z`),
    });
  },
};
