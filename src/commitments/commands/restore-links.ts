import { sql } from 'kysely';
import { unnest } from '../../db/unnest.ts';
import { inferInstitutionKind } from '../../institutions/infer-institution-kind.ts';
import { slugify } from '../../text/slugify.ts';
import { actorGroupOfKind } from '../../institutions/actor-group.ts';
import { sameJson, type Snapshot, type Trx } from './change-log.ts';

/**
 * What a restore puts back besides the status and texts (decision 012): the commitment's start and end, its lead
 * and supporting institutions and its policy areas, as history entries store them (dates as the page shows them,
 * institutions by name, policy areas by key). Imports record these; a re-import that moved a commitment to another
 * lead institution is undone here like an edit of its title. The number in the plan is not restored: another
 * commitment of the plan may hold it by now.
 */

type ShownDate = { date: string; precision: string } | { raw: string } | null;
type Role = 'lead' | 'supporting';
const ROLE_FIELDS = { lead: 'leadInstitution', supporting: 'supportingInstitutions' } as const;

export type Changed = { before: Snapshot; after: Snapshot };

export async function restoreLinks(trx: Trx, commitmentId: string, version: Snapshot): Promise<Changed> {
  const changed: Changed = { before: {}, after: {} };
  await restoreDates(trx, commitmentId, version, changed);
  for (const role of ['lead', 'supporting'] as const) {
    const wanted = version[ROLE_FIELDS[role]];
    // create_commitment stores its one lead as a name; imports store a list.
    if (wanted !== undefined) await restoreInstitutions(trx, commitmentId, role, typeof wanted === 'string' ? [wanted] : wanted as string[], changed);
  }
  if (Array.isArray(version.policyAreas)) await restorePolicyAreas(trx, commitmentId, version.policyAreas as string[], changed);
  return changed;
}

async function restoreDates(trx: Trx, commitmentId: string, version: Snapshot, changed: Changed): Promise<void> {
  if (!('start' in version) && !('end' in version)) return;
  const row = await trx.selectFrom('commitments').where('id', '=', commitmentId)
    .select(['start_date', 'start_precision', 'start_raw', 'end_date', 'end_precision', 'end_raw']).executeTakeFirstOrThrow();
  const current = { start: shownDate(row.start_date, row.start_precision, row.start_raw), end: shownDate(row.end_date, row.end_precision, row.end_raw) };
  for (const field of ['start', 'end'] as const) {
    if (!(field in version)) continue;
    const wanted = (version[field] ?? null) as ShownDate;
    if (sameJson(current[field], wanted)) continue;
    changed.before[field] = current[field];
    changed.after[field] = wanted;
    const date = wanted && 'date' in wanted ? wanted.date : null;
    const precision = wanted && 'date' in wanted ? wanted.precision : null;
    const raw = wanted && 'raw' in wanted ? wanted.raw : null;
    await trx.updateTable('commitments').where('id', '=', commitmentId)
      .set(field === 'start' ? { start_date: date, start_precision: precision, start_raw: raw } : { end_date: date, end_precision: precision, end_raw: raw })
      .execute();
  }
}

function shownDate(date: string | null, precision: string | null, raw: string | null): ShownDate {
  if (date !== null && precision !== null) return { date, precision };
  return raw === null ? null : { raw };
}

/**
 * Links the commitment to the named institutions of its member in one role, in their order, found by slug as the
 * importers find them (an institution an import renamed away is still there under its old name, or is created again;
 * a former name, or an institution merged into another, leads to the one it was merged into, so a restore never
 * hands a commitment back to a name the secretariat retired). A supporting institution keeps the actor group its
 * link had; one linked again takes its kind's.
 */
async function restoreInstitutions(trx: Trx, commitmentId: string, role: Role, names: string[], changed: Changed): Promise<void> {
  const current = await trx.selectFrom('commitment_institutions as ci').innerJoin('institutions as i', 'i.id', 'ci.institution_id')
    .select(['i.id', 'i.name', 'ci.actor_group']).where('ci.commitment_id', '=', commitmentId).where('ci.role', '=', role)
    .orderBy('ci.position').execute();
  const named = [...new Map(names.map((name) => [slugify(name), name])).entries()].map(([slug, name]) => ({ slug, name }));
  const wanted = named.length === 0 ? [] : await findOrCreateInstitutions(trx, commitmentId, role, named);
  if (sameJson(current.map((i) => i.id), wanted.map((i) => i.id))) return;
  changed.before[ROLE_FIELDS[role]] = current.map((i) => i.name);
  changed.after[ROLE_FIELDS[role]] = wanted.map((i) => i.name);
  await trx.deleteFrom('commitment_institutions').where('commitment_id', '=', commitmentId).where('role', '=', role).execute();
  if (wanted.length === 0) return;
  const groups = new Map(current.map((i) => [i.id, i.actor_group]));
  await trx.insertInto('commitment_institutions').values(wanted.map((institution, position) => {
    const actorGroup = role === 'lead' ? null : groups.get(institution.id) ?? actorGroupOfKind(institution.kind);
    return { commitment_id: commitmentId, institution_id: institution.id, role, actor_group: actorGroup, position };
  })).execute();
}

/** The institutions the names lead to, in their order, each once; a name no institution of the member has is created. */
async function findOrCreateInstitutions(trx: Trx, commitmentId: string, role: Role, named: { slug: string; name: string }[]) {
  const { member_id: memberId } = await trx.selectFrom('commitments as c').innerJoin('action_plans as p', 'p.id', 'c.action_plan_id')
    .select('p.member_id').where('c.id', '=', commitmentId).executeTakeFirstOrThrow();
  const kinds = named.map((i) => inferInstitutionKind(i.name, role === 'lead' ? 'lead' : 'government'));
  await sql`
    insert into institutions (member_id, slug, name, kind)
    select ${memberId}::bigint, w.slug, w.name, w.kind from ${unnest('w', [
      ['slug', 'text', named.map((i) => i.slug)], ['name', 'text', named.map((i) => i.name)], ['kind', 'text', kinds],
    ])}
    on conflict ((coalesce(member_id, 0)), slug) do nothing`.execute(trx);
  // A statement of its own: it sees an institution another transaction (an import) inserted meanwhile, which the
  // insert's own snapshot would not.
  const found = await trx.selectFrom('institutions as i').innerJoin('institutions as now', (j) => j.on((eb) => eb('now.id', '=', eb.fn.coalesce('i.merged_into_id', 'i.id'))))
    .select(['i.slug', 'now.id', 'now.name', 'now.kind'])
    .where('i.member_id', '=', memberId).where('i.slug', 'in', named.map((i) => i.slug)).execute();
  const bySlug = new Map(found.map((i) => [i.slug, i]));
  const institutions = named.map(({ slug }) => bySlug.get(slug)!);
  return institutions.filter((institution, index) => institutions.findIndex((i) => i.id === institution.id) === index);
}

/** Policy areas by key; a key the taxonomy no longer has is left out rather than refusing the whole restore. */
async function restorePolicyAreas(trx: Trx, commitmentId: string, keys: string[], changed: Changed): Promise<void> {
  const current = await trx.selectFrom('commitment_policy_areas').select('policy_area_key').where('commitment_id', '=', commitmentId).execute();
  const known = keys.length === 0 ? [] : await trx.selectFrom('policy_areas').select('key').where('key', 'in', keys).execute();
  // Sorted as history entries store them (import-history.ts), whatever the database's collation.
  const before = current.map((r) => r.policy_area_key).sort();
  const after = known.map((r) => r.key).sort();
  if (sameJson(before, after)) return;
  changed.before.policyAreas = before;
  changed.after.policyAreas = after;
  await trx.deleteFrom('commitment_policy_areas').where('commitment_id', '=', commitmentId).execute();
  if (after.length > 0) await trx.insertInto('commitment_policy_areas').values(after.map((key) => ({ commitment_id: commitmentId, policy_area_key: key }))).execute();
}
