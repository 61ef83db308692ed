import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvidenceApp, insertRoundWithEvidence, samples, storeEvidenceFile, type EvidenceApp } from '../../test/helpers/evidence-data.ts';
import { signedIn } from '../../test/helpers/sign-in.ts';
import { WebClient } from '../../test/helpers/web-client.ts';
import { createAccount } from '../accounts/account.factories.ts';
import type { Role } from '../accounts/roles.ts';
import { evidenceUrl } from './evidence-url.ts';

let t: EvidenceApp;
const pdf = samples.pdf();
const text = samples.text();
let docx: Buffer;
const ids = { pdf: '', docx: '', restricted: '', link: '', open: '', openRestricted: '' };
const clients = new Map<string, WebClient>();

beforeAll(async () => {
  t = await createEvidenceApp();
  const db = t.database.db;
  docx = await samples.docx();
  const pdfSha = await storeEvidenceFile(db, t.config.evidenceDir, pdf, 'application/pdf');
  const docxSha = await storeEvidenceFile(db, t.config.evidenceDir, docx, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  const textSha = await storeEvidenceFile(db, t.config.evidenceDir, text, 'text/plain');
  [ids.pdf, ids.docx, ids.restricted, ids.link] = await insertRoundWithEvidence(db, { items: [
    { kind: 'file', sha256: pdfSha, fileName: 'Ripoti — «robo ya 3».pdf' },
    { kind: 'file', sha256: docxSha, fileName: 'report "final"; v2.docx' },
    { kind: 'file', sha256: pdfSha, fileName: 'attendance.pdf', restrictedReason: 'Names and telephone numbers of participants' },
    { kind: 'link', url: 'https://ogp.example.org/guidance' },
  ] }) as [string, string, string, string];
  [ids.open, ids.openRestricted] = await insertRoundWithEvidence(db, { open: true, items: [
    { kind: 'file', sha256: textSha, fileName: 'notes.txt' },
    { kind: 'file', sha256: pdfSha, fileName: 'draft.pdf', restrictedReason: 'Draft under review' },
  ] }) as [string, string];

  // The points of contact of an institution that leads or supports KE0031, and of one that does not.
  const outside = await db.selectFrom('institutions').select('slug')
    .where('id', 'not in', db.selectFrom('commitment_institutions as ci').innerJoin('commitments as c', 'c.id', 'ci.commitment_id')
      .select('ci.institution_id').where('c.ogp_id', '=', 'KE0031'))
    .orderBy('id').executeTakeFirstOrThrow();
  const accounts: [string, Role | null, string?][] = [
    ['administrator', 'administrator'], ['irm', 'irm_researcher'], ['reviewer', 'civil_society_reviewer'],
    ['poc', 'point_of_contact', 'office-of-the-deputy-president'], ['otherPoc', 'point_of_contact', outside.slug], ['noRole', null],
  ];
  for (const [key, role, institutionSlug] of accounts) {
    clients.set(key, await signedIn(t.app, await createAccount(db, { role, ...(institutionSlug ? { institutionSlug } : {}) })));
  }
  clients.set('public', new WebClient(t.app));
});
afterAll(async () => { await t.close(); });

const get = (who: string, id: string): Promise<LightMyRequestResponse> => clients.get(who)!.get(evidenceUrl(id));

describe('GET /evidence/:id', () => {
  it('serves a published file to everyone with its own type, inline for PDF, sandboxed, cached for good', async () => {
    const res = await get('public', ids.pdf);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload).toEqual(pdf);
    expect(res.headers).toMatchObject({
      'content-type': 'application/pdf',
      'content-length': String(pdf.length),
      'x-content-type-options': 'nosniff',
      'content-security-policy': "sandbox; default-src 'none'",
      'cache-control': 'public, max-age=31536000, immutable',
      'content-disposition': 'inline; filename="Ripoti _ _robo ya 3_.pdf"; filename*=UTF-8\'\'Ripoti%20%E2%80%94%20%C2%ABrobo%20ya%203%C2%BB.pdf',
    });
    expect(res.headers.etag).toMatch(/^"[0-9a-f]{64}"$/);

    const cached = await clients.get('public')!.app.inject({ method: 'GET', url: evidenceUrl(ids.pdf), headers: { 'if-none-match': res.headers.etag as string } });
    expect(cached.statusCode).toBe(304);
    expect(cached.body).toBe('');
    const head = await clients.get('public')!.app.inject({ method: 'HEAD', url: evidenceUrl(ids.pdf) });
    expect(head.statusCode).toBe(200);
    expect(head.body).toBe('');
  });

  it('offers office documents as downloads, with the name quoted safely', async () => {
    const res = await get('public', ids.docx);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.headers['content-disposition']).toBe('attachment; filename="report _final_; v2.docx"; filename*=UTF-8\'\'report%20%22final%22%3B%20v2.docx');
    expect(res.rawPayload).toEqual(docx);
  });

  it('answers 404 for links, unknown ids and ids that are not numbers', async () => {
    for (const id of [ids.link, '999999999', 'abc', '0', '1e3']) {
      expect((await get('public', id)).statusCode, id).toBe(404);
      expect((await get('administrator', id)).statusCode, id).toBe(404);
    }
  });

  it.each([
    ['administrator', true], ['irm', true], ['reviewer', true], ['poc', true],
    ['otherPoc', false], ['noRole', false], ['public', false],
  ])('restricted and unpublished evidence: %s sees it: %s', async (who, sees) => {
    for (const id of [ids.restricted, ids.open, ids.openRestricted]) {
      const res = await get(who, id);
      if (sees) {
        expect(res.statusCode, id).toBe(200);
        expect(res.headers['cache-control']).toBe('private, no-store');
        expect(res.headers['content-security-policy']).toBe("sandbox; default-src 'none'");
      } else {
        // Exactly as an id that does not exist: no hint that something is there.
        expect(res.statusCode, id).toBe(404);
        expect(res.headers.etag).toBeUndefined();
        expect(res.headers['content-disposition']).toBeUndefined();
        expect(res.body).toBe((await get(who, '999999999')).body.replace('/evidence/999999999', evidenceUrl(id)));
      }
    }
  });

  it('serves text as UTF-8 text, never as something a browser would run', async () => {
    const res = await get('reviewer', ids.open);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; /);
    expect(res.body).toBe(text.toString('utf8'));
  });
});
