import { sql } from 'kysely';
import type { Snapshot, Trx } from '../../commitments/commands/change-log.ts';

type Link = {
  commitment_id: string; institution_id: string; role: 'lead' | 'supporting'; actor_group: 'government' | 'other' | null;
  position: number; name: string;
};
export type LinkChange = { commitmentId: string; before: Snapshot; after: Snapshot };

const ROLE_FIELDS = { lead: 'leadInstitution', supporting: 'supportingInstitutions' } as const;

/**
 * Moves every commitment link of `from` to `into`, each commitment keeping the order of its institutions: `into`
 * takes `from`'s place in it. A commitment that already names `into` names it once: in the first place either held in
 * a role, and as a lead when either led it (it is not also listed as supporting, as the commitment form refuses). The
 * touched commitments are locked first, as the editing commands lock them. Returns, per commitment, its institutions'
 * names before and after in the history's fields, for the roles that changed.
 */
export async function moveCommitmentLinks(trx: Trx, fromId: string, into: { id: string; name: string }): Promise<LinkChange[]> {
  const touched = await trx.selectFrom('commitments').select('id')
    .where('id', 'in', trx.selectFrom('commitment_institutions').select('commitment_id').where('institution_id', '=', fromId))
    .orderBy('id').forUpdate().execute();
  if (touched.length === 0) return [];
  const ids = touched.map((c) => c.id);
  const links = await trx.selectFrom('commitment_institutions as ci').innerJoin('institutions as i', 'i.id', 'ci.institution_id')
    .select(['ci.commitment_id', 'ci.institution_id', 'ci.role', 'ci.actor_group', 'ci.position', 'i.name'])
    .where('ci.commitment_id', 'in', ids).orderBy('ci.commitment_id').orderBy('ci.position').orderBy('ci.institution_id').execute();
  const changes: LinkChange[] = [];
  const rows: Omit<Link, 'name'>[] = [];
  for (const commitmentId of ids) {
    const own = links.filter((l) => l.commitment_id === commitmentId);
    const moved = own.map((l) => (l.institution_id === fromId ? { ...l, institution_id: into.id, name: into.name } : l));
    const leads = firstOfEach(moved.filter((l) => l.role === 'lead'));
    const led = new Set(leads.map((l) => l.institution_id));
    const supporting = firstOfEach(moved.filter((l) => l.role === 'supporting' && !led.has(l.institution_id)));
    const change: LinkChange = { commitmentId, before: {}, after: {} };
    for (const [role, now] of [['lead', leads], ['supporting', supporting]] as const) {
      const before = own.filter((l) => l.role === role).map((l) => l.name);
      const after = now.map((l) => l.name);
      if (before.join('\n') !== after.join('\n')) {
        change.before[ROLE_FIELDS[role]] = before;
        change.after[ROLE_FIELDS[role]] = after;
      }
      // A supporting institution keeps the actor group of its link; one now leading has none.
      now.forEach((l, position) => rows.push({
        commitment_id: commitmentId, institution_id: l.institution_id, role, actor_group: role === 'lead' ? null : l.actor_group, position,
      }));
    }
    changes.push(change);
  }
  await trx.deleteFrom('commitment_institutions').where('commitment_id', 'in', ids).execute();
  await trx.insertInto('commitment_institutions').values(rows).execute();
  return changes;
}

/** Each institution once, at its first place. */
function firstOfEach(links: Link[]): Link[] {
  const seen = new Set<string>();
  return links.filter((l) => !seen.has(l.institution_id) && seen.add(l.institution_id));
}

/** Reports and verdicts of rounds still open, where `from` reported or reviewed: they go on under `into`. */
export async function moveOpenReporting(trx: Trx, fromId: string, intoId: string): Promise<void> {
  const openRounds = sql`(select id from reporting_rounds where closed_at is null)`;
  await sql`update milestone_reports set institution_id = ${intoId}
    where institution_id = ${fromId} and reporting_round_id in ${openRounds}`.execute(trx);
  await sql`update milestone_report_verdicts set reviewer_institution_id = ${intoId}
    where reviewer_institution_id = ${fromId}
      and milestone_report_id in (select id from milestone_reports where reporting_round_id in ${openRounds})`.execute(trx);
}

/** Publications (guidance notes, stories) written by `from` or about it: now by and about `into`, each named once. */
export async function movePublications(trx: Trx, fromId: string, intoId: string): Promise<void> {
  await trx.updateTable('publications').set({ author_institution_id: intoId }).where('author_institution_id', '=', fromId).execute();
  await sql`insert into publication_institutions (publication_id, institution_id)
    select publication_id, ${intoId} from publication_institutions where institution_id = ${fromId}
    on conflict do nothing`.execute(trx);
  await trx.deleteFrom('publication_institutions').where('institution_id', '=', fromId).execute();
}
