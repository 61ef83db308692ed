// Excel counts days from 1899-12-30 (its 1900 leap-year bug included, so later serials are right). Serials from 2000
// to 2100 are dates an action plan could mean; a number outside them is not read as a date.
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const FIRST_SERIAL = 36526; // 2000-01-01
const LAST_SERIAL = 73415; // 2100-12-31

/**
 * The YYYY-MM-DD of Excel's day number "45000" (2023-03-15), as a date cell saved without its date format, or as
 * text, shows; undefined for any other text. Five digits and no fraction: a time of day is not a date column's.
 */
export function excelSerialDate(text: string): string | undefined {
  if (!/^\d{5}$/.test(text)) return undefined;
  const serial = Number(text);
  if (serial < FIRST_SERIAL || serial > LAST_SERIAL) return undefined;
  return new Date(EXCEL_EPOCH + serial * 86_400_000).toISOString().slice(0, 10);
}
