import { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import type { CurrentUser } from '../../accounts/current-user.ts';
import type { Mailer } from '../../mail/mailer.ts';
import { authorize } from '../../http/authorize.ts';
import { parseForm, REQUIRED } from '../../http/form.ts';
import { intlFor } from '../../i18n/intl.ts';
import { storedLocale } from '../../i18n/locales.ts';
import { recordChange, type CommandResult } from '../../commitments/commands/change-log.ts';
import { deadlineFromDay } from '../reporting-format.ts';
import { planName } from '../reporting-plans.queries.ts';
import { roundOpenedMail } from '../round-mail.ts';
import { roundWorkspaceUrl } from '../reporting-urls.ts';

const DAY = /^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/;

export const OpenRoundForm = z.object({
  actionPlan: z.string({ error: REQUIRED }).regex(/^[1-9][0-9]{0,17}$/, REQUIRED),
  label: z.string({ error: REQUIRED }).trim().min(1, REQUIRED).max(60, 'form.error.tooLong'),
  deadline: z.string({ error: REQUIRED }).trim().min(1, REQUIRED)
    .refine((v) => DAY.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), 'reporting.error.day')
    // A deadline already past would make every report late the moment the round opens.
    .refine((v) => !DAY.test(v) || deadlineFromDay(v).getTime() > Date.now(), 'reporting.error.deadlinePast'),
});

/**
 * `open_reporting_round`: the secretariat opens a round for an action plan, with a label ("2021 Q3") and a deadline
 * day. A plan has at most one open round (decision 013): a second one is refused on the plan field. The points of
 * contact of the plan's lead and supporting institutions get an e-mail, written in the same transaction.
 */
export async function openReportingRound(db: Db, mailer: Mailer, baseUrl: string, actor: CurrentUser | undefined, body: unknown): Promise<CommandResult> {
  authorize(actor, 'open_reporting_round', 'reporting');
  const form = parseForm(OpenRoundForm, body);
  if (!form.ok) return form;
  const { actionPlan, label, deadline } = form.data;
  return db.transaction().execute(async (trx): Promise<CommandResult> => {
    // The plan row is locked so that two administrators opening a round at once cannot both pass the checks.
    const plan = await trx.selectFrom('action_plans').select('id').where('id', '=', actionPlan).forUpdate().executeTakeFirst();
    if (!plan) return { ok: false, errors: { actionPlan: 'form.error.invalid' }, values: form.values };
    const rounds = await trx.selectFrom('reporting_rounds').select(['label', 'closed_at']).where('action_plan_id', '=', plan.id).execute();
    if (rounds.some((r) => r.closed_at === null)) return { ok: false, errors: { actionPlan: 'reporting.error.roundAlreadyOpen' }, values: form.values };
    if (rounds.some((r) => r.label === label)) return { ok: false, errors: { label: 'reporting.error.labelTaken' }, values: form.values };
    const round = await trx.insertInto('reporting_rounds').values({
      action_plan_id: plan.id, label, deadline: deadlineFromDay(deadline), opened_by: actor.id,
    }).returning(['id', 'deadline']).executeTakeFirstOrThrow();

    const recipients = await trx.selectFrom('accounts').select(['email', 'locale'])
      .where('role', '=', 'point_of_contact')
      .where('institution_id', 'in', (eb) => eb.selectFrom('commitment_institutions as ci')
        .innerJoin('commitments as c', 'c.id', 'ci.commitment_id').select('ci.institution_id').where('c.action_plan_id', '=', plan.id))
      .orderBy('email').execute();
    for (const recipient of recipients) {
      const intl = intlFor(storedLocale(recipient.locale));
      await mailer.queue(trx, roundOpenedMail(intl, {
        to: recipient.email, label, plan: (await planName(trx, intl, plan.id)).title, deadline: round.deadline,
        link: `${baseUrl}${roundWorkspaceUrl(intl.locale, round.id)}`,
      }));
    }
    const changeId = await recordChange(trx, {
      actor, command: 'open_reporting_round', entityType: 'reporting_round', entityId: round.id, actionPlanId: plan.id,
      before: {}, after: { label, deadline: round.deadline.toISOString(), notified: recipients.length }, reason: null,
    });
    return { ok: true, changeIds: [changeId] };
  });
}
