import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';
import type { Trx } from '../commitments/commands/change-log.ts';
import type { SelectOption } from '../layout/form.tsx';
import { offeredInstitution } from './offered-institutions.ts';

/** What merging an institution moves to the other, counted for the confirmation and its history entry. */
export type MergeCounts = {
  commitments: number; pointsOfContact: number; reviewers: number; invitations: number; openReports: number; formerNames: number;
};

const OPEN_ROUND = sql`(select id from reporting_rounds where closed_at is null)`;

export async function mergeCounts(db: Db | Trx, institutionId: string): Promise<MergeCounts> {
  const count = (query: ReturnType<typeof sql>) => sql<number>`(${query})::int`;
  const { rows: [row] } = await sql<MergeCounts>`select
    ${count(sql`select count(distinct commitment_id) from commitment_institutions where institution_id = ${institutionId}`)} as "commitments",
    ${count(sql`select count(*) from accounts where institution_id = ${institutionId} and role = 'point_of_contact'`)} as "pointsOfContact",
    ${count(sql`select count(*) from accounts where institution_id = ${institutionId} and role = 'civil_society_reviewer'`)} as "reviewers",
    ${count(sql`select count(*) from invitations where institution_id = ${institutionId} and accepted_at is null and revoked_at is null`)} as "invitations",
    ${count(sql`select count(*) from milestone_reports where institution_id = ${institutionId} and reporting_round_id in ${OPEN_ROUND}`)}
      + ${count(sql`select count(*) from milestone_report_verdicts v join milestone_reports r on r.id = v.milestone_report_id
          where v.reviewer_institution_id = ${institutionId} and r.reporting_round_id in ${OPEN_ROUND}`)} as "openReports",
    ${count(sql`select count(*) from institutions where merged_into_id = ${institutionId}`)} as "formerNames"`.execute(db);
  return row!;
}

/**
 * The institutions of the member an institution may be merged into, by name: the pickers' rule (`offeredInstitution`)
 * plus the one chosen before (`current`), never the institution itself.
 */
export async function mergeTargetOptions(db: Db, memberId: string, institutionId: string, current: string | undefined): Promise<SelectOption[]> {
  const rows = await db.selectFrom('institutions as i').select(['i.id', 'i.name'])
    .where('i.member_id', '=', memberId).where('i.id', '<>', institutionId).where('i.merged_into_id', 'is', null)
    .where(offeredInstitution(current ? [current] : [])).orderBy('i.name').execute();
  return rows.map((r) => ({ value: r.id, label: r.name }));
}
