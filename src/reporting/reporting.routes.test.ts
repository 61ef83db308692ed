import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvidenceApp, postMultipart, samples, type EvidenceApp } from '../../test/helpers/evidence-data.ts';
import { futureDay, kenyaPlanId, milestoneIdOf } from '../../test/helpers/reporting-data.ts';
import { signedIn } from '../../test/helpers/sign-in.ts';
import { csrfTokenIn, WebClient } from '../../test/helpers/web-client.ts';
import { createAccount, type TestAccount } from '../accounts/account.factories.ts';

let t: EvidenceApp;
let planId: string;
let roundId: string;
let m1: string;
let m2: string;
const accounts = {} as Record<'admin' | 'poc' | 'treasuryPoc' | 'reviewer' | 'researcher', TestAccount>;
const clients = {} as Record<keyof typeof accounts, WebClient>;

const NEW = '/en/reporting/rounds/new';
const workspace = () => `/en/reporting/rounds/${roundId}/workspace`;
const close = () => `/en/reporting/rounds/${roundId}/close`;
const reportOf = (milestoneId: string) => `/en/reporting/rounds/${roundId}/milestones/${milestoneId}/report`;
const verdictOf = (milestoneId: string) => `/en/reporting/rounds/${roundId}/milestones/${milestoneId}/verdict`;

beforeAll(async () => {
  t = await createEvidenceApp();
  const db = t.database.db;
  planId = await kenyaPlanId(db);
  m1 = await milestoneIdOf(db, 'KE0031', 1);
  m2 = await milestoneIdOf(db, 'KE0031', 2);
  accounts.admin = await createAccount(db, { role: 'administrator' });
  accounts.poc = await createAccount(db, { role: 'point_of_contact', institutionSlug: 'office-of-the-deputy-president' });
  accounts.treasuryPoc = await createAccount(db, { role: 'point_of_contact', institutionSlug: 'national-treasury' });
  accounts.reviewer = await createAccount(db, { role: 'civil_society_reviewer', institutionSlug: 'civil-society-organisations' });
  accounts.researcher = await createAccount(db, { role: 'irm_researcher' });
  for (const [name, account] of Object.entries(accounts)) clients[name as keyof typeof accounts] = await signedIn(t.app, account);
  const opened = await clients.admin.submit(NEW, NEW, { actionPlan: planId, label: '2021 Q3', deadline: futureDay() });
  expect(opened.statusCode, opened.body.slice(0, 1000)).toBe(303);
  roundId = (await db.selectFrom('reporting_rounds').select('id').executeTakeFirstOrThrow()).id;
  // One report to give verdicts on.
  const res = await clients.poc.submit(reportOf(m2), reportOf(m2), { status: 'in_progress', percent: '30', narrative: 'Under way.', lang: 'en' });
  expect(res.statusCode, res.body.slice(0, 2000)).toBe(303);
});
afterAll(async () => { await t.close(); });

/** Everything a reporting route could write. */
async function everything(): Promise<string> {
  const tables = ['reporting_rounds', 'milestone_reports', 'evidence_items', 'evidence_files', 'milestone_report_verdicts', 'reporting_round_snapshots', 'round_snapshot_institutions', 'changes', 'outbox'];
  const rows = await Promise.all(tables.map((table) => sql`select * from ${sql.table(table)} order by 1, 2`.execute(t.database.db)));
  return JSON.stringify(rows.map((r) => r.rows));
}

const reportFields = { status: 'in_progress', percent: '50', narrative: 'Hijacked.', lang: 'en' };

describe('who may do what', () => {
  it('sends the public to sign in from every workspace page and write route, writing nothing', async () => {
    const before = await everything();
    const anonymous = new WebClient(t.app);
    for (const url of ['/en/reporting', NEW, workspace(), reportOf(m1), verdictOf(m2)]) {
      const res = await anonymous.get(url);
      expect(res.statusCode, url).toBe(303);
      expect(res.headers.location).toBe(`/en/sign-in?return=${encodeURIComponent(url)}`);
    }
    for (const [url, fields] of [[NEW, { actionPlan: planId, label: 'x', deadline: futureDay() }], [close(), { confirm: 'yes' }],
      [reportOf(m1), reportFields], [verdictOf(m2), { verdict: 'confirmed' }]] as const) {
      const res = await anonymous.submit('/en/sign-in', url, fields);
      expect(res.statusCode, url).toBe(303);
      expect(res.headers.location).toBe('/en/sign-in');
    }
    expect(await everything()).toBe(before);
  });

  it('lets only administrators open and close rounds', async () => {
    const before = await everything();
    for (const role of ['poc', 'treasuryPoc', 'reviewer', 'researcher'] as const) {
      expect((await clients[role].get(NEW)).statusCode, role).toBe(403);
      expect((await clients[role].submit('/en/reporting', NEW, { actionPlan: planId, label: 'x', deadline: futureDay() })).statusCode, role).toBe(403);
      expect((await clients[role].submit(workspace(), close(), { confirm: 'yes' })).statusCode, role).toBe(403);
    }
    expect(await everything()).toBe(before);
  });

  it("refuses a point of contact another institution's milestone, through the form, and reviewers and researchers any report", async () => {
    const before = await everything();
    // The Treasury's PoC may open the workspace (its plan has a round) but not KE0031's report form.
    expect((await clients.treasuryPoc.get('/en/reporting')).statusCode).toBe(200);
    expect((await clients.treasuryPoc.get(reportOf(m1))).statusCode).toBe(403);
    for (const role of ['treasuryPoc', 'reviewer', 'researcher'] as const) {
      expect((await clients[role].submit('/en/reporting', reportOf(m1), reportFields)).statusCode, role).toBe(403);
      const token = csrfTokenIn((await clients[role].get('/en/reporting')).body)!;
      expect((await postMultipart(clients[role], reportOf(m1), [{ name: 'status', value: 'complete' }, { name: 'percent', value: '100' },
        { name: 'narrative', value: 'x' }, { name: 'lang', value: 'en' }, { name: 'file', fileName: 'a.pdf', content: samples.pdf() }], token)).statusCode, role).toBe(403);
    }
    // Reviewers and researchers may read a report; its form is not offered to them.
    for (const role of ['reviewer', 'researcher'] as const) {
      const page = await clients[role].get(reportOf(m2));
      expect(page.statusCode, role).toBe(200);
      expect(page.body).not.toContain('name="narrative"');
    }
    expect(await everything()).toBe(before);
  });

  it('lets only civil-society reviewers give verdicts', async () => {
    const before = await everything();
    for (const role of ['admin', 'poc', 'treasuryPoc', 'researcher'] as const) {
      expect((await clients[role].get(verdictOf(m2))).statusCode, role).toBe(403);
      expect((await clients[role].submit('/en/reporting', verdictOf(m2), { verdict: 'confirmed' })).statusCode, role).toBe(403);
    }
    expect(await everything()).toBe(before);
  });

  it('404s rounds and milestones that do not exist or are not of the round', async () => {
    for (const url of ['/en/reporting/rounds/999999/workspace', '/en/reporting/rounds/abc/workspace', '/en/reporting/rounds/999999',
      `/en/reporting/rounds/${roundId}/milestones/999999/report`, `/en/reporting/rounds/${roundId}/milestones/1x/report`]) {
      expect((await clients.admin.get(url)).statusCode, url).toBe(404);
    }
    expect((await clients.reviewer.get(verdictOf(m1))).statusCode).toBe(404); // nobody reported on milestone 1 yet
  });
});

describe('CSRF', () => {
  it('refuses every reporting write without the token, also a multipart form with the token in its body', async () => {
    const before = await everything();
    expect((await clients.admin.post(NEW, { actionPlan: planId, label: 'x', deadline: futureDay() })).statusCode).toBe(403);
    expect((await clients.admin.post(close(), { confirm: 'yes' })).statusCode).toBe(403);
    expect((await clients.poc.post(reportOf(m1), reportFields)).statusCode).toBe(403);
    expect((await clients.reviewer.post(verdictOf(m2), { verdict: 'confirmed' })).statusCode).toBe(403);
    const token = csrfTokenIn((await clients.poc.get(reportOf(m1))).body)!;
    const parts = [{ name: '_csrf', value: token }, ...Object.entries(reportFields).map(([name, value]) => ({ name, value }))];
    expect((await postMultipart(clients.poc, reportOf(m1), parts)).statusCode).toBe(403);
    expect((await postMultipart(clients.poc, reportOf(m1), parts, 'forged')).statusCode).toBe(403);
    // Another person's token does not work either.
    const othersToken = csrfTokenIn((await clients.admin.get(reportOf(m1))).body)!;
    expect((await postMultipart(clients.poc, reportOf(m1), parts.slice(1), othersToken)).statusCode).toBe(403);
    expect(await everything()).toBe(before);
  });
});

describe('the forms', () => {
  it('takes a report with a file through the multipart form, and shows it prefilled', async () => {
    const page = await clients.poc.get(reportOf(m1));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('enctype="multipart/form-data"');
    // The largest file accepted (AHADI_UPLOAD_MAX_MB, 20 by default), which a refused file's error says too (report-limits.routes.test.ts).
    expect(page.body).toContain('PDF, office document, image, text or CSV, up to 20 MB.');
    const token = csrfTokenIn(page.body)!;
    const res = await postMultipart(clients.poc, reportOf(m1), [
      { name: 'status', value: 'complete' }, { name: 'percent', value: '100' }, { name: 'narrative', value: 'Seven guidance notes written.' },
      { name: 'lang', value: 'en' }, { name: 'fileTitle', value: 'Guidance notes' }, { name: 'file', fileName: 'notes.pdf', content: samples.pdf(), type: 'application/pdf' },
    ], token);
    expect(res.statusCode, res.body.slice(0, 3000)).toBe(303);
    expect(res.headers.location).toBe(`${reportOf(m1)}?notice=saved`);
    const after = await clients.poc.get(res.headers.location!);
    expect(after.body).toContain('Your report has been saved.');
    expect(after.body).toContain('Guidance notes');
    expect(after.body).toContain('Seven guidance notes written.</textarea>');
    const item = await t.database.db.selectFrom('evidence_items').selectAll().executeTakeFirstOrThrow();
    expect(item).toMatchObject({ kind: 'file', title: 'Guidance notes', file_name: 'notes.pdf', added_by: accounts.poc.id });
    // The report is in the commitment's public history.
    const history = await new WebClient(t.app).get('/en/commitments/KE0031/history');
    expect(history.body).toContain('Milestone report sent');
  });

  it('refuses a complete claim without evidence and a disguised file, naming the field and keeping what was typed', async () => {
    const before = await everything();
    const token = csrfTokenIn((await clients.poc.get(reportOf(m2))).body)!;
    const noEvidence = await postMultipart(clients.poc, reportOf(m2), [
      { name: 'status', value: 'complete' }, { name: 'percent', value: '100' }, { name: 'narrative', value: 'Done, trust us.' }, { name: 'lang', value: 'en' },
    ], token);
    expect(noEvidence.statusCode).toBe(400);
    expect(noEvidence.body).toContain('href="#field-evidence"');
    expect(noEvidence.body).toContain('Evidence: a milestone reported complete needs evidence.');
    expect(noEvidence.body).toContain('Done, trust us.</textarea>');
    const disguised = await postMultipart(clients.poc, reportOf(m2), [
      { name: 'status', value: 'in_progress' }, { name: 'percent', value: '40' }, { name: 'narrative', value: 'x' }, { name: 'lang', value: 'en' },
      { name: 'file', fileName: 'report.pdf', content: samples.exe(), type: 'application/pdf' },
    ], token);
    expect(disguised.statusCode).toBe(400);
    expect(disguised.body).toContain('href="#field-file"');
    expect(await everything()).toBe(before);
  });

  it('restricts a piece of evidence through its own form, for its reporters only', async () => {
    const item = await t.database.db.selectFrom('evidence_items').select('id').executeTakeFirstOrThrow();
    const url = `/en/reporting/rounds/${roundId}/milestones/${m1}/evidence/${item.id}/restrict`;
    expect((await clients.poc.get(reportOf(m1))).body).toContain(`href="${url}"`);
    const before = await everything();
    for (const role of ['treasuryPoc', 'reviewer', 'researcher'] as const) {
      expect((await clients[role].get(url)).statusCode, role).toBe(403);
      expect((await clients[role].submit('/en/reporting', url, { reason: 'x' })).statusCode, role).toBe(403);
    }
    expect((await new WebClient(t.app).get(url)).statusCode).toBe(303);
    expect((await clients.poc.post(url, { reason: 'x' })).statusCode).toBe(403); // no CSRF token
    const empty = await clients.poc.submit(url, url, { reason: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('href="#field-reason"');
    expect(await everything()).toBe(before);
    const done = await clients.poc.submit(url, url, { reason: 'A draft, not the final notes' });
    expect(done.statusCode).toBe(303);
    expect((await clients.poc.get(done.headers.location!)).body).toContain('Restricted, not shown to the public: A draft, not the final notes');
    expect((await clients.poc.get(url)).statusCode).toBe(404); // already restricted
  });

  it('names every lead institution of a co-led commitment as responsible, and lets each one\'s point of contact report', async () => {
    // KE0031 is led by the Office of the Deputy President, then the Commission on Administrative Justice.
    const both = 'Office of the Deputy President and Commission on Administrative Justice';
    const page = await clients.admin.get(workspace());
    expect(page.statusCode).toBe(200);
    const headings = [...page.body.matchAll(/<h2 id="institution-\d+">([^<]*)<\/h2>/g)].map((m) => m[1]);
    expect(headings).toEqual(['Office of the Deputy President', 'Commission on Administrative Justice']);
    expect(page.body).toContain('Co-led with Commission on Administrative Justice');
    expect(page.body).toContain('Co-led with Office of the Deputy President');
    expect((await clients.admin.get(reportOf(m1))).body).toContain(`Responsible: ${both}`);
    // A point of contact of the second lead finds the milestones among theirs, and may report on them.
    const cajPoc = await signedIn(t.app, await createAccount(t.database.db, { role: 'point_of_contact', institutionSlug: 'commission-on-administrative-justice' }));
    const mine = await cajPoc.get('/en/reporting');
    expect(mine.body).toContain(reportOf(m1));
    expect(mine.body).toContain(`Responsible: ${both}`);
    expect((await cajPoc.get(reportOf(m1))).body).toContain('name="narrative"');
  });

  it('records a dispute, closes the round with a confirmation, and publishes the snapshot with the dispute', async () => {
    const bad = await clients.reviewer.submit(verdictOf(m2), verdictOf(m2), { verdict: 'disputed', comment: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('href="#field-comment"');
    const ok = await clients.reviewer.submit(verdictOf(m2), verdictOf(m2), { verdict: 'disputed', comment: 'The work has not started.' });
    expect(ok.statusCode).toBe(303);

    const unconfirmed = await clients.admin.submit(workspace(), close(), {});
    expect(unconfirmed.statusCode).toBe(400);
    expect(unconfirmed.body).toContain('href="#field-confirm"');
    const closed = await clients.admin.submit(workspace(), close(), { confirm: 'yes' });
    expect(closed.statusCode).toBe(303);

    const published = await new WebClient(t.app).get(`/en/reporting/rounds/${roundId}`);
    expect(published.statusCode).toBe(200);
    expect(published.body).toContain('As reported in 2021 Q3');
    expect(published.body).toContain('verdict verdict-disputed');
    expect(published.body).toContain('Not reported'); // milestones 3 to 7
    // The snapshot names both lead institutions: a section each, each milestone naming the other.
    const sections = [...published.body.matchAll(/<h2 id="institution-\d+">([^<]*)<\/h2>/g)].map((m) => m[1]);
    expect(sections).toEqual(['Commission on Administrative Justice', 'Office of the Deputy President']);
    expect(published.body).toContain('Co-led with Office of the Deputy President');
    expect(published.body).toContain('Co-led with Commission on Administrative Justice');
    // A closed round takes nothing more: the form is gone and a post is refused.
    expect((await clients.poc.get(reportOf(m1))).body).not.toContain('name="narrative"');
    const late = await clients.poc.submit(reportOf(m1), reportOf(m1), reportFields);
    expect(late.statusCode).toBe(400);
    expect(late.body).toContain('This round is closed');
    expect(late.body).not.toContain('name="narrative"');
  });
});
