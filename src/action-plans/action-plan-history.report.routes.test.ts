import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { evidenceForm, futureDay, kenyaPlanId, milestoneIdOf, person, reportDeps } from '../../test/helpers/reporting-data.ts';
import { signedIn } from '../../test/helpers/sign-in.ts';
import { WebClient } from '../../test/helpers/web-client.ts';
import { createAccount } from '../accounts/account.factories.ts';
import { intlFor } from '../i18n/intl.ts';
import { LOCALES } from '../i18n/locales.ts';
import { submitMilestoneReport } from '../reporting/commands/submit-milestone-report.ts';

/**
 * An action plan's public history on the entries milestone reports write, as QA found it leaking (2026-11-27): it
 * must say of them what a commitment's history tab says (decision 018), a verdict by the reviewer's organisation and
 * nothing of an open round's entries, the reason for restricting evidence included.
 */
let t: TestApp;
let roundId: string;
let admin: WebClient;
const ROUND = '2022 Q3';
const REVIEWER = 'Rehema Reviewer';
const REASON = 'Datos personales';
const HISTORY = (locale: string) => `/${locale}/members/kenya/action-plans/4/history`;
/** A page's text with tags dropped and entities read, as a reader reads it. */
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#39;|&#x27;/g, '\'').replace(/&amp;/g, '&').replace(/\s+/g, ' ');
const publicHistory = async (locale: string) => {
  const res = await new WebClient(t.app).get(HISTORY(locale));
  expect(res.statusCode).toBe(200);
  return text(res.body);
};

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  admin = await signedIn(t.app, await createAccount(db, { role: 'administrator' }));
  const pocAccount = await person(db, 'point_of_contact', 'office-of-the-deputy-president');
  const poc = await signedIn(t.app, pocAccount.account);
  const reviewer = await signedIn(t.app, await createAccount(db, { role: 'civil_society_reviewer', institutionSlug: 'civil-society-organisations', name: REVIEWER }));
  const NEW = '/en/reporting/rounds/new';
  const opened = await admin.submit(NEW, NEW, { actionPlan: await kenyaPlanId(db), label: ROUND, deadline: futureDay() });
  expect(opened.statusCode, opened.body.slice(0, 1000)).toBe(303);
  roundId = (await db.selectFrom('reporting_rounds').select('id').where('label', '=', ROUND).executeTakeFirstOrThrow()).id;
  const m3 = await milestoneIdOf(db, 'KE0031', 3);
  expect(await submitMilestoneReport(db, reportDeps, pocAccount.user, { roundId, milestoneId: m3 },
    evidenceForm({ status: 'complete', percent: '100', narrative: 'Mechanism set up.', lang: 'en', linkUrl: 'https://example.org/mechanism', linkTitle: 'Minutes' })))
    .toMatchObject({ ok: true });
  const verdictUrl = `/en/reporting/rounds/${roundId}/milestones/${m3}/verdict`;
  const verdict = await reviewer.submit(verdictUrl, verdictUrl, { verdict: 'confirmed', revision: '1' });
  expect(verdict.statusCode, verdict.body.slice(0, 1000)).toBe(303);
  const item = await db.selectFrom('evidence_items').select('id').where('title', '=', 'Minutes').executeTakeFirstOrThrow();
  const restrictUrl = `/en/reporting/rounds/${roundId}/milestones/${m3}/evidence/${item.id}/restrict`;
  const restricted = await poc.submit(restrictUrl, restrictUrl, { reason: REASON });
  expect(restricted.statusCode, restricted.body.slice(0, 1000)).toBe(303);
});
afterAll(async () => { await t.close(); });

describe('report entries on the public history of an action plan', () => {
  it('while the round is open, names a verdict by its organisation and hides what the entries say, the reason included', async () => {
    for (const locale of LOCALES) {
      const intl = intlFor(locale);
      const body = await publicHistory(locale);
      expect(body, locale).toContain(intl.t('history.command.record_verdict'));
      expect(body, locale).toContain(intl.t('history.command.restrict_evidence'));
      expect(body, locale).toContain('Civil society organisations');
      expect(body, locale).toContain(intl.t('history.report.unpublished', { round: ROUND }));
      for (const secret of [REVIEWER, REASON, 'Mechanism set up.']) expect(body, `${locale}: ${secret}`).not.toContain(secret);
    }
  });

  it('once the round has closed, shows the reason, still never the reviewer as a person', async () => {
    const closed = await admin.submit(`/en/reporting/rounds/${roundId}/workspace`, `/en/reporting/rounds/${roundId}/close`, { confirm: 'yes' });
    expect(closed.statusCode, closed.body.slice(0, 1000)).toBe(303);
    const body = await publicHistory('en');
    expect(body).toContain(REASON);
    expect(body).toContain(`Reporting round: ${ROUND}.`);
    expect(body).toContain('Civil society organisations');
    expect(body).not.toContain(REVIEWER);
    expect(body).not.toContain(intlFor('en').t('history.report.unpublished', { round: ROUND }));
  });
});
