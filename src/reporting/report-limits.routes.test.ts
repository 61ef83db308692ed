import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvidenceApp, postMultipart, type EvidenceApp, type Part } from '../../test/helpers/evidence-data.ts';
import { futureDay, kenyaPlanId, milestoneIdOf } from '../../test/helpers/reporting-data.ts';
import { signedIn } from '../../test/helpers/sign-in.ts';
import { csrfTokenIn, type WebClient } from '../../test/helpers/web-client.ts';
import { createAccount } from '../accounts/account.factories.ts';

// A small limit (AHADI_UPLOAD_MAX_MB is whole megabytes; 2 MB keeps the test's bodies small).
const LIMIT = 2 * 1024 * 1024;
/** A number as the language writes it ("2 Mo", "MB 2", "10 000" with their own spaces), by Intl itself. */
const megabytes = (locale: string, n: number) => new Intl.NumberFormat(locale, { style: 'unit', unit: 'megabyte', unitDisplay: 'short' }).format(n);
const number = (locale: string, n: number) => new Intl.NumberFormat(locale).format(n);
let t: EvidenceApp;
let poc: WebClient;
let reportOf: (locale: string) => string;

beforeAll(async () => {
  t = await createEvidenceApp({ uploadMaxBytes: LIMIT });
  const db = t.database.db;
  const admin = await signedIn(t.app, await createAccount(db, { role: 'administrator' }));
  poc = await signedIn(t.app, await createAccount(db, { role: 'point_of_contact', institutionSlug: 'office-of-the-deputy-president' }));
  const opened = await admin.submit('/en/reporting/rounds/new', '/en/reporting/rounds/new', { actionPlan: await kenyaPlanId(db), label: '2021 Q3', deadline: futureDay() });
  expect(opened.statusCode, opened.body.slice(0, 1000)).toBe(303);
  const roundId = (await db.selectFrom('reporting_rounds').select('id').executeTakeFirstOrThrow()).id;
  const milestoneId = await milestoneIdOf(db, 'KE0031', 1);
  reportOf = (locale) => `/${locale}/reporting/rounds/${roundId}/milestones/${milestoneId}/report`;
});
afterAll(async () => { await t.close(); });

async function send(locale: string, parts: Part[]) {
  const token = csrfTokenIn((await poc.get(reportOf(locale))).body)!;
  const fields: Part[] = [{ name: 'status', value: 'in_progress' }, { name: 'percent', value: '40' }, { name: 'lang', value: 'en' }];
  return postMultipart(poc, reportOf(locale), [...fields, ...parts], token);
}

describe('the report form says the limit a refused input broke, in the page language', () => {
  it('names the largest file accepted when a file is too large, in the summary and beside the field', async () => {
    const before = await t.database.db.selectFrom('milestone_reports').select('id').execute();
    const big: Part = { name: 'file', fileName: 'minutes.txt', content: Buffer.alloc(LIMIT + 1, 'a'), type: 'text/plain' };
    const cases = [
      ['en', 'Evidence file: the file is larger than the 2 MB allowed.'],
      ['fr', `Fichier de preuve : le fichier dépasse la taille autorisée de ${megabytes('fr', 2)}.`],
      ['sw', `Faili la ushahidi: faili ni kubwa kuliko kiwango kinachoruhusiwa cha ${megabytes('sw', 2)}.`],
    ] as const;
    for (const [locale, text] of cases) {
      const res = await send(locale, [{ name: 'narrative', value: 'Under way.' }, big]);
      expect(res.statusCode, locale).toBe(400);
      // Once in the error summary (linking the field), once beside the field.
      expect(res.body.split(text).length - 1, `${locale}: ${res.body.slice(0, 200)}`).toBe(2);
      expect(res.body).toContain('href="#field-file"');
      expect(res.body).toContain('Under way.</textarea>');
    }
    expect(await t.database.db.selectFrom('milestone_reports').select('id').execute()).toEqual(before);
  });

  it('names the longest text accepted when the narrative is too long, its number in the page language', async () => {
    const en = await send('en', [{ name: 'narrative', value: 'n'.repeat(10_001) }]);
    expect(en.statusCode).toBe(400);
    expect(en.body).toContain('this is too long. Use at most 10,000 characters.');
    const fr = await send('fr', [{ name: 'narrative', value: 'n'.repeat(10_001) }]);
    expect(fr.body).toContain(`Ce qui a été fait : c’est trop long. Utilisez au plus ${number('fr', 10_000)} caractères.`);
  });

  it('refuses a text too long to read whole with the field’s own limit, and gives back what was read', async () => {
    const res = await send('en', [{ name: 'narrative', value: 'n'.repeat(100_000) }]);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('this is too long. Use at most 10,000 characters.');
    expect(res.body).toContain(`${'n'.repeat(1000)}</textarea>`);
  });
});
