/** CSV as RFC 4180 has it, safe to open in a spreadsheet. */

export function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v);
  // a leading = + - @ makes spreadsheets run a formula: quote it as text (a plain negative number stays a number)
  const safe = /^[=+\-@\t\r]/.test(s) && !/^-\d+(?:\.\d+)?$/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(cells: readonly unknown[]): string {
  return cells.map(csvCell).join(',') + '\n';
}
