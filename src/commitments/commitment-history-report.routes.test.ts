import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { evidenceForm, futureDay, kenyaPlanId, milestoneIdOf, person, reportDeps, storedPdf } from '../../test/helpers/reporting-data.ts';
import { WebClient } from '../../test/helpers/web-client.ts';
import type { CurrentUser } from '../accounts/current-user.ts';
import { intlFor } from '../i18n/intl.ts';
import { createMailer } from '../mail/mailer.ts';
import { closeReportingRound } from '../reporting/commands/close-reporting-round.ts';
import { openReportingRound } from '../reporting/commands/open-reporting-round.ts';
import { recordVerdict } from '../reporting/commands/record-verdict.ts';
import { restrictEvidence } from '../reporting/commands/restrict-evidence.ts';
import { submitMilestoneReport } from '../reporting/commands/submit-milestone-report.ts';
import { withdrawCommitment } from './commands/withdraw-commitment.ts';
import { diffRows } from './commitment-history.page.tsx';
import { findChanges } from './commitment-history.queries.ts';

/**
 * A commitment's history tab on the entries milestone reports write (decisions 013 and 018): made by the reporting
 * commands on the demo plan (KE0031), read through the public page before and after the round closes.
 */
let t: TestApp;
let roundId: string;
let admin: CurrentUser;
let poc: CurrentUser;
let reviewer: CurrentUser;
let reviewerName: string;
let odpName: string;
let reviewerInstitution: string;
const ROUND = '2022 Q1';
const deps = reportDeps;
const page = async (locale = 'en') => {
  const res = await new WebClient(t.app).get(`/${locale}/commitments/KE0031/history`);
  expect(res.statusCode).toBe(200);
  return res.body;
};
const milestonePage = async (number: number) => {
  const res = await new WebClient(t.app).get(`/en/commitments/KE0031/milestones/${number}/history`);
  expect(res.statusCode).toBe(200);
  return res.body;
};
/** A page's text with tags and entities dropped, as a reader reads it. */
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#39;|&#x27;/g, '\'').replace(/&amp;/g, '&').replace(/\s+/g, ' ');

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  admin = (await person(db, 'administrator')).user;
  poc = (await person(db, 'point_of_contact', 'office-of-the-deputy-president')).user;
  const r = await person(db, 'civil_society_reviewer', 'civil-society-organisations');
  reviewer = r.user;
  reviewerName = r.account.name;
  const names = await db.selectFrom('institutions').select(['id', 'name']).where('id', 'in', [poc.institutionId!, reviewer.institutionId!]).execute();
  odpName = names.find((n) => n.id === poc.institutionId)!.name;
  reviewerInstitution = names.find((n) => n.id === reviewer.institutionId)!.name;
  const mailer = createMailer({ smtpUrl: undefined, mailFrom: 'Ahadi <no-reply@localhost>' });
  expect(await openReportingRound(db, mailer, 'http://portal.example', admin, { actionPlan: await kenyaPlanId(db), label: ROUND, deadline: futureDay() })).toMatchObject({ ok: true });
  roundId = (await db.selectFrom('reporting_rounds').select('id').where('label', '=', ROUND).executeTakeFirstOrThrow()).id;
  const [m1, m2] = [await milestoneIdOf(db, 'KE0031', 1), await milestoneIdOf(db, 'KE0031', 2)];
  const submit = (actor: CurrentUser, milestoneId: string, values: Record<string, string>, files = [] as ReturnType<typeof storedPdf>[]) =>
    submitMilestoneReport(db, deps, actor, { roundId, milestoneId }, evidenceForm(values, files));
  // Milestone 1: a first report with a restricted file, then a revision claiming it complete.
  expect(await submit(poc, m1, { status: 'in_progress', percent: '40', narrative: 'Drafts of four notes.', lang: 'en',
    fileRestricted: 'yes', fileRestrictedReason: 'Names of participants' }, [storedPdf()])).toMatchObject({ ok: true });
  expect(await submit(poc, m1, { status: 'complete', percent: '100', narrative: 'All four notes published.', lang: 'en' })).toMatchObject({ ok: true });
  expect(await recordVerdict(db, reviewer, { roundId, milestoneId: m1 }, { verdict: 'disputed', comment: 'Only two notes are online.' })).toMatchObject({ ok: true });
  // Milestone 2: an administrator reports on the institution's behalf, with a link the point of contact then restricts.
  expect(await submit(admin, m2, { status: 'not_started', percent: '0', narrative: 'Waiting for funds.', lang: 'fr',
    institution: poc.institutionId!, linkUrl: 'https://example.org/budget', linkTitle: 'Budget line' })).toMatchObject({ ok: true });
  const link = await db.selectFrom('evidence_items').select('id').where('title', '=', 'Budget line').executeTakeFirstOrThrow();
  expect(await restrictEvidence(db, poc, { roundId, milestoneId: m2, itemId: link.id }, { reason: 'Internal budget address' })).toMatchObject({ ok: true });
});
afterAll(async () => { await t.close(); });

describe('milestone-report entries on a commitment history tab', () => {
  it('while the round is open, shows that each entry exists and on which milestone, but none of what it says', async () => {
    const html = await page();
    const body = text(html);
    expect(body).toContain('Milestone report sent: milestone 1');
    expect(body).toContain('Civil-society verdict recorded: milestone 1');
    expect(body).toContain('Evidence restricted: milestone 2');
    expect(body).toContain(`What this entry says becomes public when the reporting round ${ROUND} closes.`);
    expect(html).toContain('href="/en/commitments/KE0031/milestones/1"');
    for (const secret of ['Drafts of four notes', 'All four notes published', 'Only two notes are online', 'Internal budget address', 'Budget line', reviewerName]) {
      expect(body, secret).not.toContain(secret);
    }
    expect(body).toContain(reviewerInstitution);
  });

  it('lists a milestone’s own report entries on its history tab, under the same rule, and not another milestone’s', async () => {
    const first = text(await milestonePage(1));
    expect(first).toContain('Milestone report sent');
    expect(first).toContain('Civil-society verdict recorded');
    expect(first).toContain(`What this entry says becomes public when the reporting round ${ROUND} closes.`);
    expect(first).not.toContain('Drafts of four notes');
    expect(first).not.toContain('Evidence restricted');
    expect(text(await milestonePage(2))).toContain('Evidence restricted');
  });

  it('once the round has closed, shows each entry with its own labels: report status, percent, verdict, evidence, institution', async () => {
    expect(await closeReportingRound(t.database.db, admin, roundId, { confirm: 'yes' })).toMatchObject({ ok: true });
    const body = text(await page());
    // The revision of milestone 1: status and percent as the report pages say them, and the narrative.
    expect(body).toMatch(/Status In progress Complete/);
    expect(body).toMatch(/Percent complete 40% 100%/);
    expect(body).toContain('Drafts of four notes. All four notes published.');
    expect(body).toMatch(/Version of the report 1 2/);
    expect(body).toContain(`Reporting round: ${ROUND}. Evidence added with this version: 1 item, 1 restricted.`);
    // The verdict, named by the reviewer's organisation only.
    expect(body).toMatch(/Civil society’s verdict Not given Disputed/);
    expect(body).toContain('Only two notes are online.');
    expect(body).toMatch(/Version of the report judged Not given 2/);
    expect(body).not.toContain(reviewerName);
    // Milestone 2: reported by an administrator for the institution, in French; its link restricted with a reason.
    expect(body).toContain(`Sent on behalf of ${odpName}.`);
    expect(body).toMatch(new RegExp(`Reporting institution Not given ${odpName}`));
    expect(body).toMatch(/Language of the text Not given French/);
    expect(body).toMatch(/Status Not given Not started/);
    expect(body).toContain('Evidence item: Budget line.');
    expect(body).toMatch(/Restricted No Yes/);
    expect(body).toContain('Internal budget address');
    expect(body).not.toContain('What this entry says becomes public');
    const second = text(await milestonePage(2));
    expect(second).toContain('Evidence item: Budget line.');
    expect(second).toContain('Internal budget address');
    expect(second).not.toContain('Only two notes are online.');
    expect(text(await milestonePage(1))).toContain('Only two notes are online.');
  });

  it('says the reported status, percent and verdict in the reader’s language, numbers through Intl', async () => {
    for (const locale of ['fr', 'es', 'sw'] as const) {
      const intl = intlFor(locale);
      const body = text(await page(locale));
      for (const said of [intl.t('reporting.status.complete'), intl.t('reporting.verdict.disputed'), intl.t('history.report.milestoneLink', { number: 1 }),
        intl.formatNumber(0.4, { style: 'percent' }).replace(/\s+/g, ' ')]) expect(body, `${locale}: ${said}`).toContain(said);
      expect(body, locale).not.toContain('reporting.status');
    }
  });

  it('labels `status` as a commitment’s status and `reportStatus` as a report’s, each by what its entry is', async () => {
    const db = t.database.db;
    expect(await withdrawCommitment(db, admin, 'KE0031', { reason: 'Merged' })).toMatchObject({ ok: true });
    const commitmentId = (await db.selectFrom('commitments').select('id').where('ogp_id', '=', 'KE0031').executeTakeFirstOrThrow()).id;
    const changes = await findChanges(db, commitmentId);
    const intl = intlFor('en');
    const withdrawal = changes.find((c) => c.command === 'withdraw_commitment')!;
    expect(diffRows(intl, withdrawal)).toContainEqual({ field: 'Status', before: 'Not given', after: 'Withdrawn' });
    const firstReport = changes.filter((c) => c.command === 'submit_milestone_report').at(-1)!;
    expect(firstReport).toMatchObject({ milestoneNumber: 1, report: { roundLabel: ROUND, published: true } });
    expect(diffRows(intl, firstReport)).toContainEqual({ field: 'Status', before: 'Not given', after: 'In progress' });
  });
});
