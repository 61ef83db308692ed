import type { Db } from '../db/connect.ts';
import type { Database } from '../db/schema.ts';

/** One entry of a commitment's history tab: a change to it or to one of its milestones, with who made it. */
export type ChangeView = {
  id: string; occurredAt: Date; command: string; entityType: Database['changes']['entity_type']; milestoneNumber: number | null;
  actorName: string | null; institutionName: string | null;
  before: Record<string, unknown>; after: Record<string, unknown>; reason: string | null;
};

/**
 * The changes with who made them, newest first: the query both history tabs (a commitment's, an action plan's)
 * narrow with their own `where`.
 */
export function changesWithActors(db: Db) {
  return db.selectFrom('changes as c')
    .leftJoin('accounts as a', 'a.id', 'c.actor_id')
    .leftJoin('institutions as i', 'i.id', 'c.actor_institution_id')
    .leftJoin('milestones as m', (j) => j.onRef('m.id', '=', 'c.entity_id').on('c.entity_type', '=', 'milestone'))
    .select(['c.id', 'c.occurred_at', 'c.command', 'c.entity_type', 'm.number', 'a.name as actor_name', 'i.name as institution_name',
      'c.before', 'c.after', 'c.reason'])
    .orderBy('c.occurred_at', 'desc').orderBy('c.id', 'desc');
}

type ChangeRow = Awaited<ReturnType<ReturnType<typeof changesWithActors>['execute']>>[number];

export const toChangeView = (r: ChangeRow): ChangeView => ({
  id: r.id, occurredAt: r.occurred_at, command: r.command, entityType: r.entity_type, milestoneNumber: r.number,
  actorName: r.actor_name, institutionName: r.institution_name, before: r.before, after: r.after, reason: r.reason,
});

/** The changes of a commitment and its milestones, or of one of its milestones only, newest first. */
export async function findChanges(db: Db, commitmentId: string, only?: { milestoneId: string }): Promise<ChangeView[]> {
  let query = changesWithActors(db).where('c.commitment_id', '=', commitmentId);
  if (only) query = query.where('c.entity_type', '=', 'milestone').where('c.entity_id', '=', only.milestoneId);
  return (await query.execute()).map(toChangeView);
}

/** The end dates first planned for a commitment's milestones that were re-planned, by milestone number. */
export async function findPlannedEndDates(db: Db, ogpId: string): Promise<Map<number, { date: string; precision: string }>> {
  const rows = await db.selectFrom('milestones as m').innerJoin('commitments as c', 'c.id', 'm.commitment_id')
    .select(['m.number', 'm.planned_end_date', 'm.planned_end_precision'])
    .where('c.ogp_id', '=', ogpId).where('m.planned_end_date', 'is not', null).execute();
  return new Map(rows.map((r) => [r.number, { date: r.planned_end_date!, precision: r.planned_end_precision! }]));
}

/** Policy area labels in a language (English where it has none), for changes that store policy areas by key. */
export async function policyAreaLabeller(db: Db, locale: string): Promise<(key: string) => string> {
  const rows = await db.selectFrom('policy_area_labels').select(['policy_area_key', 'locale', 'label'])
    .where('locale', 'in', [locale, 'en']).execute();
  const labels = new Map<string, string>();
  for (const row of rows) if (row.locale === locale || !labels.has(row.policy_area_key)) labels.set(row.policy_area_key, row.label);
  return (key) => labels.get(key) ?? key;
}

/** The labels the diffs of these changes need: policy areas, looked up only when a change stores some. */
export async function diffLabelsFor(db: Db, changes: ChangeView[], locale: string): Promise<{ policyArea?: (key: string) => string }> {
  return changes.some((c) => 'policyAreas' in c.after) ? { policyArea: await policyAreaLabeller(db, locale) } : {};
}

/** "Title (KE0031)" in the reader's language, else the source's, else any: the breadcrumb of the history tabs. */
export async function commitmentCrumbTitle(db: Db, target: { id: string; ogpId: string; sourceLocale: string }, locale: string): Promise<string> {
  const titles = await db.selectFrom('commitment_texts').select(['locale', 'title']).where('commitment_id', '=', target.id).execute();
  const title = titles.find((r) => r.locale === locale) ?? titles.find((r) => r.locale === target.sourceLocale) ?? titles[0];
  return title ? `${title.title} (${target.ogpId})` : target.ogpId;
}
