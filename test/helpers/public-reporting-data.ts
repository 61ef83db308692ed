import { createHash } from 'node:crypto';
import type { Db } from '../../src/db/connect.ts';
import type { MilestoneReportStatus, Verdict } from '../../src/db/schema.ts';

/**
 * Reporting rounds on the demo plan (Kenya, plan 4; KE0031's milestones 1-7), written by SQL as the workspace would
 * leave them, for the tests of the public reporting views. Two closed rounds with their snapshots and one open round
 * whose reports must stay out of sight. Milestones 1-4 are the Office of the Deputy President's, 5-7 the Commission
 * on Administrative Justice's. The figures each test expects follow from the tables below:
 *
 * | round   | ms | who | status          | late | evidence                    | verdict                  |
 * | 2021 Q3 | 1  | ODP | in_progress 40  |      | PDF file, fetched link      | confirmed                |
 * | 2021 Q3 | 2  | ODP | complete        | late | restricted file             | disputed                 |
 * | 2021 Q3 | 3  | ODP | missing         |      |                             |                          |
 * | 2021 Q3 | 4  | ODP | not_started     |      |                             |                          |
 * | 2021 Q3 | 5  | CAJ | complete        |      | link that failed to fetch   | insufficient_evidence    |
 * | 2021 Q3 | 6  | CAJ | in_progress 50  |      |                             |                          |
 * | 2021 Q3 | 7  | CAJ | missing         |      |                             |                          |
 * | 2021 Q4 | 1  | ODP | complete        | late | file, restricted link       | confirmed + disputed     |
 * | 2021 Q4 | 2  | ODP | complete        |      | file                        | confirmed                |
 * | 2021 Q4 | 3  | ODP | missing         |      |                             |                          |
 * | 2021 Q4 | 4  | ODP | in_progress 20  |      |                             |                          |
 * | 2021 Q4 | 5  | CAJ | complete        |      | link                        | confirmed                |
 * | 2021 Q4 | 6  | CAJ | complete        |      | link                        | confirmed                |
 * | 2021 Q4 | 7  | CAJ | in_progress 10  | late |                             |                          |
 * | 2022 Q1 (open) | 1, 2 | ODP | in progress | | a file                     |                          |
 *
 * Milestone 1 is also re-planned: planned for December 2021, now March 2022. Each snapshot names the institution
 * above as `responsible_institution_id`; in `round_snapshot_institutions` (migration 015), milestones 1-4 name it
 * alone and milestones 5-7 are co-led: the Commission first, then the Office of the Deputy President, which answers
 * for them too.
 */

type EvidenceSpec =
  | { kind: 'file'; title: string; fileName: string; mediaType: string; size: number; restrictedReason?: string }
  | { kind: 'link'; title: string; url: string; fetched?: boolean; restrictedReason?: string };
type VerdictSpec = { verdict: Verdict; comment?: string; reviewer: 'a' | 'b' };
type ReportSpec = {
  milestone: number; status: MilestoneReportStatus | null; percent?: number; late?: boolean; narrative?: string;
  narrativeLocale?: string; evidence?: EvidenceSpec[]; verdicts?: VerdictSpec[];
};

const ODP = 'office-of-the-deputy-president';
const CAJ = 'commission-on-administrative-justice';
const responsible = (milestone: number) => (milestone <= 4 ? ODP : CAJ);

export const ROUNDS = [
  {
    label: '2021 Q3', deadline: '2021-10-15T23:59:59.999Z', closedAt: '2021-10-20T00:00:00Z', reports: [
      { milestone: 1, status: 'in_progress', percent: 40, narrative: 'Notes d’orientation rédigées pour trois domaines.', narrativeLocale: 'fr',
        evidence: [
          { kind: 'file', title: 'Guidance note on open contracting', fileName: 'guidance.pdf', mediaType: 'application/pdf', size: 2048 },
          { kind: 'link', title: 'Published guidance notes', url: 'https://ogp.example.org/guidance', fetched: true },
        ],
        verdicts: [{ verdict: 'confirmed', reviewer: 'a' }] },
      { milestone: 2, status: 'complete', late: true, narrative: 'Quarterly reviews held.',
        evidence: [{ kind: 'file', title: 'Attendance list', fileName: 'attendance.pdf', mediaType: 'application/pdf', size: 4096,
          restrictedReason: 'Lists the names and telephone numbers of participants' }],
        verdicts: [{ verdict: 'disputed', reviewer: 'a', comment: 'Only one review took place.' }] },
      { milestone: 3, status: null },
      { milestone: 4, status: 'not_started', narrative: 'Waiting for funds.' },
      { milestone: 5, status: 'complete', narrative: 'Network widened to twelve counties.',
        evidence: [{ kind: 'link', title: 'County network page', url: 'https://counties.example.org/ogp', fetched: false }],
        verdicts: [{ verdict: 'insufficient_evidence', reviewer: 'b', comment: 'The page does not load.' }] },
      { milestone: 6, status: 'in_progress', percent: 50, narrative: 'Two roundtables held.' },
      { milestone: 7, status: null },
    ],
  },
  {
    label: '2021 Q4', deadline: '2022-01-15T23:59:59.999Z', closedAt: '2022-01-20T00:00:00Z', reports: [
      { milestone: 1, status: 'complete', late: true, narrative: 'All guidance notes written and published.',
        evidence: [
          { kind: 'file', title: 'Guidance notes, final', fileName: 'guidance-final.pdf', mediaType: 'application/pdf', size: 1_572_864 },
          { kind: 'link', title: 'Internal review', url: 'https://intranet.example.org/review', fetched: true,
            restrictedReason: 'Internal document of the steering committee' },
        ],
        verdicts: [{ verdict: 'confirmed', reviewer: 'a' }, { verdict: 'disputed', reviewer: 'b', comment: 'Two notes are still drafts.' }] },
      { milestone: 2, status: 'complete', narrative: 'Reviews held every quarter.',
        evidence: [{ kind: 'file', title: 'Minutes', fileName: 'minutes.pdf', mediaType: 'application/pdf', size: 1000 }],
        verdicts: [{ verdict: 'confirmed', reviewer: 'a' }] },
      { milestone: 3, status: null },
      { milestone: 4, status: 'in_progress', percent: 20, narrative: 'Stories collected in two counties.' },
      { milestone: 5, status: 'complete', narrative: 'Network widened to every county.',
        evidence: [{ kind: 'link', title: 'County list', url: 'https://counties.example.org/list', fetched: true }],
        verdicts: [{ verdict: 'confirmed', reviewer: 'b' }] },
      { milestone: 6, status: 'complete', narrative: 'Roundtables held every month.',
        evidence: [{ kind: 'link', title: 'Roundtable reports', url: 'https://ogp.example.org/roundtables', fetched: true }],
        verdicts: [{ verdict: 'confirmed', reviewer: 'a' }] },
      { milestone: 7, status: 'in_progress', percent: 10, late: true, narrative: 'First desk opened.' },
    ],
  },
  {
    label: '2022 Q1', deadline: '2022-04-15T23:59:59.999Z', closedAt: null, reports: [
      { milestone: 1, status: 'in_progress', percent: 90, narrative: 'OPEN ROUND DRAFT, not published',
        evidence: [{ kind: 'file', title: 'OPEN ROUND FILE', fileName: 'draft.pdf', mediaType: 'application/pdf', size: 10 }] },
      { milestone: 2, status: 'in_progress', percent: 60, narrative: 'OPEN ROUND DRAFT two' },
    ],
  },
] as const satisfies readonly { label: string; deadline: string; closedAt: string | null; reports: readonly ReportSpec[] }[];

/** The expected figures of the plan's reporting table, by institution slug. */
export const EXPECTED_INSTITUTION_REPORTING = {
  [CAJ]: { due: 6, onTime: 4, late: 1, missing: 1, claims: 5, claimsWithEvidence: 3, confirmed: 2, disputed: 0, insufficientEvidence: 1, notVerified: 2 },
  // Its own milestones 1-4 and the co-led 5-7.
  [ODP]: { due: 14, onTime: 8, late: 3, missing: 3, claims: 10, claimsWithEvidence: 7, confirmed: 4, disputed: 2, insufficientEvidence: 1, notVerified: 4 },
};

export type PublicReportingFixture = {
  planId: string;
  rounds: { id: string; label: string }[];
  /** Evidence item ids by title. */
  evidence: Map<string, string>;
};

const sha = (seed: string) => createHash('sha256').update(seed).digest('hex');

/** Writes the rounds above, closing the first two (with their snapshots) as the close command would. */
export async function savePublicReportingFixture(db: Db): Promise<PublicReportingFixture> {
  return db.transaction().execute(async (trx) => {
    const plan = await trx.selectFrom('action_plans as p').innerJoin('members as m', 'm.id', 'p.member_id')
      .select('p.id').where('m.slug', '=', 'kenya').where('p.number', '=', 4).executeTakeFirstOrThrow();
    const institutions = new Map((await trx.selectFrom('institutions').select(['id', 'slug']).execute()).map((i) => [i.slug, i.id]));
    const milestones = new Map((await trx.selectFrom('milestones as ms').innerJoin('commitments as c', 'c.id', 'ms.commitment_id')
      .select(['ms.id', 'ms.number']).where('c.ogp_id', '=', 'KE0031').execute()).map((m) => [m.number, m.id]));
    const leads = (await trx.selectFrom('commitment_institutions as ci').innerJoin('commitments as c', 'c.id', 'ci.commitment_id')
      .select('ci.institution_id').where('c.ogp_id', '=', 'KE0031').where('ci.role', '=', 'lead').orderBy('ci.position').execute())
      .map((r) => r.institution_id);
    await trx.updateTable('milestones').set({ planned_end_date: '2021-12-01', planned_end_precision: 'month', end_date: '2022-03-01', end_precision: 'month', end_raw: 'March 2022' })
      .where('id', '=', milestones.get(1)!).execute();
    const reviewer = async (key: string, institution: string | null) => (await trx.insertInto('accounts').values({
      email: `reviewer-${key}@reporting.example`, name: `Reviewer ${key.toUpperCase()}`, password_hash: '$argon2id$not-a-real-hash',
      role: 'civil_society_reviewer', institution_id: institution, updated_at: new Date(),
    }).returning('id').executeTakeFirstOrThrow()).id;
    const reviewers = { a: await reviewer('a', institutions.get('civil-society-organisations')!), b: await reviewer('b', null) };

    const fixture: PublicReportingFixture = { planId: plan.id, rounds: [], evidence: new Map() };
    for (const round of ROUNDS) {
      const { id: roundId } = await trx.insertInto('reporting_rounds')
        .values({ action_plan_id: plan.id, label: round.label, deadline: round.deadline, opened_at: new Date('2021-07-01T00:00:00Z') })
        .returning('id').executeTakeFirstOrThrow();
      fixture.rounds.push({ id: roundId, label: round.label });
      const snapshots = [];
      for (const spec of round.reports as readonly ReportSpec[]) {
        const milestoneId = milestones.get(spec.milestone)!;
        const institutionId = institutions.get(responsible(spec.milestone))!;
        if (spec.status === null) {
          snapshots.push({ reporting_round_id: roundId, milestone_id: milestoneId, responsible_institution_id: institutionId });
          continue;
        }
        const deadline = new Date(round.deadline).getTime();
        const submittedAt = new Date(deadline + (spec.late ? 1 : -1) * 86_400_000);
        const percent = spec.status === 'complete' ? 100 : spec.percent ?? 0;
        const { id: reportId } = await trx.insertInto('milestone_reports').values({
          reporting_round_id: roundId, milestone_id: milestoneId, institution_id: institutionId, status: spec.status,
          percent_complete: percent, narrative: spec.narrative ?? 'Reported.', narrative_locale: spec.narrativeLocale ?? 'en',
          submitted_at: submittedAt,
        }).returning('id').executeTakeFirstOrThrow();
        for (const e of spec.evidence ?? []) fixture.evidence.set(e.title, await insertEvidence(trx, reportId, e));
        for (const v of spec.verdicts ?? []) {
          await trx.insertInto('milestone_report_verdicts').values({
            milestone_report_id: reportId, reviewer_id: reviewers[v.reviewer],
            reviewer_institution_id: v.reviewer === 'a' ? institutions.get('civil-society-organisations')! : null,
            verdict: v.verdict, comment: v.comment ?? null, report_revision: 1, recorded_at: new Date(deadline + 2 * 86_400_000),
          }).execute();
        }
        const verdicts = spec.verdicts ?? [];
        const counted = (verdict: Verdict) => verdicts.filter((v) => v.verdict === verdict).length;
        snapshots.push({
          reporting_round_id: roundId, milestone_id: milestoneId, responsible_institution_id: institutionId,
          milestone_report_id: reportId, status: spec.status, percent_complete: percent, submitted_at: submittedAt,
          late: spec.late ?? false, evidence_count: spec.evidence?.length ?? 0,
          public_evidence_count: (spec.evidence ?? []).filter((e) => !e.restrictedReason).length,
          // The summary a closed round publishes: any dispute wins, then insufficient evidence, then confirmed.
          verdict: counted('disputed') ? 'disputed' as const : counted('insufficient_evidence') ? 'insufficient_evidence' as const
            : counted('confirmed') ? 'confirmed' as const : null,
          confirmed_count: counted('confirmed'), disputed_count: counted('disputed'), insufficient_count: counted('insufficient_evidence'),
        });
      }
      if (round.closedAt) {
        await trx.updateTable('reporting_rounds').set({ closed_at: round.closedAt }).where('id', '=', roundId).execute();
        await trx.insertInto('reporting_round_snapshots').values(snapshots).execute();
        // Every institution the snapshot names (migration 015): the one of the table above first, then, for the
        // Commission's milestones, KE0031's other lead, so the package carries co-led milestones and ODP's figures
        // count them.
        const coLed = (r: { responsible_institution_id: string }) => r.responsible_institution_id === institutions.get(CAJ);
        await trx.insertInto('round_snapshot_institutions').values(snapshots.flatMap((r) => [r.responsible_institution_id,
          ...(coLed(r) ? leads.filter((lead) => lead !== r.responsible_institution_id) : [])].map((institutionId, position) => ({
          reporting_round_id: r.reporting_round_id, milestone_id: r.milestone_id, institution_id: institutionId, position,
        })))).execute();
      }
    }
    return fixture;
  });
}

async function insertEvidence(trx: Db, reportId: string, e: EvidenceSpec): Promise<string> {
  const restricted = { restricted: e.restrictedReason !== undefined, restricted_reason: e.restrictedReason ?? null };
  if (e.kind === 'file') {
    const digest = sha(e.fileName);
    await trx.insertInto('evidence_files').values({ sha256: digest, size_bytes: String(e.size), media_type: e.mediaType })
      .onConflict((oc) => oc.doNothing()).execute();
    return (await trx.insertInto('evidence_items').values({
      milestone_report_id: reportId, kind: 'file', title: e.title, file_sha256: digest, file_name: e.fileName, ...restricted,
    }).returning('id').executeTakeFirstOrThrow()).id;
  }
  return (await trx.insertInto('evidence_items').values({
    milestone_report_id: reportId, kind: 'link', title: e.title, url: e.url, ...restricted,
    ...(e.fetched
      ? { link_sha256: sha(e.url), link_media_type: 'text/html', link_fetched_at: '2021-10-01T09:30:00Z' }
      : { link_error: 'connection refused' }),
  }).returning('id').executeTakeFirstOrThrow()).id;
}
