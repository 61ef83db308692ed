import type { CurrentUser } from '../accounts/current-user.ts';
import type { Policy } from '../http/authorize.ts';

/** What a rule needs to know of a commitment: the institutions that lead or support it (`commitment_institutions`). */
export type CommitmentScope = { institutionIds: readonly string[] };

/**
 * Administrators edit every commitment; a point of contact those their institution leads or supports. Reviewers,
 * IRM researchers, accounts without a role and the public edit nothing.
 */
export const mayEditWithin = (user: CurrentUser | undefined, scope: CommitmentScope): boolean =>
  user?.role === 'administrator'
  || (user?.role === 'point_of_contact' && user.institutionId !== null && scope.institutionIds.includes(user.institutionId));

/** Who may do what with commitments. */
export const commitmentPolicy = {
  edit_commitment: mayEditWithin,
  /** The scope is the commitment's lead institution: a point of contact creates the commitments their institution leads. */
  create_commitment: mayEditWithin,
  withdraw_commitment: mayEditWithin,
  /** Restoring an earlier version overrides other people's edits: the secretariat only. */
  restore_commitment_version: (user: CurrentUser | undefined, _scope: CommitmentScope) => user?.role === 'administrator',
} satisfies Policy;
