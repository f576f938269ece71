/** CSV as RFC 4180 has it, safe to open in a spreadsheet. */

/** A leading = + - @ makes spreadsheets run a formula: such text is marked as text with a quote. */
const FORMULA = /^[=+\-@\t\r]/;
const NUMBER = /^-\d{1,30}(?:\.\d{1,30})?$/;

/** Text neutralised part by part: a spreadsheet that splits a cell on `;` would otherwise run a later part. */
function neutralise(s: string): string {
  if (!s.includes(';')) return FORMULA.test(s) && !NUMBER.test(s) ? `'${s}` : s;
  return s
    .split(';')
    .map((p) => {
      const lead = p.length - p.trimStart().length;
      const body = p.slice(lead);
      return FORMULA.test(body) && !NUMBER.test(body) ? `${p.slice(0, lead)}'${body}` : p;
    })
    .join(';');
}

export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  // numbers are numbers (a negative latitude is no formula): never quoted
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  const safe = neutralise(String(v));
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(cells: readonly unknown[]): string {
  return cells.map(csvCell).join(',') + '\n';
}
