import type { Policy } from '../http/authorize.ts';
import { mayEditWithin } from '../commitments/commitment.policy.ts';

/** Who may do what with milestones: whoever may edit their commitment (its lead and supporting institutions). */
export const milestonePolicy = {
  edit_milestone: mayEditWithin,
  create_milestone: mayEditWithin,
  /** Move a milestone's end date; the planned date is kept beside the new one. */
  replan_milestone: mayEditWithin,
} satisfies Policy;
