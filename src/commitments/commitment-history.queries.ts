import type { Db } from '../db/connect.ts';
import type { Database } from '../db/schema.ts';

/** One entry of a commitment's history tab: a change to it or to one of its milestones, with who made it. */
export type ChangeView = {
  id: string; occurredAt: Date; command: string; entityType: Database['changes']['entity_type']; milestoneNumber: number | null;
  actorName: string | null; institutionName: string | null;
  before: Record<string, unknown>; after: Record<string, unknown>; reason: string | null;
};

/** The changes of a commitment and its milestones, newest first. */
export async function findChanges(db: Db, commitmentId: string): Promise<ChangeView[]> {
  const rows = await db.selectFrom('changes as c')
    .leftJoin('accounts as a', 'a.id', 'c.actor_id')
    .leftJoin('institutions as i', 'i.id', 'c.actor_institution_id')
    .leftJoin('milestones as m', (j) => j.onRef('m.id', '=', 'c.entity_id').on('c.entity_type', '=', 'milestone'))
    .select(['c.id', 'c.occurred_at', 'c.command', 'c.entity_type', 'm.number', 'a.name as actor_name', 'i.name as institution_name',
      'c.before', 'c.after', 'c.reason'])
    .where('c.commitment_id', '=', commitmentId)
    .orderBy('c.occurred_at', 'desc').orderBy('c.id', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id, occurredAt: r.occurred_at, command: r.command, entityType: r.entity_type, milestoneNumber: r.number,
    actorName: r.actor_name, institutionName: r.institution_name, before: r.before, after: r.after, reason: r.reason,
  }));
}

/** The end dates first planned for a commitment's milestones that were re-planned, by milestone number. */
export async function findPlannedEndDates(db: Db, ogpId: string): Promise<Map<number, { date: string; precision: string }>> {
  const rows = await db.selectFrom('milestones as m').innerJoin('commitments as c', 'c.id', 'm.commitment_id')
    .select(['m.number', 'm.planned_end_date', 'm.planned_end_precision'])
    .where('c.ogp_id', '=', ogpId).where('m.planned_end_date', 'is not', null).execute();
  return new Map(rows.map((r) => [r.number, { date: r.planned_end_date!, precision: r.planned_end_precision! }]));
}
