import { describe, expect, it } from 'vitest';
import { authorize } from '../http/authorize.ts';
import { AppError } from '../http/errors.ts';
import type { CurrentUser } from './current-user.ts';
import type { Role } from './roles.ts';

const user = (role: Role | null, totpEnabled = true): CurrentUser => ({
  id: '1', sessionId: '1', email: 'x@example.org', name: 'X', role, institutionId: null, institutionName: null, locale: 'en', totpEnabled,
});

function outcome(fn: () => void): string {
  try {
    fn();
    return 'allowed';
  } catch (error) {
    return (error as AppError).code;
  }
}

describe('authorize', () => {
  it('follows the account and mail policies for each role', () => {
    const admin = user('administrator');
    const others = [user('point_of_contact'), user('civil_society_reviewer'), user('irm_researcher'), user(null)];
    for (const action of ['invite', 'list_invitations', 'revoke_invitation', 'hand_over_point_of_contact', 'list_accounts'] as const) {
      expect(outcome(() => authorize(admin, action, 'account')), action).toBe('allowed');
      for (const other of others) expect(outcome(() => authorize(other, action, 'account')), `${other.role} ${action}`).toBe('forbidden');
      expect(outcome(() => authorize(undefined, action, 'account'))).toBe('unauthenticated');
    }
    expect(outcome(() => authorize(admin, 'read_outbox', 'mail'))).toBe('allowed');
    expect(outcome(() => authorize(user('point_of_contact'), 'read_outbox', 'mail'))).toBe('forbidden');
    for (const someone of [admin, ...others]) expect(outcome(() => authorize(someone, 'manage_own_account', 'account'))).toBe('allowed');
    expect(outcome(() => authorize(undefined, 'manage_own_account', 'account'))).toBe('unauthenticated');
    expect(outcome(() => authorize(admin, 'disable_second_factor', 'account'))).toBe('forbidden');
    expect(outcome(() => authorize(user('irm_researcher'), 'disable_second_factor', 'account'))).toBe('allowed');
    // Another person's second factor only: `admin` has id 1.
    expect(outcome(() => authorize(admin, 'reset_second_factor', 'account', { id: '2' }))).toBe('allowed');
    expect(outcome(() => authorize(admin, 'reset_second_factor', 'account', { id: '1' }))).toBe('forbidden');
    for (const other of others) expect(outcome(() => authorize({ ...other, id: '3' }, 'reset_second_factor', 'account', { id: '2' }))).toBe('forbidden');
    expect(outcome(() => authorize(undefined, 'reset_second_factor', 'account', { id: '2' }))).toBe('unauthenticated');
  });

  it('lets an administrator without TOTP do nothing but set it up', () => {
    const admin = user('administrator', false);
    expect(outcome(() => authorize(admin, 'set_up_second_factor', 'account'))).toBe('allowed');
    for (const action of ['manage_own_account', 'invite', 'hand_over_point_of_contact'] as const) {
      expect(outcome(() => authorize(admin, action, 'account')), action).toBe('second_factor_required');
    }
    expect(outcome(() => authorize(admin, 'read_outbox', 'mail'))).toBe('second_factor_required');
    expect(outcome(() => authorize(user('irm_researcher', false), 'manage_own_account', 'account'))).toBe('allowed');
  });
});
