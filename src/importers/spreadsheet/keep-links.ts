import type { TableRow } from '../table/table.ts';

/**
 * The columns a mapping's `keepLinks` names (evidence, means of verification) keep each link's address after its
 * text, "Informe 2020 (https://…)": there the address is the evidence, and the text alone would lose it. Other
 * columns read as their text, since a link there is decoration (an id linked to its OGP page).
 */
export function keepLinks(row: TableRow, columns: readonly string[]): TableRow {
  if (columns.length === 0 || row.links === undefined) return row;
  const cells = { ...row.cells };
  for (const column of columns) {
    const address = row.links[column];
    if (address !== undefined && cells[column] !== undefined) cells[column] = withAddress(cells[column], address);
  }
  return { ...row, cells };
}

/**
 * A place in the workbook ("#Datos!A1") or a file on the author's computer means nothing to a reader, and a text
 * that already shows its address needs it not twice. A mail link shows its address, not "mailto:". An empty cell (a
 * placeholder read as empty) stays empty: there is no text to give the address of.
 */
function withAddress(text: string, address: string): string {
  const shown = /^mailto:/i.test(address) ? address.replace(/^mailto:/i, '').replace(/\?.*$/s, '') : address;
  if (!/^(https?:|mailto:)/i.test(address) || text.trim() === '' || text.includes(shown)) return text;
  return `${text} (${shown})`;
}
