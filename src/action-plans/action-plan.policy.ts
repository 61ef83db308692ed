import type { CurrentUser } from '../accounts/current-user.ts';
import type { Policy } from '../http/authorize.ts';

const secretariat = (user: CurrentUser | undefined) => user?.role === 'administrator';

/**
 * Who may do what with action plans: a plan is the government's as a whole, not one institution's, so the
 * secretariat creates and edits them; points of contact add commitments to them (commitment policy).
 */
export const actionPlanPolicy = {
  create_action_plan: (user: CurrentUser | undefined, _member: { memberId: string }) => secretariat(user),
  edit_action_plan: (user: CurrentUser | undefined, _plan: { actionPlanId: string }) => secretariat(user),
} satisfies Policy;
