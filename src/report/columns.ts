/**
 * Text that cli-table3 measures as one column a character: printable ASCII
 * and the symbols the reports draw (✔ ✗ – from the text report's status
 * column, … from cli-table3's truncation). string-width agrees on every
 * such string (test/report/table-width.test.ts), so the bundle lets
 * cli-table3 measure them by their length (src/build/bundle.mjs) and the
 * text report's tables pad them by it (src/report/table.ts).
 */
export const ONE_COLUMN_EACH = /^[\x20-\x7e\u2714\u2717\u2013\u2026]*$/;
