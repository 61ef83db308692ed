import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';
import type { Mailer } from '../mail/mailer.ts';
import { intlFor } from '../i18n/intl.ts';
import { storedLocale } from '../i18n/locales.ts';
import { actionPlanTitle } from '../action-plans/action-plan-title.ts';
import { isResponsibleInstitution, milestoneText, milestoneTexts } from './reminder.queries.ts';
import { roundWorkspaceUrl } from '../reporting/reporting-urls.ts';
import { roundDeadlineMail } from './reminder-mail.ts';
import { sendReminderOnce, type SentReminder } from './reminder-record.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * How long before a round's deadline its reminders go out: three days before, then again on the last day. A check
 * that first runs within one day of the deadline sends only the last-day reminder.
 */
const DEADLINE_REMINDER_DAYS = [1, 3] as const;

/**
 * Before the deadline of each open round, e-mails the points of contact of every institution responsible for
 * milestones of the plan not yet reported on in that round (each lead of a co-led commitment), listing those
 * milestones. Each stage goes once to each person: its `about_date` is the day it fell due (the deadline day minus 3
 * or 1), so the two stages of one deadline are two reminders, and a moved deadline brings new ones.
 */
export async function checkRoundDeadlines(db: Db, mailer: Mailer, baseUrl: string, now: Date): Promise<SentReminder[]> {
  const horizon = new Date(now.getTime() + Math.max(...DEADLINE_REMINDER_DAYS) * DAY_MS);
  const rows = await db.selectFrom('reporting_rounds as r')
    .innerJoin('action_plans as ap', 'ap.id', 'r.action_plan_id')
    .innerJoin('members as mb', 'mb.id', 'ap.member_id')
    .innerJoin('commitments as c', 'c.action_plan_id', 'r.action_plan_id')
    .innerJoin('milestones as ms', 'ms.commitment_id', 'c.id')
    .innerJoin('commitment_institutions as ci', (join) => join.onRef('ci.commitment_id', '=', 'c.id').on(isResponsibleInstitution))
    .innerJoin('institutions as i', 'i.id', 'ci.institution_id')
    .innerJoin('accounts as a', (join) => join.onRef('a.institution_id', '=', 'ci.institution_id').on('a.role', '=', 'point_of_contact'))
    .select([
      'r.id as roundId', 'r.label', 'r.deadline', 'mb.name as memberName', 'ap.start_year', 'ap.end_year',
      'a.id as accountId', 'a.email', 'a.name', 'a.locale', 'i.name as institution', 'ms.id as milestoneId', 'ms.number', 'c.ogp_id',
    ])
    .where('r.closed_at', 'is', null)
    .where('r.deadline', '>', now)
    .where('r.deadline', '<=', horizon)
    // Nobody reports on a withdrawn commitment.
    .where(sql<boolean>`c.status is distinct from 'withdrawn'`)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('milestone_reports as mr').select('mr.id')
      .whereRef('mr.reporting_round_id', '=', 'r.id').whereRef('mr.milestone_id', '=', 'ms.id'))))
    .orderBy('r.id').orderBy('a.id').orderBy('c.ogp_id').orderBy('ms.number')
    .execute();
  const texts = await milestoneTexts(db, rows.map((r) => r.milestoneId));

  // One e-mail per round and person, listing all their institution's missing milestones.
  const letters = new Map<string, typeof rows>();
  for (const row of rows) {
    const key = `${row.roundId}/${row.accountId}`;
    letters.set(key, [...(letters.get(key) ?? []), row]);
  }
  const sent: SentReminder[] = [];
  for (const [first, ...others] of letters.values()) {
    if (!first) continue;
    const deadline = new Date(first.deadline);
    const days = DEADLINE_REMINDER_DAYS.find((d) => deadline.getTime() - now.getTime() <= d * DAY_MS) ?? DEADLINE_REMINDER_DAYS[1];
    const intl = intlFor(storedLocale(first.locale));
    const message = roundDeadlineMail(intl, {
      to: first.email, name: first.name, round: first.label, deadline, institution: first.institution,
      plan: actionPlanTitle(intl, first.memberName, { startYear: first.start_year, endYear: first.end_year }),
      milestones: [first, ...others].map((m) => ({ commitment: m.ogp_id, number: m.number, text: milestoneText(texts, m.milestoneId, intl.locale) })),
      link: `${baseUrl}${roundWorkspaceUrl(intl.locale, first.roundId)}`,
    });
    const aboutDate = new Date(deadline.getTime() - days * DAY_MS).toISOString().slice(0, 10);
    const key = { kind: 'round_deadline' as const, roundId: first.roundId, milestoneId: null, accountId: first.accountId, aboutDate };
    if (await sendReminderOnce(db, mailer, key, message)) {
      sent.push({ kind: 'round_deadline', to: first.email, subject: message.subject, aboutDate });
    }
  }
  return sent;
}
