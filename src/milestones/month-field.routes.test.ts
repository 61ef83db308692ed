import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { rowCounts } from '../../test/helpers/database.ts';
import { submitEdit } from '../../test/helpers/edit-form.ts';
import { signedIn } from '../../test/helpers/sign-in.ts';
import type { WebClient } from '../../test/helpers/web-client.ts';
import { createAccount } from '../accounts/account.factories.ts';

// The months the workspace forms take (month-field.ts): years 1990-2100. Year 0 used to reach PostgreSQL, which has
// no year 0, and answer 500 "date/time field value out of range"; 9999 was stored.
let t: TestApp;
let admin: WebClient;
let leadInstitution: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signedIn(t.app, await createAccount(t.database.db, { role: 'administrator' }));
  leadInstitution = (await t.database.db.selectFrom('institutions').select('id').where('slug', '=', 'office-of-the-deputy-president')
    .executeTakeFirstOrThrow()).id;
});
afterAll(async () => { await t.close(); });

const EDIT = (locale: string) => `/${locale}/commitments/KE0031/milestones/1/edit`;
const NEW_MILESTONE = '/en/commitments/KE0031/milestones/new';
const NEW_COMMITMENT = '/en/members/kenya/action-plans/4/commitments/new';
const milestone = (over: Record<string, string> = {}) => ({
  lang: 'en', text: 'Write a guidance note for each commitment area', declaredStatus: 'new', start: '2021-02', end: '2021-12', reason: 'Dates', ...over,
});
const commitment = (over: Record<string, string> = {}): [string, string][] => [
  ...Object.entries({
    lang: 'en', ogpId: 'KE0045', numberInPlan: '14', title: 'Publish procurement plans', leadInstitution, start: '2021-01', end: '2022-06', ...over,
  }),
  ['policyAreas', 'open-data'],
];
const message = (field: string) => `${field}: enter a month from 1990-01 to 2100-12.`;

describe('years out of range in a month field', () => {
  it('are refused in a milestone edit with a 400 naming the field, keeping the input and writing nothing', async () => {
    const before = await rowCounts(t.database.db);
    const cases: [Record<string, string>, string][] = [
      [{ start: '0000-01' }, message('Start date')],
      [{ end: '0000-06', start: '' }, message('End date')],
      [{ end: '9999-12' }, message('End date')],
      [{ start: '1989-12' }, message('Start date')],
      [{ end: '2101-01' }, message('End date')],
    ];
    for (const [over, expected] of cases) {
      const res = await submitEdit(admin, EDIT('en'), EDIT('en'), milestone(over));
      expect(res.statusCode, JSON.stringify(over)).toBe(400);
      expect(res.body, JSON.stringify(over)).toContain(expected);
      for (const value of Object.values(over)) if (value) expect(res.body).toContain(`value="${value}"`);
    }
    expect(await rowCounts(t.database.db)).toEqual(before);
  });

  it('are refused in a new milestone and a new commitment (the same month field), never a server error', async () => {
    const before = await rowCounts(t.database.db);
    const newMilestone = await admin.submit(NEW_MILESTONE, NEW_MILESTONE, { lang: 'en', text: 'Hold a year-zero hearing', start: '0000-01', end: '' });
    expect(newMilestone.statusCode).toBe(400);
    expect(newMilestone.body).toContain(message('Start date'));
    const endless = await admin.submit(NEW_MILESTONE, NEW_MILESTONE, { lang: 'en', text: 'Hold a hearing', start: '2021-01', end: '9999-12' });
    expect(endless.statusCode).toBe(400);
    expect(endless.body).toContain(message('End date'));
    const newCommitment = await admin.submit(NEW_COMMITMENT, NEW_COMMITMENT, commitment({ start: '0000-01' }));
    expect(newCommitment.statusCode).toBe(400);
    expect(newCommitment.body).toContain(message('Start date'));
    const lateCommitment = await admin.submit(NEW_COMMITMENT, NEW_COMMITMENT, commitment({ end: '9999-12' }));
    expect(lateCommitment.statusCode).toBe(400);
    expect(lateCommitment.body).toContain(message('End date'));
    expect(await rowCounts(t.database.db)).toEqual(before);
  });

  it('says so in each of the four languages', async () => {
    const expected = {
      fr: 'Date de début : saisissez un mois entre 1990-01 et 2100-12.',
      es: 'escriba un mes entre 1990-01 y 2100-12.',
      sw: 'andika mwezi kati ya 1990-01 na 2100-12.',
    };
    for (const [locale, text] of Object.entries(expected)) {
      const res = await submitEdit(admin, EDIT(locale), EDIT(locale), milestone({ start: '0000-01' }));
      expect(res.statusCode, locale).toBe(400);
      expect(res.body, locale).toContain(text);
    }
  });

  it('takes the first and last months of the range', async () => {
    const res = await submitEdit(admin, EDIT('en'), EDIT('en'), milestone({ start: '1990-01', end: '2100-12', reason: 'Testing the range' }));
    expect(res.statusCode, res.body.slice(0, 500)).toBe(303);
    const row = await t.database.db.selectFrom('milestones as m').innerJoin('commitments as c', 'c.id', 'm.commitment_id')
      .select(['m.start_date', 'm.end_date']).where('c.ogp_id', '=', 'KE0031').where('m.number', '=', 1).executeTakeFirstOrThrow();
    expect(row).toEqual({ start_date: '1990-01-01', end_date: '2100-12-01' });
    const created = await admin.submit(NEW_COMMITMENT, NEW_COMMITMENT, commitment({ start: '1990-01', end: '2100-12' }));
    expect(created.statusCode, created.body.slice(0, 500)).toBe(303);
  });
});
