import type { Db } from '../db/connect.ts';
import { changesWithActors, toChangeView, type ChangeView } from '../commitments/commitment-history.queries.ts';

/**
 * The institution's own history entries (its renames, the merges into it), newest first, with those of the names it
 * was known by (a former name, an institution merged into it): its history goes on under one address.
 */
export async function findInstitutionChanges(db: Db, institutionId: string): Promise<ChangeView[]> {
  const rows = await changesWithActors(db)
    .where('c.entity_type', '=', 'institution').where('c.commitment_id', 'is', null)
    .where((eb) => eb.or([
      eb('c.entity_id', '=', institutionId),
      eb('c.entity_id', 'in', db.selectFrom('institutions').select('id').where('merged_into_id', '=', institutionId)),
    ]))
    .execute();
  return rows.map(toChangeView);
}
