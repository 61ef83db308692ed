import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { evidenceForm, futureDay, kenyaPlanId, milestoneIdOf, person, reportDeps } from '../../test/helpers/reporting-data.ts';
import { signedIn } from '../../test/helpers/sign-in.ts';
import type { WebClient } from '../../test/helpers/web-client.ts';
import type { CurrentUser } from '../accounts/current-user.ts';
import { intlFor } from '../i18n/intl.ts';
import { LOCALES } from '../i18n/locales.ts';
import { withdrawCommitment } from '../commitments/commands/withdraw-commitment.ts';
import { createMilestone } from '../milestones/commands/create-milestone.ts';
import { submitMilestoneReport } from './commands/submit-milestone-report.ts';
import { listRounds } from './reporting.queries.ts';

/**
 * What QA found on a reporting round (2026-11-27), through the pages: a verdict or a report sent on a version of the
 * report that changed meanwhile, a withdrawn commitment's milestones counted as missing, and a second close of a
 * closed round answered with an empty error page.
 */
let t: TestApp;
let roundId: string;
let admin: { user: CurrentUser; client: WebClient };
let poc: { user: CurrentUser; client: WebClient };
let treasury: { user: CurrentUser; client: WebClient };
let reviewer: { user: CurrentUser; client: WebClient };
const ROUND = '2022 Q2';
const reportOf = (milestoneId: string, locale = 'en') => `/${locale}/reporting/rounds/${roundId}/milestones/${milestoneId}/report`;
const verdictOf = (milestoneId: string, locale = 'en') => `/${locale}/reporting/rounds/${roundId}/milestones/${milestoneId}/verdict`;
const workspace = (locale = 'en') => `/${locale}/reporting/rounds/${roundId}/workspace`;
/** A page's text with tags dropped and entities read, as a reader reads it. */
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#39;|&#x27;/g, '\'').replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/\s+/g, ' ');
const hiddenRevision = (html: string) => /<input type="hidden" name="revision" value="(\d+)"/.exec(html)?.[1];

/** What the reporting commands write: a refusal leaves it as it was. */
async function written(): Promise<string> {
  const tables = ['milestone_reports', 'evidence_items', 'milestone_report_verdicts', 'reporting_round_snapshots', 'reporting_rounds', 'changes'];
  const rows = await Promise.all(tables.map((table) => sql`select * from ${sql.table(table)} order by 1`.execute(t.database.db)));
  return JSON.stringify(rows.map((r) => r.rows));
}

async function signedInPerson(role: Parameters<typeof person>[1], institution?: string) {
  const p = await person(t.database.db, role, institution);
  return { user: p.user, client: await signedIn(t.app, p.account) };
}

/** A report sent by a command (a link as evidence, checked without leaving the machine). */
async function report(actor: CurrentUser, milestoneId: string, values: Record<string, string>) {
  const result = await submitMilestoneReport(t.database.db, reportDeps, actor, { roundId, milestoneId }, evidenceForm(values));
  expect(result).toMatchObject({ ok: true });
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await signedInPerson('administrator');
  poc = await signedInPerson('point_of_contact', 'office-of-the-deputy-president');
  treasury = await signedInPerson('point_of_contact', 'national-treasury');
  reviewer = await signedInPerson('civil_society_reviewer', 'civil-society-organisations');
  const NEW = '/en/reporting/rounds/new';
  const opened = await admin.client.submit(NEW, NEW, { actionPlan: await kenyaPlanId(t.database.db), label: ROUND, deadline: futureDay() });
  expect(opened.statusCode, opened.body.slice(0, 1000)).toBe(303);
  roundId = (await t.database.db.selectFrom('reporting_rounds').select('id').where('label', '=', ROUND).executeTakeFirstOrThrow()).id;
});
afterAll(async () => { await t.close(); });

describe('a verdict on a report revised while the reviewer read it', () => {
  let m3: string;
  beforeAll(async () => {
    m3 = await milestoneIdOf(t.database.db, 'KE0031', 3);
    await report(poc.user, m3, { status: 'complete', percent: '100', narrative: 'All done.', lang: 'en', linkUrl: 'https://example.org/done' });
  });

  it('is refused, in each language, naming the change and showing the new version, what was typed kept, nothing written', async () => {
    const opened = await reviewer.client.get(verdictOf(m3));
    expect(opened.statusCode).toBe(200);
    expect(hiddenRevision(opened.body)).toBe('1');
    // Meanwhile an administrator revises the report.
    await report(admin.user, m3, { status: 'in_progress', percent: '50', narrative: 'Half of it, in fact.', lang: 'en', institution: poc.user.institutionId! });
    const before = await written();
    for (const locale of LOCALES) {
      const intl = intlFor(locale);
      const res = await reviewer.client.submit(verdictOf(m3, locale), verdictOf(m3, locale), { verdict: 'insufficient_evidence', comment: 'Où sont les notes ?', revision: '1' });
      expect(res.statusCode, locale).toBe(400);
      const body = text(res.body);
      const label = intl.t('reporting.report.current', { revision: 2 });
      expect(body, locale).toContain(intl.t('reporting.error.reportChanged', { field: label }));
      expect(res.body, locale).toContain('href="#field-revision"');
      expect(res.body, locale).toContain('id="field-revision"');
      // The new version beside the form, which now carries it; the verdict and comment as typed.
      expect(body, locale).toContain(label);
      expect(body, locale).toContain('Half of it, in fact.');
      expect(body, locale).toContain(intl.t('reporting.verdict.yours', { revision: 2 }));
      expect(hiddenRevision(res.body), locale).toBe('2');
      expect(res.body, locale).toMatch(/<option value="insufficient_evidence" selected/);
      expect(res.body, locale).toContain('Où sont les notes ?');
    }
    expect(await written()).toBe(before);
  });

  it('is recorded on the version the form showed once the reviewer sends it again from the new version', async () => {
    const res = await reviewer.client.submit(verdictOf(m3), verdictOf(m3), { verdict: 'confirmed', revision: '2' });
    expect(res.statusCode, res.body.slice(0, 1000)).toBe(303);
    const verdict = await t.database.db.selectFrom('milestone_report_verdicts').select(['verdict', 'report_revision']).executeTakeFirstOrThrow();
    expect(verdict).toEqual({ verdict: 'confirmed', report_revision: 2 });
  });

  it('refuses a revision that is not a number by its field, writing nothing', async () => {
    const before = await written();
    for (const revision of ['abc', '-1', '1.5', '9999999999']) {
      const res = await reviewer.client.submit(verdictOf(m3), verdictOf(m3), { verdict: 'disputed', comment: 'No.', revision });
      expect(res.statusCode, revision).toBe(400);
      expect(text(res.body), revision).toContain(intlFor('en').t('form.error.invalid', { field: 'Current report (version 2)' }));
    }
    expect(await written()).toBe(before);
  });
});

describe('a milestone report revised by someone else while the form was open', () => {
  let m4: string;
  beforeAll(async () => { m4 = await milestoneIdOf(t.database.db, 'KE0031', 4); });

  it('is refused with the other version shown and the text kept; sent again from it, it becomes the next version', async () => {
    const opened = await poc.client.get(reportOf(m4));
    expect(hiddenRevision(opened.body)).toBe('0');
    // An administrator gives the first report meanwhile, from a form opened on no report.
    const first = await admin.client.submit(reportOf(m4), reportOf(m4),
      { status: 'not_started', percent: '0', narrative: 'Waiting for funds.', lang: 'en', institution: poc.user.institutionId!, revision: '0' });
    expect(first.statusCode, first.body.slice(0, 1000)).toBe(303);
    const before = await written();
    const fields = { status: 'in_progress', percent: '20', narrative: 'Terms of reference drafted.', lang: 'en', revision: '0' };
    for (const locale of LOCALES) {
      const intl = intlFor(locale);
      const res = await poc.client.submit(reportOf(m4, locale), reportOf(m4, locale), fields);
      expect(res.statusCode, locale).toBe(400);
      const body = text(res.body);
      const label = intl.t('reporting.report.current', { revision: 1 });
      expect(body, locale).toContain(intl.t('reporting.error.reportChanged', { field: label }));
      expect(body, locale).toContain('Waiting for funds.');
      expect(res.body, locale).toContain('Terms of reference drafted.</textarea>');
      expect(hiddenRevision(res.body), locale).toBe('1');
    }
    expect(await written()).toBe(before);
    const again = await poc.client.submit(reportOf(m4), reportOf(m4), { ...fields, revision: '1' });
    expect(again.statusCode, again.body.slice(0, 1000)).toBe(303);
    const saved = await t.database.db.selectFrom('milestone_reports').select(['revision', 'narrative']).where('milestone_id', '=', m4).executeTakeFirstOrThrow();
    expect(saved).toEqual({ revision: 2, narrative: 'Terms of reference drafted.' });
  });

  it('refuses a revision that is not a number, writing nothing', async () => {
    const before = await written();
    const res = await poc.client.submit(reportOf(m4), reportOf(m4), { status: 'in_progress', percent: '30', narrative: 'x', lang: 'en', revision: 'two' });
    expect(res.statusCode).toBe(400);
    expect(text(res.body)).toContain(intlFor('en').t('form.error.invalid', { field: 'Current report (version 2)' }));
    expect(await written()).toBe(before);
  });
});

describe('a withdrawn commitment in an open round', () => {
  let reported: string;
  let unreported: string;
  beforeAll(async () => {
    const db = t.database.db;
    // KE0024 (the National Treasury's) gets two milestones; the treasury reports on one, then KE0024 is withdrawn.
    for (const text of ['Publish the budget in open formats', 'Hold a public budget hearing']) {
      expect(await createMilestone(db, admin.user, 'KE0024', { lang: 'en', text, start: '2021-01', end: '2021-12' })).toMatchObject({ ok: true });
    }
    [reported, unreported] = [await milestoneIdOf(db, 'KE0024', 1), await milestoneIdOf(db, 'KE0024', 2)];
    await report(treasury.user, reported, { status: 'in_progress', percent: '40', narrative: 'Budget data drafted.', lang: 'en' });
  });

  it('before the withdrawal, counts both milestones for the National Treasury', async () => {
    const body = text((await admin.client.get(workspace())).body);
    expect(body).toContain('National Treasury 1 of 2 0 1 ');
  });

  it('after it, no longer asks for, counts or offers a report on its milestones; a report given stays, to read', async () => {
    expect(await withdrawCommitment(t.database.db, admin.user, 'KE0024', { reason: 'Merged into KE0031' })).toMatchObject({ ok: true });
    const res = await admin.client.get(workspace());
    const body = text(res.body);
    expect(body).toContain('National Treasury 1 of 1 0 0 ');
    expect(body).not.toContain('Hold a public budget hearing');
    expect(res.body).not.toContain(reportOf(unreported));
    expect(body).toContain('Publish the budget in open formats');
    expect(res.body).toContain(`<a href="${reportOf(reported)}">Read the report</a>`);
    const treasuryList = text((await treasury.client.get('/en/reporting')).body);
    expect(treasuryList).not.toContain('Hold a public budget hearing');
    const rounds = await listRounds(t.database.db, { openOnly: true });
    expect(rounds.find((r) => r.id === roundId)?.milestoneCount).toBe(7 + 1);
  });

  it('refuses a report on its milestones, saying why, writing nothing', async () => {
    const before = await written();
    for (const milestone of [reported, unreported]) {
      const page = await treasury.client.get(reportOf(milestone));
      expect(page.statusCode).toBe(200);
      expect(text(page.body)).toContain('This milestone\'s commitment has been withdrawn: nobody reports on it any more.');
      expect(page.body).not.toContain('name="narrative"');
      const res = await admin.client.submit('/en/account', reportOf(milestone),
        { status: 'in_progress', percent: '60', narrative: 'More.', lang: 'en', institution: treasury.user.institutionId! });
      expect(res.statusCode).toBe(400);
      expect(text(res.body)).toContain('This milestone\'s commitment has been withdrawn: nobody reports on it any more.');
    }
    expect(await written()).toBe(before);
  });

  it('publishes at close the report given, and not the milestone nobody had to report on as missing', async () => {
    const closed = await admin.client.submit(workspace(), `/en/reporting/rounds/${roundId}/close`, { confirm: 'yes' });
    expect(closed.statusCode, closed.body.slice(0, 1000)).toBe(303);
    const snapshot = await t.database.db.selectFrom('reporting_round_snapshots').select(['milestone_id', 'status'])
      .where('reporting_round_id', '=', roundId).execute();
    expect(snapshot).toHaveLength(8);
    expect(snapshot.find((s) => s.milestone_id === reported)?.status).toBe('in_progress');
    expect(snapshot.find((s) => s.milestone_id === unreported)).toBeUndefined();
  });
});

describe('closing a round already closed (another administrator, a double submit)', () => {
  it('says the round is closed, in each language, and writes nothing', async () => {
    const before = await written();
    for (const locale of LOCALES) {
      const intl = intlFor(locale);
      const res = await admin.client.submit(workspace(locale), `/${locale}/reporting/rounds/${roundId}/close`, { confirm: 'yes' });
      expect(res.statusCode, locale).toBe(400);
      expect(res.body, locale).toContain('class="error-summary"');
      expect(text(res.body), locale).toContain(intl.t('reporting.error.roundClosed'));
    }
    expect(await written()).toBe(before);
  });

  it('is listed with the milestones reported, not "so far"', async () => {
    for (const locale of LOCALES) {
      const listed = text((await admin.client.get(`/${locale}/reporting`)).body);
      expect(listed, locale).toContain(intlFor(locale).t('reporting.progress.final', { reported: 3, total: 8 }));
      expect(listed, locale).not.toContain(intlFor(locale).t('reporting.progress.count', { reported: 3, total: 8 }));
    }
  });
});
