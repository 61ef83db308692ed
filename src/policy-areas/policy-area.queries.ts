import { sql, type SqlBool } from 'kysely';
import type { Db } from '../db/connect.ts';
import { foldAccents } from '../text/fold-accents.ts';

const normalize = (label: string) => foldAccents(label).toLowerCase().replace(/[\s\u00a0]+/g, ' ').trim();

/**
 * Finds a policy area's key from its label as a source writes it ("Renforcement des capacités"), in any language
 * of the taxonomy, ignoring case and accents; the label's own language wins when two languages share a spelling.
 */
export async function policyAreaResolver(db: Db): Promise<(label: string, locale: string) => string | undefined> {
  const rows = await db.selectFrom('policy_area_labels').select(['policy_area_key', 'locale', 'label']).execute();
  const byLocale = new Map<string, Map<string, string>>();
  const anyLocale = new Map<string, string>();
  for (const row of rows) {
    const label = normalize(row.label);
    if (!byLocale.has(row.locale)) byLocale.set(row.locale, new Map());
    byLocale.get(row.locale)!.set(label, row.policy_area_key);
    if (!anyLocale.has(label)) anyLocale.set(label, row.policy_area_key);
  }
  return (label, locale) => byLocale.get(locale)?.get(normalize(label)) ?? anyLocale.get(normalize(label));
}

/** A policy area as the API lists it: its label in the wanted language (else English) and its commitment count. */
export type PolicyAreaRow = {
  key: string; parentKey: string | null; position: number; label: string; labelLocale: string | null; commitmentCount: number;
};

function policyAreaRows(db: Db, locale: string) {
  return db.selectFrom('policy_areas as pa')
    .leftJoin('policy_area_labels as wanted', (j) => j.onRef('wanted.policy_area_key', '=', 'pa.key').on('wanted.locale', '=', locale))
    .leftJoin('policy_area_labels as en', (j) => j.onRef('en.policy_area_key', '=', 'pa.key').on('en.locale', '=', 'en'))
    .select((eb) => [
      'pa.key', 'pa.parent_key as parentKey', 'pa.position',
      eb.fn.coalesce('wanted.label', 'en.label', 'pa.key').as('label'),
      sql<string | null>`case when wanted.label is not null then wanted.locale when en.label is not null then 'en' end`.as('labelLocale'),
      eb.selectFrom('commitment_policy_areas as cpa').select(sql<number>`count(*)::int`.as('n'))
        .whereRef('cpa.policy_area_key', '=', 'pa.key').as('commitmentCount'),
    ]);
}

/** The taxonomy in OGP's order (position, then key): the order the API's cursor follows. */
export function findPolicyAreaPage(
  db: Db, locale: string, after: readonly [number, string] | undefined, limit: number,
): Promise<PolicyAreaRow[]> {
  let query = policyAreaRows(db, locale);
  if (after) query = query.where(sql<SqlBool>`(pa.position, pa.key) > (${after[0]}, ${after[1]})`);
  return query.orderBy('pa.position').orderBy('pa.key').limit(limit).execute() as Promise<PolicyAreaRow[]>;
}

export async function countPolicyAreas(db: Db): Promise<number> {
  return (await db.selectFrom('policy_areas').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n;
}

export async function findPolicyArea(
  db: Db, key: string, locale: string,
): Promise<{ area: PolicyAreaRow; labels: Record<string, string>; children: string[] } | undefined> {
  const [area, labels, children] = await Promise.all([
    policyAreaRows(db, locale).where('pa.key', '=', key).executeTakeFirst() as Promise<PolicyAreaRow | undefined>,
    db.selectFrom('policy_area_labels').select(['locale', 'label']).where('policy_area_key', '=', key).orderBy('locale').execute(),
    db.selectFrom('policy_areas').select('key').where('parent_key', '=', key).orderBy('position').execute(),
  ]);
  if (!area) return undefined;
  return { area, labels: Object.fromEntries(labels.map((l) => [l.locale, l.label])), children: children.map((c) => c.key) };
}
