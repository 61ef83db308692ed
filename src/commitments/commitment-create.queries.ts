import type { Db } from '../db/connect.ts';
import type { SelectGroup, SelectOption } from '../layout/form.tsx';
import { offeredInstitution } from '../institutions/offered-institutions.ts';

/**
 * The institutions of a member the workspace offers (`offeredInstitution`: those with a commitment, and `current`,
 * what the form holds), by name: the choices of lead and supporting institutions of a new commitment.
 */
export async function memberInstitutionOptions(db: Db, memberId: string, current: readonly string[]): Promise<SelectOption[]> {
  const rows = await db.selectFrom('institutions as i').select(['i.id', 'i.name']).where('i.member_id', '=', memberId)
    .where(offeredInstitution(current)).orderBy('i.name').execute();
  return rows.map((r) => ({ value: r.id, label: r.name }));
}

/**
 * The policy-area taxonomy as checkbox groups, labels in the reader's language (else English): one group per
 * top-level area, holding the area itself and its sub-areas, in OGP's order.
 */
export async function policyAreaGroups(db: Db, locale: string): Promise<SelectGroup[]> {
  const rows = await db.selectFrom('policy_areas as pa')
    .leftJoin('policy_area_labels as wanted', (j) => j.onRef('wanted.policy_area_key', '=', 'pa.key').on('wanted.locale', '=', locale))
    .leftJoin('policy_area_labels as en', (j) => j.onRef('en.policy_area_key', '=', 'pa.key').on('en.locale', '=', 'en'))
    .select((eb) => ['pa.key', 'pa.parent_key', eb.fn.coalesce('wanted.label', 'en.label', 'pa.key').as('label')])
    .orderBy('pa.position').orderBy('pa.key').execute();
  const groups = new Map<string, SelectGroup>();
  for (const row of rows) {
    const option = { value: row.key, label: row.label };
    if (!row.parent_key) groups.set(row.key, { label: row.label, options: [option] });
    else groups.get(row.parent_key)?.options.push(option);
  }
  return [...groups.values()];
}
