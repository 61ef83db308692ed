import { sql, type SqlBool } from 'kysely';

const ID = /^[1-9][0-9]{0,17}$/;

/**
 * Which institutions (`institutions as i`) the workspace's pickers offer: those that lead or support a commitment
 * (and so are not a former name or merged away, whose links all moved), and the current values (`current`: what the
 * form holds, a point of contact's own institution), so that a form never loses what it shows. An institution an
 * import renamed away, left with no commitment, is not offered again: choosing it would split a ministry's work
 * between two names.
 */
export function offeredInstitution(current: readonly string[]) {
  const linked = sql<SqlBool>`(i.merged_into_id is null and exists (select 1 from commitment_institutions ci where ci.institution_id = i.id))`;
  const ids = current.filter((id) => ID.test(id));
  return ids.length === 0 ? linked : sql<SqlBool>`(${linked} or i.id in (${sql.join(ids)}))`;
}
