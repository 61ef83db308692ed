import { describe, expect, it } from 'vitest';
import { cleanFileName } from './file-name.ts';

describe('cleanFileName', () => {
  it.each([
    ['../../etc/passwd', 'passwd'],
    ['..\\..\\Windows\\system32\\cmd.exe', 'cmd.exe'],
    ['C:\\Users\\amina\\Desktop\\minutes.pdf', 'minutes.pdf'],
    ['<script>alert(1)</script>.pdf', 'script>.pdf'],
    ['<b onmouseover=alert(1)>.pdf', '<b onmouseover=alert(1)>.pdf'],
    ['invoice\u202Efdp.exe', 'invoicefdp.exe'],
    ['\u2066report\u2069.pdf', 'report.pdf'],
    ['evil\u0000.pdf', 'evil.pdf'],
    ['line\r\nbreak.txt', 'line break.txt'],
    ['  spaced   out  .csv ', 'spaced out .csv'],
    ['\u200B\u200B', 'evidence'],
    ['', 'evidence'],
    ['..', 'evidence'],
    ['dir/', 'evidence'],
    ['Compte rendu – réunion.pdf', 'Compte rendu – réunion.pdf'],
  ])('%j → %j', (raw, clean) => {
    expect(cleanFileName(raw)).toBe(clean);
  });

  it('shortens a long name to 255 characters, keeping its extension and whole characters', () => {
    const long = cleanFileName(`${'ñ'.repeat(1000)}.docx`);
    expect([...long]).toHaveLength(255);
    expect(long.endsWith('ñ.docx')).toBe(true);
    expect([...cleanFileName('😀'.repeat(300))]).toHaveLength(255);
  });
});
