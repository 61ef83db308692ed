import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvidenceApp, insertRoundWithEvidence, samples, storeEvidenceFile, type EvidenceApp } from '../../test/helpers/evidence-data.ts';
import { WebClient } from '../../test/helpers/web-client.ts';
import { evidenceUrl } from './evidence-url.ts';
import { servedFileName } from './file-name.ts';

let t: EvidenceApp;
beforeAll(async () => { t = await createEvidenceApp(); });
afterAll(async () => { await t.close(); });

describe('the name an evidence file is served under', () => {
  it('ends with the extension of the type found in its content; only PDF and images are shown inline', async () => {
    const db = t.database.db;
    const pdf = await storeEvidenceFile(db, t.config.evidenceDir, samples.pdf(), 'application/pdf');
    const png = await storeEvidenceFile(db, t.config.evidenceDir, samples.png(), 'image/png');
    const text = await storeEvidenceFile(db, t.config.evidenceDir, samples.text(), 'text/plain');
    const docx = await storeEvidenceFile(db, t.config.evidenceDir, await samples.docx(),
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const cases: [string, string, string][] = [
      [pdf, 'report.exe', 'inline; filename="report.exe.pdf"'],
      [pdf, 'Report.PDF', 'inline; filename="Report.PDF"'],
      [png, 'photo', 'inline; filename="photo.png"'],
      [text, 'run.bat', 'attachment; filename="run.bat.txt"'],
      [text, 'notes.txt', 'attachment; filename="notes.txt"'],
      [docx, 'minutes.pdf', 'attachment; filename="minutes.pdf.docx"'],
    ];
    const ids = await insertRoundWithEvidence(db, { items: cases.map(([sha256, fileName]) => ({ kind: 'file', sha256, fileName })) });
    const client = new WebClient(t.app);
    for (const [i, [, fileName, disposition]] of cases.entries()) {
      const res = await client.get(evidenceUrl(ids[i]!));
      expect(res.statusCode, fileName).toBe(200);
      expect(String(res.headers['content-disposition']).split('; filename*=')[0], fileName).toBe(disposition);
    }
  });

  it('keeps within 255 characters, the added extension last', () => {
    const name = servedFileName(`${'x'.repeat(251)}.exe`, 'application/pdf');
    expect(name).toHaveLength(255);
    expect(name.endsWith('.pdf')).toBe(true);
  });
});
