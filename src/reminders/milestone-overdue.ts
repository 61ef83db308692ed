import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { PartialDateView } from '../commitments/commitment-detail.ts';
import { intlFor } from '../i18n/intl.ts';
import { storedLocale } from '../i18n/locales.ts';
import { isResponsibleInstitution, milestoneText, milestoneTexts } from './reminder.queries.ts';
import { roundWorkspaceUrl } from '../reporting/reporting-urls.ts';
import { milestoneOverdueMail } from './reminder-mail.ts';
import { sendReminderOnce, type SentReminder } from './reminder-record.ts';

/**
 * Only milestones that fell due in the last 30 days are reminded of: the reminder is about a date passing, and an
 * imported plan from years ago must not bury its points of contact under one e-mail per old milestone.
 */
const OVERDUE_WINDOW_DAYS = 30;

/**
 * The instant a milestone falls due: the end of the period its end date names (`partial-date.ts` stores a month,
 * quarter or year as its first day), UTC.
 */
const dueAt = sql<string>`(ms.end_date + case ms.end_precision when 'day' then interval '1 day' when 'month' then interval '1 month'
  when 'quarter' then interval '3 months' else interval '1 year' end)`;

/**
 * E-mails the points of contact of every institution responsible for each milestone (each lead of its commitment)
 * whose end date has passed with no complete report that has evidence (in any round), once per person, milestone
 * and end date: a re-planned milestone is reminded of again when its new date passes. Milestones of withdrawn
 * commitments, and those last reported as withdrawn, are left alone.
 */
export async function checkOverdueMilestones(db: Db, mailer: Mailer, baseUrl: string, now: Date): Promise<SentReminder[]> {
  const nowUtc = sql<string>`(${now.toISOString()}::timestamptz at time zone 'UTC')`;
  const rows = await db.selectFrom('milestones as ms')
    .innerJoin('commitments as c', 'c.id', 'ms.commitment_id')
    .innerJoin('commitment_institutions as ci', (join) => join.onRef('ci.commitment_id', '=', 'c.id').on(isResponsibleInstitution))
    .innerJoin('institutions as i', 'i.id', 'ci.institution_id')
    .innerJoin('accounts as a', (join) => join.onRef('a.institution_id', '=', 'ci.institution_id').on('a.role', '=', 'point_of_contact'))
    .select([
      'ms.id as milestoneId', 'ms.number', 'ms.end_date', 'ms.end_precision', 'ms.end_raw', 'c.ogp_id',
      'a.id as accountId', 'a.email', 'a.name', 'a.locale', 'i.name as institution',
      (eb) => eb.selectFrom('reporting_rounds as r').select('r.id').whereRef('r.action_plan_id', '=', 'c.action_plan_id')
        .where('r.closed_at', 'is', null).as('openRoundId'),
    ])
    .where('ms.end_date', 'is not', null)
    .where(sql<boolean>`${dueAt} <= ${nowUtc}`)
    .where(sql<boolean>`${dueAt} > ${nowUtc} - make_interval(days => ${OVERDUE_WINDOW_DAYS})`)
    .where(sql<boolean>`c.status is distinct from 'withdrawn'`)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('milestone_reports as mr')
      .innerJoin('evidence_items as e', 'e.milestone_report_id', 'mr.id').select('mr.id')
      .whereRef('mr.milestone_id', '=', 'ms.id').where('mr.status', '=', 'complete'))))
    .where(sql<boolean>`(select mr.status from milestone_reports mr where mr.milestone_id = ms.id
      order by mr.submitted_at desc limit 1) is distinct from 'withdrawn'`)
    .orderBy('c.ogp_id').orderBy('ms.number').orderBy('a.id')
    .$narrowType<{ end_date: string; end_precision: PartialDateView['precision'] }>()
    .execute();
  const texts = await milestoneTexts(db, rows.map((r) => r.milestoneId));

  const sent: SentReminder[] = [];
  for (const row of rows) {
    const end: PartialDateView = { date: row.end_date, precision: row.end_precision, raw: row.end_raw };
    const intl = intlFor(storedLocale(row.locale));
    const link = row.openRoundId === null
      ? `${baseUrl}/${intl.locale}/commitments/${row.ogp_id}`
      : `${baseUrl}${roundWorkspaceUrl(intl.locale, row.openRoundId)}`;
    const message = milestoneOverdueMail(intl, {
      to: row.email, name: row.name, institution: row.institution, end, link, roundOpen: row.openRoundId !== null,
      milestone: { commitment: row.ogp_id, number: row.number, text: milestoneText(texts, row.milestoneId, intl.locale) },
    });
    const key = { kind: 'milestone_overdue' as const, roundId: null, milestoneId: row.milestoneId, accountId: row.accountId, aboutDate: end.date };
    if (await sendReminderOnce(db, mailer, key, message)) {
      sent.push({ kind: 'milestone_overdue', to: row.email, subject: message.subject, aboutDate: end.date });
    }
  }
  return sent;
}
