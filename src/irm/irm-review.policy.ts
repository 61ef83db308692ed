import type { CurrentUser } from '../accounts/current-user.ts';
import type { Policy } from '../http/authorize.ts';

/**
 * IRM assessments are the Independent Reporting Mechanism's word on a commitment, not the government's or civil
 * society's: IRM researchers record and revise them, and the secretariat may correct one. Points of contact,
 * civil-society reviewers, accounts without a role and the public only read them, on the public pages.
 */
export const irmReviewPolicy = {
  record_irm_review: (user: CurrentUser | undefined) => user?.role === 'irm_researcher' || user?.role === 'administrator',
} satisfies Policy;
