import { sql } from 'kysely';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../test/helpers/database.ts';
import { evidenceForm, futureDay, kenyaPlanId, milestoneIdOf, person, reportDeps, storedPdf } from '../../../test/helpers/reporting-data.ts';
import type { CurrentUser } from '../../accounts/current-user.ts';
import { loadDemo } from '../../demo/load-demo.ts';
import { createMailer } from '../../mail/mailer.ts';
import { AppError } from '../../http/errors.ts';
import type { FieldError } from '../../http/form.ts';
import { openReportingRound } from './open-reporting-round.ts';
import { submitMilestoneReport } from './submit-milestone-report.ts';
import { recordVerdict } from './record-verdict.ts';
import { closeReportingRound } from './close-reporting-round.ts';
import { restrictEvidence } from './restrict-evidence.ts';

const t = useTestDatabase();
let planId: string;
let admin: CurrentUser;
let poc: CurrentUser;
let treasuryPoc: CurrentUser;
let reviewer: CurrentUser;
let secondReviewer: CurrentUser;
let milestones: string[];
const mailer = createMailer({ smtpUrl: undefined, mailFrom: 'Ahadi <no-reply@localhost>' });
const deps = reportDeps;

beforeAll(async () => {
  await loadDemo(t.db);
  planId = await kenyaPlanId(t.db);
  admin = (await person(t.db, 'administrator')).user;
  poc = (await person(t.db, 'point_of_contact', 'office-of-the-deputy-president')).user;
  treasuryPoc = (await person(t.db, 'point_of_contact', 'national-treasury')).user;
  reviewer = (await person(t.db, 'civil_society_reviewer', 'civil-society-organisations')).user;
  secondReviewer = (await person(t.db, 'civil_society_reviewer')).user;
  milestones = await Promise.all([1, 2, 3, 4, 5, 6, 7].map((n) => milestoneIdOf(t.db, 'KE0031', n)));
});
// Each test starts without rounds (the demo has none): rounds, and what hangs on them, are removed by SQL.
beforeEach(async () => {
  for (const table of ['reporting_round_snapshots', 'milestone_report_verdicts', 'evidence_items', 'milestone_reports', 'reporting_rounds', 'changes', 'outbox']) {
    await sql`alter table ${sql.table(table)} disable trigger user`.execute(t.db);
    await sql`delete from ${sql.table(table)}`.execute(t.db);
    await sql`alter table ${sql.table(table)} enable trigger user`.execute(t.db);
  }
});

/** Everything the reporting commands could write: a refusal must leave all of it as it was. */
async function everything(): Promise<string> {
  const tables = ['reporting_rounds', 'milestone_reports', 'evidence_items', 'evidence_files', 'milestone_report_verdicts',
    'reporting_round_snapshots', 'round_snapshot_institutions', 'changes', 'outbox'];
  const rows = await Promise.all(tables.map((table) => sql`select * from ${sql.table(table)} order by 1, 2`.execute(t.db)));
  return JSON.stringify(rows.map((r) => r.rows));
}

async function openRound(label = '2021 Q3'): Promise<string> {
  const result = await openReportingRound(t.db, mailer, 'http://portal.example', admin, { actionPlan: planId, label, deadline: futureDay() });
  expect(result).toMatchObject({ ok: true });
  return (await t.db.selectFrom('reporting_rounds').select('id').where('label', '=', label).executeTakeFirstOrThrow()).id;
}

const report = (over: Record<string, string> = {}) => ({ status: 'in_progress', percent: '40', narrative: 'Drafts of four notes.', lang: 'en', ...over });
const submit = (user: CurrentUser, roundId: string, milestone: number, values: Record<string, string>, files = [] as ReturnType<typeof storedPdf>[]) =>
  submitMilestoneReport(t.db, deps, user, { roundId, milestoneId: milestones[milestone - 1]! }, evidenceForm(values, files));

describe('open_reporting_round', () => {
  it('opens a round, e-mails the points of contact of the plan, and records the change on the plan', async () => {
    const roundId = await openRound();
    const round = await t.db.selectFrom('reporting_rounds').selectAll().where('id', '=', roundId).executeTakeFirstOrThrow();
    expect(round).toMatchObject({ action_plan_id: planId, label: '2021 Q3', opened_by: admin.id, closed_at: null });
    expect(round.deadline.toISOString()).toBe(`${futureDay()}T23:59:59.999Z`);
    const mail = await t.db.selectFrom('outbox').select(['kind', 'to_address', 'body_text']).orderBy('to_address').execute();
    // The Office of the Deputy President leads KE0031 and the National Treasury KE0024: both plans' PoCs are told.
    expect(mail.map((m) => m.to_address)).toEqual(expect.arrayContaining([poc.email, treasuryPoc.email]));
    expect(mail.every((m) => m.kind === 'round_opened' && m.body_text.includes(`http://portal.example/en/reporting/rounds/${roundId}/workspace`))).toBe(true);
    const change = await t.db.selectFrom('changes').selectAll().executeTakeFirstOrThrow();
    expect(change).toMatchObject({ command: 'open_reporting_round', entity_type: 'reporting_round', entity_id: roundId, action_plan_id: planId, commitment_id: null, actor_id: admin.id });
  });

  it('refuses each bad field by name and writes nothing', async () => {
    await openRound();
    const before = await everything();
    const cases: [Record<string, string>, string, FieldError][] = [
      [{ label: '2021 Q4', deadline: futureDay() }, 'actionPlan', 'form.error.required'],
      [{ actionPlan: planId, deadline: futureDay() }, 'label', 'form.error.required'],
      [{ actionPlan: planId, label: 'x'.repeat(61), deadline: futureDay() }, 'label', { key: 'form.error.tooLong', values: { max: 60 } }],
      [{ actionPlan: planId, label: '2021 Q4' }, 'deadline', 'form.error.required'],
      [{ actionPlan: planId, label: '2021 Q4', deadline: '15/10/2031' }, 'deadline', 'reporting.error.day'],
      [{ actionPlan: planId, label: '2021 Q4', deadline: '2031-02-30' }, 'deadline', 'reporting.error.day'],
      [{ actionPlan: planId, label: '2021 Q4', deadline: '2021-10-15' }, 'deadline', 'reporting.error.deadlinePast'],
      [{ actionPlan: '999999', label: '2021 Q4', deadline: futureDay() }, 'actionPlan', 'form.error.invalid'],
      // One open round per plan.
      [{ actionPlan: planId, label: '2021 Q4', deadline: futureDay() }, 'actionPlan', 'reporting.error.roundAlreadyOpen'],
    ];
    for (const [body, field, key] of cases) {
      const result = await openReportingRound(t.db, mailer, 'http://portal.example', admin, body);
      expect(result, JSON.stringify(body)).toMatchObject({ ok: false, errors: { [field]: key } });
    }
    expect(await everything()).toBe(before);
  });

  it('refuses a label the plan already used', async () => {
    const roundId = await openRound();
    await closeReportingRound(t.db, admin, roundId, { confirm: 'yes' });
    const result = await openReportingRound(t.db, mailer, 'http://portal.example', admin, { actionPlan: planId, label: '2021 Q3', deadline: futureDay() });
    expect(result).toMatchObject({ ok: false, errors: { label: 'reporting.error.labelTaken' } });
  });

  it('is for administrators only', async () => {
    for (const user of [poc, reviewer, undefined]) {
      await expect(openReportingRound(t.db, mailer, '', user, { actionPlan: planId, label: 'x', deadline: futureDay() })).rejects.toBeInstanceOf(AppError);
    }
    expect(await t.db.selectFrom('reporting_rounds').select('id').execute()).toEqual([]);
  });
});

describe('submit_milestone_report', () => {
  it('creates the report, then revises it in place with the next revision, one change each with before and after', async () => {
    const roundId = await openRound();
    expect(await submit(poc, roundId, 1, report())).toMatchObject({ ok: true });
    expect(await submit(poc, roundId, 1, report({ status: 'complete', percent: '100', narrative: 'All notes written.', linkUrl: 'https://example.org/notes' }))).toMatchObject({ ok: true });
    const rows = await t.db.selectFrom('milestone_reports').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'complete', percent_complete: 100, revision: 2, institution_id: poc.institutionId, submitted_by: poc.id });
    const changes = await t.db.selectFrom('changes').selectAll().where('command', '=', 'submit_milestone_report').orderBy('id').execute();
    const commitmentId = (await t.db.selectFrom('commitments').select('id').where('ogp_id', '=', 'KE0031').executeTakeFirstOrThrow()).id;
    expect(changes).toHaveLength(2);
    expect(changes[1]).toMatchObject({ commitment_id: commitmentId, action_plan_id: planId, entity_type: 'milestone_report', entity_id: rows[0]!.id });
    expect(changes[1]!.before).toMatchObject({ reportStatus: 'in_progress', percentComplete: 40, revision: 1 });
    expect(changes[1]!.after).toMatchObject({ reportStatus: 'complete', percentComplete: 100, revision: 2, evidenceAdded: [{ kind: 'link', restricted: false }] });
    const link = await t.db.selectFrom('evidence_items').selectAll().executeTakeFirstOrThrow();
    expect(link).toMatchObject({ kind: 'link', url: 'https://example.org/notes', link_sha256: 'b'.repeat(64), restricted: false });
  });

  it('refuses "complete" without any evidence, on the evidence field, and writes nothing', async () => {
    const roundId = await openRound();
    const before = await everything();
    expect(await submit(poc, roundId, 3, report({ status: 'complete', percent: '100' })))
      .toMatchObject({ ok: false, errors: { evidence: 'reporting.error.completeNeedsEvidence' } });
    expect(await everything()).toBe(before);
    // Evidence given with an earlier version counts: a later "complete" needs no new evidence.
    expect(await submit(poc, roundId, 3, report(), [storedPdf()])).toMatchObject({ ok: true });
    expect(await submit(poc, roundId, 3, report({ status: 'complete', percent: '100' }))).toMatchObject({ ok: true });
  });

  it('refuses each bad field by name and writes nothing', async () => {
    const roundId = await openRound();
    const before = await everything();
    const cases: [Record<string, string>, string, FieldError][] = [
      [report({ status: '' }), 'status', 'form.error.required'],
      [report({ status: 'done' }), 'status', 'form.error.invalid'],
      [report({ percent: '' }), 'percent', 'form.error.required'],
      [report({ percent: '101' }), 'percent', 'reporting.error.percent'],
      [report({ percent: '-1' }), 'percent', 'reporting.error.percent'],
      [report({ status: 'complete', percent: '90', linkUrl: 'https://example.org' }), 'percent', 'reporting.error.percentForComplete'],
      [report({ status: 'not_started', percent: '10' }), 'percent', 'reporting.error.percentForNotStarted'],
      [report({ status: 'in_progress', percent: '100' }), 'percent', 'reporting.error.percentForInProgress'],
      [report({ narrative: ' ' }), 'narrative', 'form.error.required'],
      [report({ narrative: 'n'.repeat(10_001) }), 'narrative', { key: 'form.error.tooLong', values: { max: 10_000 } }],
      [report({ lang: 'de' }), 'lang', 'form.error.invalid'],
      [report({ linkUrl: 'javascript:alert(1)' }), 'linkUrl', 'reporting.error.url'],
      [report({ linkUrl: 'ftp://example.org/x' }), 'linkUrl', 'reporting.error.url'],
      [report({ linkTitle: 'A title without a link' }), 'linkUrl', 'form.error.required'],
      [report({ linkUrl: 'https://example.org', linkRestricted: 'yes' }), 'linkRestrictedReason', 'reporting.error.restrictedReason'],
      [report({ fileRestricted: 'yes' }), 'fileRestrictedReason', 'reporting.error.restrictedReason'],
    ];
    for (const [values, field, key] of cases) {
      expect(await submit(poc, roundId, 1, values), JSON.stringify(values)).toMatchObject({ ok: false, errors: { [field]: key } });
    }
    // A file the upload reader refused comes back under its own field.
    const refusedFile = { ...evidenceForm(report()), errors: { file: 'evidence.error.type' } };
    expect(await submitMilestoneReport(t.db, deps, poc, { roundId, milestoneId: milestones[0]! }, refusedFile))
      .toMatchObject({ ok: false, errors: { file: 'evidence.error.type' } });
    expect(await everything()).toBe(before);
  });

  it('keeps a restricted file with its reason, and records the file once', async () => {
    const roundId = await openRound();
    const values = report({ fileTitle: 'Minutes', fileRestricted: 'yes', fileRestrictedReason: 'Names of private persons' });
    expect(await submit(poc, roundId, 2, values, [storedPdf()])).toMatchObject({ ok: true });
    expect(await submit(poc, roundId, 4, report(), [storedPdf('copy.pdf')])).toMatchObject({ ok: true });
    const items = await t.db.selectFrom('evidence_items').selectAll().orderBy('id').execute();
    expect(items[0]).toMatchObject({ kind: 'file', title: 'Minutes', file_name: 'minutes.pdf', restricted: true, restricted_reason: 'Names of private persons' });
    expect(items[1]).toMatchObject({ title: 'copy.pdf', restricted: false });
    expect(await t.db.selectFrom('evidence_files').select('sha256').execute()).toHaveLength(1);
  });

  it("refuses a point of contact another institution's milestone, reviewers, researchers and the public", async () => {
    const roundId = await openRound();
    const researcher = (await person(t.db, 'irm_researcher')).user;
    const before = await everything();
    for (const user of [treasuryPoc, reviewer, researcher, undefined]) {
      await expect(submit(user as CurrentUser, roundId, 1, report())).rejects.toMatchObject({ code: user ? 'forbidden' : 'unauthenticated' });
    }
    expect(await everything()).toBe(before);
  });

  it('lets an administrator report on behalf of an institution of the commitment, and records it', async () => {
    const roundId = await openRound();
    expect(await submit(admin, roundId, 5, report())).toMatchObject({ ok: false, errors: { institution: 'form.error.required' } });
    const treasury = treasuryPoc.institutionId!;
    expect(await submit(admin, roundId, 5, report({ institution: treasury }))).toMatchObject({ ok: false, errors: { institution: 'form.error.invalid' } });
    expect(await submit(admin, roundId, 5, report({ institution: poc.institutionId! }))).toMatchObject({ ok: true });
    const change = await t.db.selectFrom('changes').selectAll().where('command', '=', 'submit_milestone_report').executeTakeFirstOrThrow();
    expect(change.after).toMatchObject({ onBehalfOf: poc.institutionId });
    expect(change.actor_id).toBe(admin.id);
  });

  it('404s a milestone of another plan and a round that does not exist', async () => {
    const roundId = await openRound();
    await expect(submitMilestoneReport(t.db, deps, poc, { roundId: '99999', milestoneId: milestones[0]! }, evidenceForm(report()))).rejects.toMatchObject({ code: 'not_found' });
    await expect(submitMilestoneReport(t.db, deps, poc, { roundId, milestoneId: 'x' }, evidenceForm(report()))).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('record_verdict', () => {
  it('records one verdict per reviewer, revised in place, on the current revision', async () => {
    const roundId = await openRound();
    await submit(poc, roundId, 1, report());
    const ids = { roundId, milestoneId: milestones[0]! };
    expect(await recordVerdict(t.db, reviewer, ids, { verdict: 'disputed' })).toMatchObject({ ok: false, errors: { comment: 'reporting.error.commentRequired' } });
    expect(await recordVerdict(t.db, reviewer, ids, { verdict: 'insufficient_evidence', comment: ' ' })).toMatchObject({ ok: false, errors: { comment: 'reporting.error.commentRequired' } });
    expect(await recordVerdict(t.db, reviewer, ids, { verdict: 'maybe' })).toMatchObject({ ok: false, errors: { verdict: 'form.error.invalid' } });
    expect(await recordVerdict(t.db, reviewer, ids, {})).toMatchObject({ ok: false, errors: { verdict: 'form.error.required' } });
    expect(await recordVerdict(t.db, reviewer, ids, { verdict: 'confirmed' })).toMatchObject({ ok: true });
    await submit(poc, roundId, 1, report({ percent: '60' }));
    expect(await recordVerdict(t.db, reviewer, ids, { verdict: 'disputed', comment: 'Nothing shows 60 percent.' })).toMatchObject({ ok: true });
    const verdicts = await t.db.selectFrom('milestone_report_verdicts').selectAll().execute();
    expect(verdicts).toHaveLength(1);
    expect(verdicts[0]).toMatchObject({ verdict: 'disputed', report_revision: 2, reviewer_institution_id: reviewer.institutionId });
    const change = await t.db.selectFrom('changes').selectAll().where('command', '=', 'record_verdict').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(change.before).toMatchObject({ verdict: 'confirmed', reportRevision: 1 });
    expect(change.commitment_id).not.toBeNull();
    expect(change.action_plan_id).toBe(planId);
  });

  it('is for civil-society reviewers only, and 404s a milestone nobody reported on', async () => {
    const roundId = await openRound();
    await submit(poc, roundId, 1, report());
    for (const user of [poc, admin, undefined]) {
      await expect(recordVerdict(t.db, user, { roundId, milestoneId: milestones[0]! }, { verdict: 'confirmed' })).rejects.toBeInstanceOf(AppError);
    }
    await expect(recordVerdict(t.db, reviewer, { roundId, milestoneId: milestones[1]! }, { verdict: 'confirmed' })).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('restrict_evidence', () => {
  it('hides a public item with a reason, once, for those who may report; refused on a closed round', async () => {
    const roundId = await openRound();
    await submit(poc, roundId, 1, report({ linkUrl: 'https://example.org/minutes' }));
    await submit(poc, roundId, 2, report(), [storedPdf()]);
    const [link, file] = await t.db.selectFrom('evidence_items').select('id').orderBy('id').execute();
    const ids = { roundId, milestoneId: milestones[0]!, itemId: link!.id };
    const before = await everything();
    expect(await restrictEvidence(t.db, poc, ids, { reason: ' ' })).toMatchObject({ ok: false, errors: { reason: 'form.error.required' } });
    await expect(restrictEvidence(t.db, treasuryPoc, ids, { reason: 'x' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(restrictEvidence(t.db, reviewer, ids, { reason: 'x' })).rejects.toMatchObject({ code: 'forbidden' });
    // An item of another milestone's report is not found through this one.
    await expect(restrictEvidence(t.db, poc, { ...ids, itemId: file!.id }, { reason: 'x' })).rejects.toMatchObject({ code: 'not_found' });
    expect(await everything()).toBe(before);
    expect(await restrictEvidence(t.db, poc, ids, { reason: 'Names private persons' })).toMatchObject({ ok: true });
    expect(await restrictEvidence(t.db, poc, ids, { reason: 'Again' })).toEqual({ ok: true, changeIds: [] });
    expect(await t.db.selectFrom('evidence_items').select(['restricted', 'restricted_reason']).where('id', '=', link!.id).executeTakeFirstOrThrow())
      .toEqual({ restricted: true, restricted_reason: 'Names private persons' });
    const change = await t.db.selectFrom('changes').selectAll().where('command', '=', 'restrict_evidence').executeTakeFirstOrThrow();
    expect(change).toMatchObject({ entity_type: 'evidence_item', entity_id: link!.id, reason: 'Names private persons', action_plan_id: planId });
    expect(change.commitment_id).not.toBeNull();
    await closeReportingRound(t.db, admin, roundId, { confirm: 'yes' });
    expect(await restrictEvidence(t.db, poc, { ...ids, milestoneId: milestones[1]!, itemId: file!.id }, { reason: 'x' }))
      .toMatchObject({ ok: false, errors: { form: 'reporting.error.roundClosed' } });
  });
});

describe('close_reporting_round', () => {
  it('asks for a confirmation, then writes the snapshot of every milestone in the same transaction', async () => {
    const roundId = await openRound();
    await submit(poc, roundId, 1, report({ status: 'complete', percent: '100', linkUrl: 'https://example.org/a' }), [storedPdf()]);
    await submit(poc, roundId, 2, report({ linkUrl: 'https://example.org/b', linkRestricted: 'yes', linkRestrictedReason: 'Draft' }));
    // Milestones 1 and 2 were reported in time; then the deadline passes, and milestone 4 is reported late.
    await sql`update milestone_reports set first_submitted_at = now() - interval '2 days'`.execute(t.db);
    await sql`update reporting_rounds set deadline = now() - interval '1 day' where id = ${roundId}`.execute(t.db);
    await submit(poc, roundId, 4, report({ status: 'not_started', percent: '0' }));
    const m1 = { roundId, milestoneId: milestones[0]! };
    await recordVerdict(t.db, reviewer, m1, { verdict: 'confirmed' });
    await recordVerdict(t.db, secondReviewer, m1, { verdict: 'disputed', comment: 'The notes are drafts.' });
    await recordVerdict(t.db, reviewer, { roundId, milestoneId: milestones[1]! }, { verdict: 'insufficient_evidence', comment: 'One draft.' });
    // A verdict on an older revision does not count on the final one.
    await recordVerdict(t.db, secondReviewer, { roundId, milestoneId: milestones[3]! }, { verdict: 'confirmed' });
    await submit(poc, roundId, 4, report({ status: 'in_progress', percent: '5' }));

    const before = await everything();
    expect(await closeReportingRound(t.db, admin, roundId, {})).toMatchObject({ ok: false, errors: { confirm: 'reporting.error.confirmClose' } });
    expect(await everything()).toBe(before);
    expect(await closeReportingRound(t.db, admin, roundId, { confirm: 'yes' })).toMatchObject({ ok: true });

    const round = await t.db.selectFrom('reporting_rounds').selectAll().where('id', '=', roundId).executeTakeFirstOrThrow();
    expect(round.closed_by).toBe(admin.id);
    expect(round.closed_at).not.toBeNull();
    const odp = poc.institutionId;
    const rows = await t.db.selectFrom('reporting_round_snapshots').selectAll().orderBy('milestone_id').execute();
    expect(rows.map((r) => r.milestone_id)).toEqual([...milestones].sort((a, b) => Number(a) - Number(b)));
    const byNumber = (n: number) => rows.find((r) => r.milestone_id === milestones[n - 1])!;
    expect(byNumber(1)).toMatchObject({ responsible_institution_id: odp, status: 'complete', percent_complete: 100, late: false,
      evidence_count: 2, public_evidence_count: 2, verdict: 'disputed', confirmed_count: 1, disputed_count: 1, insufficient_count: 0 });
    expect(byNumber(2)).toMatchObject({ status: 'in_progress', evidence_count: 1, public_evidence_count: 0, verdict: 'insufficient_evidence' });
    expect(byNumber(3)).toMatchObject({ responsible_institution_id: odp, status: null, milestone_report_id: null, late: false, evidence_count: 0, verdict: null });
    expect(byNumber(4)).toMatchObject({ status: 'in_progress', percent_complete: 5, late: true, verdict: null, confirmed_count: 0 });
    // KE0031 is co-led: every snapshot row names both lead institutions, in their order, the first as above.
    const caj = (await t.db.selectFrom('institutions').select('id').where('slug', '=', 'commission-on-administrative-justice').executeTakeFirstOrThrow()).id;
    const named = await t.db.selectFrom('round_snapshot_institutions').select(['milestone_id', 'institution_id', 'position'])
      .where('reporting_round_id', '=', roundId).orderBy('milestone_id').orderBy('position').execute();
    expect(named).toEqual(rows.flatMap((r) => [
      { milestone_id: r.milestone_id, institution_id: odp, position: 0 }, { milestone_id: r.milestone_id, institution_id: caj, position: 1 },
    ]));
    const change = await t.db.selectFrom('changes').selectAll().where('command', '=', 'close_reporting_round').executeTakeFirstOrThrow();
    expect(change).toMatchObject({ action_plan_id: planId, entity_id: roundId });
    expect(change.after).toMatchObject({ milestones: 7, reported: 3 });
  });

  it('a closed round refuses everything: reports, verdicts, closing again, and changes made behind the commands', async () => {
    const roundId = await openRound();
    await submit(poc, roundId, 1, report());
    await closeReportingRound(t.db, admin, roundId, { confirm: 'yes' });
    const before = await everything();
    expect(await submit(poc, roundId, 1, report({ percent: '50' }))).toMatchObject({ ok: false, errors: { form: 'reporting.error.roundClosed' } });
    expect(await submit(poc, roundId, 2, report())).toMatchObject({ ok: false, errors: { form: 'reporting.error.roundClosed' } });
    expect(await recordVerdict(t.db, reviewer, { roundId, milestoneId: milestones[0]! }, { verdict: 'confirmed' }))
      .toMatchObject({ ok: false, errors: { form: 'reporting.error.roundClosed' } });
    expect(await closeReportingRound(t.db, admin, roundId, { confirm: 'yes' })).toMatchObject({ ok: false, errors: { form: 'reporting.error.roundClosed' } });
    await expect(sql`update milestone_reports set percent_complete = 90`.execute(t.db)).rejects.toThrow(/closed/);
    expect(await everything()).toBe(before);
    // The plan may now open its next round.
    await openRound('2021 Q4');
  });

  it('is for administrators only', async () => {
    const roundId = await openRound();
    for (const user of [poc, reviewer, undefined]) {
      await expect(closeReportingRound(t.db, user, roundId, { confirm: 'yes' })).rejects.toBeInstanceOf(AppError);
    }
    expect((await t.db.selectFrom('reporting_rounds').select('closed_at').executeTakeFirstOrThrow()).closed_at).toBeNull();
  });
});
