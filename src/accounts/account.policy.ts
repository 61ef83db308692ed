import type { Policy } from '../http/authorize.ts';

/** Who may do what with accounts. `user` is undefined for the public. */
const signedIn = (user: { role: unknown } | undefined) => user !== undefined;
const administrator = (user: { role: unknown } | undefined) => user?.role === 'administrator';

export const accountPolicy = {
  /** See one's own account, sign out everywhere. */
  manage_own_account: signedIn,
  /** Set up TOTP (the one thing an administrator without it may do). */
  set_up_second_factor: signedIn,
  /** Turn TOTP off again: it is required of administrators. */
  disable_second_factor: (user) => user !== undefined && user.role !== 'administrator',
  invite: administrator,
  list_invitations: administrator,
  revoke_invitation: administrator,
  /** Change an institution's point of contact. */
  hand_over_point_of_contact: administrator,
  /** The list of every account, with its second factor and last sign-in. */
  list_accounts: administrator,
  /**
   * Turn off another person's second factor (a lost phone). Not one's own: an administrator who lost theirs asks
   * another administrator, so that no single person can drop a second factor unseen.
   */
  reset_second_factor: (user: { id: string; role: unknown } | undefined, account: { id: string }) =>
    administrator(user) && user?.id !== account.id,
} satisfies Policy;
