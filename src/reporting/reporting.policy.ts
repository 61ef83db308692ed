import type { CurrentUser } from '../accounts/current-user.ts';
import type { Policy } from '../http/authorize.ts';
import { mayEditWithin, type CommitmentScope } from '../commitments/commitment.policy.ts';

/**
 * Who may do what with reporting rounds (decision 013). The secretariat opens and closes rounds; a point of contact
 * reports on the milestones of the commitments their institution leads or supports (administrators may report on
 * an institution's behalf); civil-society reviewers give verdicts. Every role of the workspace may follow a round.
 */
const administrator = (user: CurrentUser | undefined) => user?.role === 'administrator';

export const reportingPolicy = {
  /** The workspace pages of rounds (lists, progress); what each role sees on them differs. */
  follow_rounds: (user: CurrentUser | undefined) => Boolean(user?.role),
  open_reporting_round: administrator,
  close_reporting_round: administrator,
  submit_milestone_report: (user: CurrentUser | undefined, scope: CommitmentScope) => mayEditWithin(user, scope),
  /** A report and its evidence in the workspace: every role, but a point of contact only those of their milestones. */
  read_milestone_report: (user: CurrentUser | undefined, scope: CommitmentScope) =>
    Boolean(user?.role) && (user?.role !== 'point_of_contact' || mayEditWithin(user, scope)),
  record_verdict: (user: CurrentUser | undefined) => user?.role === 'civil_society_reviewer',
} satisfies Policy;
