import type { Intl } from '../i18n/intl.ts';
import type { MailMessage } from '../mail/mailer.ts';
import { formatDeadline } from './reporting-format.ts';

/** The e-mail that tells a point of contact a round is open: what, for which plan, until when, and where to report. */
export function roundOpenedMail(intl: Intl, round: { to: string; label: string; plan: string; deadline: Date; link: string }): MailMessage {
  return {
    kind: 'round_opened',
    to: round.to,
    subject: intl.t('reporting.mail.opened.subject', { label: round.label }),
    text: intl.t('reporting.mail.opened.body', {
      label: round.label, plan: round.plan, deadline: formatDeadline(intl, round.deadline), link: round.link,
    }),
  };
}
