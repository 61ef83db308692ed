import { sql } from 'kysely';

/**
 * Which milestones of its plan a round counts, lists and publishes, as a condition on a commitment (`commitment`
 * alias) and the milestone's report in the round (`report` alias, left-joined). Nobody reports on a withdrawn
 * commitment (the reminders leave it alone too), so its milestones are not due: not missing, not to report on, not
 * in the snapshot. A report given before the withdrawal stays part of the round, counted and published as given.
 * The one condition the workspace's progress, the rounds list and the close command's snapshot share.
 */
export const inRound = (commitment: string, report: string) =>
  sql<boolean>`(${sql.ref(`${commitment}.status`)} is distinct from 'withdrawn' or ${sql.ref(`${report}.id`)} is not null)`;
