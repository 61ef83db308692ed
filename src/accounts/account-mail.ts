import type { Intl } from '../i18n/intl.ts';
import type { MailMessage } from '../mail/mailer.ts';
import type { Role } from './roles.ts';

/** The e-mails of the accounts domain, in the recipient's language, as plain text. */

export function roleDescription(intl: Intl, role: Role | null, institution: string | null): string {
  const label = intl.t(`account.role.${role ?? 'none'}`);
  return institution ? intl.t('account.roleAt', { role: label, institution }) : label;
}

export function invitationMail(intl: Intl, invitation: {
  to: string; name: string; role: Role; institution: string | null; link: string; expiresAt: Date;
}): MailMessage {
  return {
    kind: 'invitation',
    to: invitation.to,
    subject: intl.t('account.mail.invitation.subject'),
    text: intl.t('account.mail.invitation.body', {
      name: invitation.name,
      role: roleDescription(intl, invitation.role, invitation.institution),
      link: invitation.link,
      expires: utcDateTime(intl, invitation.expiresAt),
    }),
  };
}

export function passwordResetMail(intl: Intl, reset: { to: string; link: string }): MailMessage {
  return {
    kind: 'password_reset',
    to: reset.to,
    subject: intl.t('account.mail.passwordReset.subject'),
    text: intl.t('account.mail.passwordReset.body', { link: reset.link }),
  };
}

/** The notice that the password was changed: if it was not the owner, the reset link lets them take the account back. */
export function passwordChangedMail(intl: Intl, change: { to: string; name: string; at: Date; resetLink: string }): MailMessage {
  return {
    kind: 'password_changed',
    to: change.to,
    subject: intl.t('account.mail.passwordChanged.subject'),
    text: intl.t('account.mail.passwordChanged.body', {
      name: change.name,
      date: utcDateTime(intl, change.at),
      link: change.resetLink,
    }),
  };
}

/** The notice that an administrator turned the second factor off: a reset nobody asked for is an attack to report. */
export function secondFactorResetMail(intl: Intl, reset: { to: string; name: string; at: Date; reason: string; resetLink: string }): MailMessage {
  return {
    kind: 'second_factor_reset',
    to: reset.to,
    subject: intl.t('account.mail.secondFactorReset.subject'),
    text: intl.t('account.mail.secondFactorReset.body', {
      name: reset.name, date: utcDateTime(intl, reset.at), reason: reset.reason, link: reset.resetLink,
    }),
  };
}

// Mail is read far from the server's time zone, so times say they are UTC.
function utcDateTime(intl: Intl, at: Date): string {
  return `${intl.formatDate(at, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' })} UTC`;
}
