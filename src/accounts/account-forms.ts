import { z } from 'zod';
import { REQUIRED } from '../http/form.ts';
import { PasswordSchema } from './password.ts';
import { passwordWeakness } from './password-strength.ts';
import { normalizeRecoveryCode, RECOVERY_CODE } from './recovery-codes.ts';
import { TOTP_CODE } from './totp.ts';

/** Field schemas shared by the account forms; each error is a message key that the page words with the field's label. */
export const EmailSchema = z.string({ error: REQUIRED }).trim().toLowerCase()
  .min(1, REQUIRED).max(254, 'form.error.tooLong').regex(/^[^@\s]+@[^@\s]+\.[^@\s]+$/, 'form.error.email');

export const NameSchema = z.string({ error: REQUIRED }).trim().min(1, REQUIRED).max(200, 'form.error.tooLong');

export const CodeSchema = z.string({ error: REQUIRED }).transform((s) => s.replace(/\s+/g, ''))
  .pipe(z.string().min(1, REQUIRED).regex(TOTP_CODE, 'form.error.code'));

/** The second step of signing in: a TOTP code, or a recovery code (see recovery-codes.ts for how it is read). */
export const SecondFactorCodeSchema = z.string({ error: REQUIRED }).transform(normalizeRecoveryCode)
  .pipe(z.string().min(1, REQUIRED).refine((s) => TOTP_CODE.test(s) || RECOVERY_CODE.test(s), 'account.error.codeOrRecoveryCode'));

/** A password to check, never to judge: any length the sign-in form takes. */
export const CurrentPasswordSchema = z.string({ error: REQUIRED }).min(1, REQUIRED).max(500, 'form.error.tooLong');

/** A new password typed twice, for the account of `email`: long enough (password.ts) and not too simple (password-strength.ts). */
export const newPasswordFields = (email: string) => ({
  password: PasswordSchema.superRefine((password, ctx) => {
    const weakness = passwordWeakness(password, email);
    if (weakness) ctx.addIssue({ code: 'custom', message: weakness });
  }),
  passwordConfirmation: z.string({ error: REQUIRED }).min(1, REQUIRED),
});

export function passwordsMatch(form: { password: string; passwordConfirmation: string }, ctx: z.RefinementCtx): void {
  if (form.password !== form.passwordConfirmation) {
    ctx.addIssue({ code: 'custom', path: ['passwordConfirmation'], message: 'form.error.passwordsDiffer' });
  }
}
