import type { CurrentUser } from '../accounts/current-user.ts';
import type { Policy } from '../http/authorize.ts';

/** What a rule needs to know of a piece of evidence: the institutions that lead or support its milestone's commitment. */
export type EvidenceScope = { institutionIds: readonly string[] };

/**
 * Evidence the public does not see — an item marked restricted, or any item of a round still open — is seen by the
 * secretariat, IRM researchers and civil-society reviewers (whose work is to weigh it), and by the points of contact
 * of the institutions responsible for the milestone. Everyone else, the public included, never learns it exists.
 */
const maySeeWithheld = (user: CurrentUser | undefined, scope: EvidenceScope): boolean =>
  user?.role === 'administrator' || user?.role === 'irm_researcher' || user?.role === 'civil_society_reviewer'
  || (user?.role === 'point_of_contact' && user.institutionId !== null && scope.institutionIds.includes(user.institutionId));

/** Who may see what evidence. Public evidence of a closed round needs no rule: everyone sees it. */
export const evidencePolicy = {
  view_restricted_evidence: maySeeWithheld,
  view_unpublished_evidence: maySeeWithheld,
} satisfies Policy;
