import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';
import type { Database } from '../db/schema.ts';
import type { DiffLabels } from './commitment-history.page.tsx';

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
    .select(['c.id', 'c.occurred_at', 'c.command', 'c.entity_type', 'a.name as actor_name', 'i.name as institution_name',
      'c.before', 'c.after', 'c.reason'])
    // A milestone an import removed is gone: its entry keeps the number in `before`.
    .select(sql<number | null>`case when c.entity_type = 'milestone' then coalesce(m.number, (c.before->>'number')::int) end`.as('number'))
    .orderBy('c.occurred_at', 'desc').orderBy('c.id', 'desc');
}

type ChangeRow = Awaited<ReturnType<ReturnType<typeof changesWithActors>['execute']>>[number];

export const toChangeView = (r: ChangeRow): ChangeView => ({
  id: r.id, occurredAt: r.occurred_at, command: r.command, entityType: r.entity_type, milestoneNumber: r.number,
  actorName: r.actor_name, institutionName: r.institution_name, before: r.before, after: r.after, reason: r.reason,
});

/**
 * What a commitment's tab needs to know of an entry about a milestone report (its submission or verdict, or one of
 * its evidence items): the round it was given in, and whether that round has closed. Reports of an open round are not
 * public (decision 018), so the tab shows such an entry's contents only once its round has closed.
 */
export type ReportRef = { roundLabel: string; published: boolean };

/** An entry of a commitment's tab: a report entry carries its milestone's number and its round (ReportRef). */
export type CommitmentChangeView = ChangeView & { report: ReportRef | null };

/**
 * `changesWithActors` with, for each entry about a milestone report, its round and milestone (ReportRef): what both
 * history tabs (a commitment's, an action plan's) need to apply decision 018 to such entries.
 */
export function changesWithReports(db: Db) {
  return changesWithActors(db)
    // A report entry names its report; an evidence entry its item, whose report it goes through.
    .leftJoin('evidence_items as e', (j) => j.onRef('e.id', '=', 'c.entity_id').on('c.entity_type', '=', 'evidence_item'))
    .leftJoin('milestone_reports as r', (j) => j.on((eb) => eb.or([
      eb.and([eb('c.entity_type', '=', 'milestone_report'), eb('r.id', '=', eb.ref('c.entity_id'))]),
      eb('r.id', '=', eb.ref('e.milestone_report_id')),
    ])))
    .leftJoin('reporting_rounds as rr', 'rr.id', 'r.reporting_round_id')
    .leftJoin('milestones as rm', 'rm.id', 'r.milestone_id')
    .select(['rr.label as round_label', 'rr.closed_at as round_closed_at', 'rm.number as report_milestone_number']);
}

type ReportChangeRow = Awaited<ReturnType<ReturnType<typeof changesWithReports>['execute']>>[number];

export const toCommitmentChangeView = (r: ReportChangeRow): CommitmentChangeView => ({
  ...toChangeView(r), milestoneNumber: r.number ?? r.report_milestone_number,
  report: r.round_label === null ? null : { roundLabel: r.round_label, published: r.round_closed_at !== null },
});

/**
 * The changes of a commitment and its milestones, or of one of its milestones only (its own entries and those of its
 * reports, verdicts and evidence), newest first.
 */
export async function findChanges(db: Db, commitmentId: string, only?: { milestoneId: string }): Promise<CommitmentChangeView[]> {
  let query = changesWithReports(db).where('c.commitment_id', '=', commitmentId);
  if (only) {
    query = query.where((eb) => eb.or([
      eb.and([eb('c.entity_type', '=', 'milestone'), eb('c.entity_id', '=', only.milestoneId)]),
      eb('rm.id', '=', only.milestoneId),
    ]));
  }
  return (await query.execute()).map(toCommitmentChangeView);
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

/** Institution names by id, for report entries, which store the reporting institution by id. */
async function institutionLabeller(db: Db, ids: string[]): Promise<(id: string) => string> {
  const rows = ids.length === 0 ? [] : await db.selectFrom('institutions').select(['id', 'name']).where('id', 'in', ids).execute();
  const names = new Map(rows.map((r) => [r.id, r.name]));
  return (id) => names.get(id) ?? id;
}

/** Report fields that hold an institution id. */
const INSTITUTION_FIELDS = ['institutionId', 'onBehalfOf'] as const;

/** The labels the diffs of these changes need: policy areas and institutions, each looked up only when a change stores some. */
export async function diffLabelsFor(db: Db, changes: ChangeView[], locale: string): Promise<DiffLabels> {
  const institutionIds = new Set<string>();
  for (const c of changes) {
    for (const field of INSTITUTION_FIELDS) {
      for (const value of [c.before[field], c.after[field]]) if (typeof value === 'string' && /^\d{1,18}$/.test(value)) institutionIds.add(value);
    }
  }
  const [policyArea, institution] = await Promise.all([
    changes.some((c) => 'policyAreas' in c.after) ? policyAreaLabeller(db, locale) : undefined,
    institutionIds.size > 0 ? institutionLabeller(db, [...institutionIds]) : undefined,
  ]);
  return { ...(policyArea ? { policyArea } : {}), ...(institution ? { institution } : {}) };
}

/** "Title (KE0031)" in the reader's language, else the source's, else any: the breadcrumb of the history tabs. */
export async function commitmentCrumbTitle(db: Db, target: { id: string; ogpId: string; sourceLocale: string }, locale: string): Promise<string> {
  const titles = await db.selectFrom('commitment_texts').select(['locale', 'title']).where('commitment_id', '=', target.id).execute();
  const title = titles.find((r) => r.locale === locale) ?? titles.find((r) => r.locale === target.sourceLocale) ?? titles[0];
  return title ? `${title.title} (${target.ogpId})` : target.ogpId;
}
