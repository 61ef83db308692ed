import type { Intl } from '../i18n/intl.ts';
import { formatInstant } from '../layout/format.ts';
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
      expires: formatInstant(intl, invitation.expiresAt, 'long'),
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
      date: formatInstant(intl, change.at, 'long'),
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
      name: reset.name, date: formatInstant(intl, reset.at, 'long'), reason: reset.reason, link: reset.resetLink,
    }),
  };
}

/** To the account an administrator has just made point of contact: what changed, and where to sign in. */
export function pointOfContactGrantedMail(intl: Intl, grant: { to: string; name: string; institution: string; reason: string | null; link: string }): MailMessage {
  return {
    kind: 'point_of_contact_handed_over',
    to: grant.to,
    subject: intl.t('account.mail.pocGranted.subject', { institution: grant.institution }),
    text: intl.t('account.mail.pocGranted.body', {
      name: grant.name, institution: grant.institution, reason: reasonLine(intl, grant.reason), link: grant.link,
    }),
  };
}

/** To a point of contact the hand-over replaced: the account stays, the institution's pages are no longer theirs. */
export function pointOfContactRemovedMail(intl: Intl, removal: {
  to: string; name: string; institution: string; successor: string; reason: string | null;
}): MailMessage {
  return {
    kind: 'point_of_contact_handed_over',
    to: removal.to,
    subject: intl.t('account.mail.pocRemoved.subject', { institution: removal.institution }),
    text: intl.t('account.mail.pocRemoved.body', {
      name: removal.name, institution: removal.institution, successor: removal.successor, reason: reasonLine(intl, removal.reason),
    }),
  };
}

const reasonLine = (intl: Intl, reason: string | null): string => (reason ? `\n${intl.t('account.mail.reasonGiven', { reason })}` : '');
