import type { Intl } from '../i18n/intl.ts';
import type { MailMessage } from '../mail/mailer.ts';
import type { PartialDateView } from '../commitments/commitment-detail.ts';
import { formatPartialDate } from '../layout/format.ts';
import { formatDeadline } from '../reporting/reporting-format.ts';

/** The reminder e-mails, in the recipient's language, as plain text. */

export type MilestoneRef = { commitment: string; number: number; text: string | undefined };

/** "RM0001, milestone 2: Open the complaints desk", one line of a list. */
export function milestoneLine(intl: Intl, milestone: MilestoneRef): string {
  return intl.t('reminders.mail.milestoneLine', {
    commitment: milestone.commitment, number: milestone.number, text: milestone.text ?? intl.t('common.notGiven'),
  });
}

export function roundDeadlineMail(intl: Intl, reminder: {
  to: string; name: string; round: string; plan: string; deadline: Date; institution: string; milestones: MilestoneRef[]; link: string;
}): MailMessage {
  const deadline = formatDeadline(intl, reminder.deadline);
  return {
    kind: 'round_deadline_reminder',
    to: reminder.to,
    subject: intl.t('reminders.mail.roundDeadline.subject', { round: reminder.round, deadline }),
    text: intl.t('reminders.mail.roundDeadline.body', {
      name: reminder.name, round: reminder.round, plan: reminder.plan, deadline, institution: reminder.institution,
      count: reminder.milestones.length, milestones: reminder.milestones.map((m) => `- ${milestoneLine(intl, m)}`).join('\n'),
      link: reminder.link,
    }),
  };
}

export function milestoneOverdueMail(intl: Intl, reminder: {
  to: string; name: string; institution: string; milestone: MilestoneRef; end: PartialDateView;
  /** The open round's workspace when the plan has one, else the commitment's page. */
  link: string; roundOpen: boolean;
}): MailMessage {
  const { milestone } = reminder;
  return {
    kind: 'milestone_overdue_reminder',
    to: reminder.to,
    subject: intl.t('reminders.mail.milestoneOverdue.subject', { commitment: milestone.commitment, number: milestone.number }),
    text: intl.t('reminders.mail.milestoneOverdue.body', {
      name: reminder.name, institution: reminder.institution, end: formatPartialDate(intl, reminder.end),
      milestone: milestoneLine(intl, milestone), link: reminder.link, roundOpen: reminder.roundOpen ? 'yes' : 'no',
    }),
  };
}
