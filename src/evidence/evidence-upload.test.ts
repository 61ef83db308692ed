import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cookieHeader, createEvidenceApp, multipartBody, postMultipart, samples, UPLOAD_ROUTE, type EvidenceApp, type Part } from '../../test/helpers/evidence-data.ts';
import { csrfTokenIn, WebClient } from '../../test/helpers/web-client.ts';
import type { EvidenceForm } from './evidence-upload.ts';
import { storedPath } from './evidence-store.ts';
import { PostForm } from '../layout/form.tsx';

const LIMIT = 4096;
let t: EvidenceApp;
let client: WebClient;
let token: string;

beforeAll(async () => {
  t = await createEvidenceApp({ uploadMaxBytes: LIMIT });
  client = new WebClient(t.app);
  token = csrfTokenIn((await client.get('/en/sign-in')).body)!;
});
afterAll(async () => { await t.close(); });
beforeEach(async () => { await t.database.db.deleteFrom('evidence_files').execute(); });

const sha = (content: Buffer) => createHash('sha256').update(content).digest('hex');

async function send(parts: Part[]): Promise<EvidenceForm> {
  const res = await postMultipart(client, UPLOAD_ROUTE, parts, token);
  expect(res.statusCode, res.body.slice(0, 500)).toBe(200);
  return res.json<EvidenceForm>();
}

/** Every file under the evidence folder, temporary ones included, as paths relative to it. */
async function filesInStore(): Promise<string[]> {
  const entries = await readdir(t.config.evidenceDir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.relative(t.config.evidenceDir, path.join(e.parentPath, e.name))).sort();
}

async function recordedFiles() {
  return t.database.db.selectFrom('evidence_files').select(['sha256', 'media_type', 'size_bytes']).orderBy('sha256').execute();
}

describe('readEvidenceForm', () => {
  it('keeps documents, images and text by their content, in the store by SHA-256, with every value of a repeated field', async () => {
    const files = { pdf: samples.pdf(), png: samples.png(), docx: await samples.docx(), odt: await samples.odt(), csv: samples.csv(), text: samples.text() };
    const form = await send([
      { name: 'title', value: 'Minutes' },
      { name: 'pdf', fileName: 'minutes.pdf', content: files.pdf, type: 'application/pdf' },
      { name: 'png', fileName: 'photo.png', content: files.png },
      { name: 'title', value: 'Photo' },
      { name: 'docx', fileName: 'report.docx', content: files.docx },
      { name: 'odt', fileName: 'rapport.odt', content: files.odt },
      { name: 'csv', fileName: 'budget.csv', content: files.csv, type: 'application/vnd.ms-excel' },
      // The browser's claimed type is ignored: the content says plain text.
      { name: 'text', fileName: 'notes.txt', content: files.text, type: 'application/pdf' },
    ]);
    expect(form.errors).toEqual({});
    expect(form.values).toEqual({ title: ['Minutes', 'Photo'] });
    expect(form.files.map((f) => [f.field, f.fileName, f.mediaType, f.sizeBytes])).toEqual([
      ['pdf', 'minutes.pdf', 'application/pdf', files.pdf.length],
      ['png', 'photo.png', 'image/png', files.png.length],
      ['docx', 'report.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', files.docx.length],
      ['odt', 'rapport.odt', 'application/vnd.oasis.opendocument.text', files.odt.length],
      ['csv', 'budget.csv', 'text/csv', files.csv.length],
      ['text', 'notes.txt', 'text/plain', files.text.length],
    ]);
    for (const [i, content] of Object.values(files).entries()) {
      expect(form.files[i]!.sha256).toBe(sha(content));
      expect(await readFile(storedPath(t.config.evidenceDir, sha(content)))).toEqual(content);
      expect(storedPath(t.config.evidenceDir, sha(content))).toBe(path.join(t.config.evidenceDir, sha(content).slice(0, 2), sha(content)));
    }
    expect((await recordedFiles()).map((r) => r.media_type)).toHaveLength(6);
    expect((await filesInStore()).filter((f) => f.startsWith('tmp'))).toEqual([]);
  });

  it('refuses executables, HTML, SVG and plain ZIP whatever their name claims, and keeps nothing of them', async () => {
    const before = await filesInStore();
    const form = await send([
      { name: 'exe', fileName: 'report.pdf', content: samples.exe(), type: 'application/pdf' },
      { name: 'html', fileName: 'report.pdf', content: samples.html(), type: 'application/pdf' },
      { name: 'svg', fileName: 'chart.pdf', content: samples.svg(), type: 'image/svg+xml' },
      { name: 'zip', fileName: 'report.docx', content: await samples.zip() },
      { name: 'binary', fileName: 'data.csv', content: Buffer.from([0x61, 0x00, 0x62, 0x0a]) },
      { name: 'latin1', fileName: 'notes.txt', content: Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]) },
      { name: 'comment', value: 'kept' },
    ]);
    expect(form.errors).toEqual({
      exe: 'evidence.error.type', html: 'evidence.error.type', svg: 'evidence.error.type', zip: 'evidence.error.type',
      binary: 'evidence.error.type', latin1: 'evidence.error.type',
    });
    expect(form.files).toEqual([]);
    expect(form.values).toEqual({ comment: ['kept'] });
    expect(await filesInStore()).toEqual(before);
    expect(await recordedFiles()).toEqual([]);
  });

  it('refuses a file over the size limit while it streams, and still reads the fields after it', async () => {
    const before = await filesInStore();
    const form = await send([
      { name: 'big', fileName: 'big.txt', content: Buffer.alloc(LIMIT + 1, 'a') },
      { name: 'exact', fileName: 'exact.txt', content: Buffer.alloc(LIMIT, 'b') },
      { name: 'after', value: 'still here' },
    ]);
    // The error carries the limit, which the page says in its language (formatFileSize).
    expect(form.errors).toEqual({ big: { key: 'evidence.error.tooLarge', values: { max: { fileSize: LIMIT } } } });
    expect(form.files.map((f) => [f.field, f.sizeBytes])).toEqual([['exact', LIMIT]]);
    expect(form.values).toEqual({ after: ['still here'] });
    expect(await filesInStore()).toEqual([...before, path.join(sha(Buffer.alloc(LIMIT, 'b')).slice(0, 2), sha(Buffer.alloc(LIMIT, 'b')))].sort());
  });

  it('takes a file input left empty as no file, and an empty chosen file as an error', async () => {
    const form = await send([
      { name: 'evidence', fileName: '', content: '' },
      { name: 'chosen', fileName: 'empty.pdf', content: '' },
      { name: 'title', value: 'No file' },
    ]);
    expect(form).toEqual({ values: { title: ['No file'] }, files: [], errors: { chosen: 'evidence.error.empty' } });
  });

  it('stores the same content once, however often and under whatever name it comes', async () => {
    const pdf = samples.pdf();
    const form = await send([
      { name: 'evidence', fileName: 'first.pdf', content: pdf },
      { name: 'evidence', fileName: 'second copy.pdf', content: pdf },
    ]);
    expect(form.files.map((f) => [f.fileName, f.sha256])).toEqual([['first.pdf', sha(pdf)], ['second copy.pdf', sha(pdf)]]);
    const again = await send([{ name: 'evidence', fileName: 'third.pdf', content: pdf }]);
    expect(again.files[0]!.sha256).toBe(sha(pdf));
    expect((await filesInStore()).filter((f) => f.endsWith(sha(pdf)))).toEqual([path.join(sha(pdf).slice(0, 2), sha(pdf))]);
    expect(await recordedFiles()).toEqual([{ sha256: sha(pdf), media_type: 'application/pdf', size_bytes: String(pdf.length) }]);
  });

  it('cleans hostile file names: paths, markup, bidi overrides, control characters, endless names', async () => {
    const form = await send([
      { name: 'a', fileName: '../../etc/passwd', content: samples.text() },
      { name: 'b', fileName: '<script>alert(1)</script>.pdf', content: samples.pdf() },
      { name: 'c', fileName: 'invoice\u202Efdp.exe', content: samples.pdf() },
      { name: 'd', fileName: 'rapport\u0000\u0007 final\u200B.pdf', content: samples.pdf() },
      { name: 'e', fileName: `${'x'.repeat(1000)}.pdf`, content: samples.pdf() },
      { name: 'f', fileName: 'Ripoti ya robo — Nairobi.pdf', content: samples.pdf() },
      { name: 'g', fileName: '..', content: samples.pdf() },
    ]);
    const names = Object.fromEntries(form.files.map((f) => [f.field, f.fileName]));
    expect(names).toMatchObject({
      a: 'passwd', b: 'script>.pdf', c: 'invoicefdp.exe', d: 'rapport final.pdf', f: 'Ripoti ya robo — Nairobi.pdf', g: 'evidence',
    });
    expect([...names.e!]).toHaveLength(255);
    expect(names.e).toMatch(/^x+\.pdf$/);
  });

  it('refuses files past the tenth, naming the field', async () => {
    const parts: Part[] = Array.from({ length: 11 }, (_, i) => ({ name: 'evidence', fileName: `n${i}.txt`, content: `note ${i}\n` }));
    const form = await send(parts);
    expect(form.errors).toEqual({ evidence: 'evidence.error.tooMany' });
    expect(form.files).toHaveLength(10);
  });

  it('keeps a value too long to read cut short, for the form to refuse with its own limit', async () => {
    const form = await send([{ name: 'narrative', value: 'n'.repeat(40 * 1024 + 1) }, { name: 'title', value: 'ok' }]);
    expect(form.errors).toEqual({});
    expect(form.values).toEqual({ narrative: ['n'.repeat(40 * 1024)], title: ['ok'] });
    // Cut short, a text of the longest one-unit characters (3 bytes each in UTF-8) is still longer than a report takes.
    const wide = await send([{ name: 'narrative', value: '漢'.repeat(20_000) }]);
    expect(wide.values.narrative![0]!.length).toBeGreaterThan(10_000);
  });

  it('names a field holding the character U+0000, which the database cannot store', async () => {
    const form = await send([{ name: 'narrative', value: 'Done\u0000' }, { name: 'title', value: 'ok' }]);
    expect(form.errors).toEqual({ narrative: 'form.error.invalid' });
    expect(form.values).toEqual({ title: ['ok'] });
  });

  it('reads a url-encoded form too (no file chosen, no enctype), with its repeated values', async () => {
    const res = await client.app.inject({
      method: 'POST', url: UPLOAD_ROUTE, remoteAddress: client.ip,
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieHeader(client) },
      payload: new URLSearchParams([['_csrf', token], ['title', 'One'], ['title', 'Two'], ['status', 'complete']]).toString(),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json<EvidenceForm>()).toEqual({ values: { _csrf: [token], title: ['One', 'Two'], status: ['complete'] }, files: [], errors: {} });
  });

  it('answers 400 to a body that is not valid multipart, keeping nothing of it', async () => {
    const before = await filesInStore();
    const { payload, contentType } = multipartBody([{ name: 'evidence', fileName: 'cut.pdf', content: samples.pdf() }]);
    for (const [type, body] of [
      [contentType, payload.subarray(0, payload.length - 60)],
      ['multipart/form-data', payload],
      [contentType, Buffer.from('no parts at all')],
    ] as const) {
      const res = await t.app.inject({ method: 'POST', url: `${UPLOAD_ROUTE}?_csrf=${encodeURIComponent(token)}`, payload: body, headers: { 'content-type': type, cookie: cookieHeader(client) } });
      expect([200, 400], `${type}: ${res.body.slice(0, 200)}`).toContain(res.statusCode);
      if (res.statusCode === 200) expect(res.json<EvidenceForm>().files).toEqual([]);
    }
    expect(await filesInStore()).toEqual(before);
  });
});

describe('CSRF on multipart forms', () => {
  it('accepts the form <PostForm multipart> builds: its action carries the token', async () => {
    const html = await PostForm({ action: UPLOAD_ROUTE, csrfToken: token, multipart: true, children: '' });
    expect(html).toContain('enctype="multipart/form-data"');
    expect(html).not.toContain('name="_csrf"');
    const action = /action="([^"]+)"/.exec(html)![1]!;
    const { payload, contentType } = multipartBody([{ name: 'evidence', fileName: 'notes.txt', content: samples.text() }]);
    const res = await client.app.inject({ method: 'POST', url: action.replace(/&amp;/g, '&'), payload,
      headers: { 'content-type': contentType, cookie: cookieHeader(client) } });
    expect(res.statusCode).toBe(200);
    expect(res.json<EvidenceForm>().files).toHaveLength(1);
  });

  it('refuses a multipart form without the token in its action, or with a wrong one or one in the body: 403, nothing stored', async () => {
    const before = await filesInStore();
    const parts: Part[] = [{ name: 'evidence', fileName: 'new.pdf', content: Buffer.concat([samples.pdf(), Buffer.from('unique')]) }];
    for (const sent of [undefined, 'not-the-token', `${token}x`]) {
      const res = await postMultipart(client, UPLOAD_ROUTE, parts, sent);
      expect(res.statusCode, String(sent)).toBe(403);
    }
    const inBody = await postMultipart(client, UPLOAD_ROUTE, [{ name: '_csrf', value: token }, ...parts]);
    expect(inBody.statusCode).toBe(403);
    expect(await filesInStore()).toEqual(before);
    expect(await recordedFiles()).toEqual([]);
  });
});

describe('with the default limit', () => {
  it('takes files larger than the 1 MB limit of other request bodies', async () => {
    const big = await createEvidenceApp();
    try {
      const browser = new WebClient(big.app);
      const pageToken = csrfTokenIn((await browser.get('/en/sign-in')).body)!;
      const content = Buffer.concat([samples.pdf(), Buffer.alloc(3 * 1024 * 1024, 0x20)]);
      const res = await postMultipart(browser, UPLOAD_ROUTE, [{ name: 'evidence', fileName: 'annual report.pdf', content }], pageToken);
      expect(res.statusCode).toBe(200);
      expect(res.json<EvidenceForm>().files).toEqual([
        { field: 'evidence', fileName: 'annual report.pdf', sha256: sha(content), sizeBytes: content.length, mediaType: 'application/pdf', tmpPath: expect.any(String) },
      ]);
    } finally {
      await big.close();
    }
  });
});
