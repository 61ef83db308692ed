/**
 * OGP's "Commitment Number" is mostly a whole number, but plans also number "2.1", "B.1.A" or "SC17", and the sheet
 * went through spreadsheets that wrote 4.1 as "4.0999999999999996". Whole numbers become the number in the plan;
 * anything else is kept as the plan's label, with float artefacts read back to the number that was typed.
 */
export function readCommitmentNumber(cell: string, warnings: string[]): { numberInPlan?: number; numberLabel?: string } {
  const raw = cell.trim();
  if (raw === '' || /^(nd|na|nr)$/i.test(raw)) return {};
  if (/^\d+$/.test(raw) && Number(raw) >= 1) return { numberInPlan: Number(raw) };
  if (/^\d+\.\d{8,}$/.test(raw)) {
    const typed = String(Number(raw));
    warnings.push(`column "Commitment Number": read "${raw}" as ${typed} (a spreadsheet rounding artefact)`);
    return { numberLabel: typed };
  }
  return { numberLabel: raw };
}
