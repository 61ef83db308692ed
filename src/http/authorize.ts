import type { CurrentUser } from '../accounts/current-user.ts';
import { accountPolicy } from '../accounts/account.policy.ts';
import { mailPolicy } from '../mail/mail.policy.ts';
import { commitmentPolicy } from '../commitments/commitment.policy.ts';
import { milestonePolicy } from '../milestones/milestone.policy.ts';
import { evidencePolicy } from '../evidence/evidence.policy.ts';
import { actionPlanPolicy } from '../action-plans/action-plan.policy.ts';
import { reportingPolicy } from '../reporting/reporting.policy.ts';
import { irmReviewPolicy } from '../irm/irm-review.policy.ts';
import { institutionPolicy } from '../institutions/institution.policy.ts';
import { publicationPolicy } from '../publications/publication.policy.ts';
import { AppError } from './errors.ts';

/**
 * Authorization: each domain keeps its rules in one policy file (`<domain>.policy.ts`, one line per action), and
 * each handler names its action first thing: `authorize(user, 'invite', 'account')`. A refusal is a 403 for a
 * signed-in person and a redirect to sign-in (401 in the API) for the public. An administrator must set up TOTP
 * before anything else the workspace offers.
 */
export type Policy = Record<string, (user: CurrentUser | undefined, resource: never) => boolean>;

const POLICIES = {
  account: accountPolicy,
  mail: mailPolicy,
  commitment: commitmentPolicy,
  milestone: milestonePolicy,
  evidence: evidencePolicy,
  actionPlan: actionPlanPolicy,
  reporting: reportingPolicy,
  irmReview: irmReviewPolicy,
  institution: institutionPolicy,
  publication: publicationPolicy,
};
type Policies = typeof POLICIES;
export type Domain = keyof Policies;
export type Action<D extends Domain> = keyof Policies[D] & string;
type ResourceOf<D extends Domain, A extends Action<D>> = Policies[D][A] extends (user: CurrentUser | undefined, resource: infer R) => boolean ? R : never;

/** Actions open to an administrator who has not set up the second factor yet. */
const BEFORE_SECOND_FACTOR = new Set(['account.set_up_second_factor']);

export function authorize<D extends Domain, A extends Action<D>>(
  user: CurrentUser | undefined, action: A, domain: D, resource?: ResourceOf<D, A>,
): asserts user is CurrentUser {
  const rule = POLICIES[domain][action] as (user: CurrentUser | undefined, resource?: unknown) => boolean;
  if (user?.role === 'administrator' && !user.totpEnabled && !BEFORE_SECOND_FACTOR.has(`${domain}.${action}`)) {
    throw new AppError('second_factor_required', 'administrators must set up two-factor authentication first');
  }
  if (rule(user, resource)) return;
  throw user ? new AppError('forbidden', `not allowed: ${domain}.${action}`) : new AppError('unauthenticated', 'sign-in required');
}
