import type { ColumnField } from "../model/document-shape.js";

/**
 * How wide each field's column is, against the others: the template's five fields sum to 100, so
 * APEC's five columns keep their proportions of 18, 32, 22, 12 and 16 per cent; the short facts
 * (owner, date, place) take narrow columns. Every format that lays the table out shares these.
 */
const FIELD_WEIGHTS: Readonly<Record<ColumnField, number>> = {
  title: 18,
  summary: 32,
  mandate: 22,
  priorities: 12,
  collaboration: 16,
  owner: 9,
  date: 9,
  place: 9,
};

/** Each column's share of the table's width, from 0 to 1; the shares sum to 1. */
export function columnShares(columns: readonly { field: ColumnField }[]): number[] {
  const total = columns.reduce((sum, column) => sum + FIELD_WEIGHTS[column.field], 0);
  return columns.map((column) => FIELD_WEIGHTS[column.field] / total);
}
