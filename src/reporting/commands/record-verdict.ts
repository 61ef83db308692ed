import { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import type { CurrentUser } from '../../accounts/current-user.ts';
import { authorize } from '../../http/authorize.ts';
import { choice, parseForm } from '../../http/form.ts';
import { recordChange, type CommandResult } from '../../commitments/commands/change-log.ts';
import { requireRound, requireRoundMilestone, roundClosed } from './round-target.ts';
import { notFound } from '../../http/errors.ts';
import { reportChanged, SeenRevision } from './report-revision.ts';

export const VERDICTS = ['confirmed', 'disputed', 'insufficient_evidence'] as const;

export const VerdictForm = z.object({
  verdict: choice(VERDICTS),
  comment: z.string().trim().max(5000, 'form.error.tooLong').optional().transform((v) => v || null),
  /** The version the reviewer read (report-revision.ts). */
  revision: SeenRevision,
}).superRefine((form, ctx) => {
  // A reviewer who disputes a claim or finds its evidence insufficient says why (the table checks it too).
  if (form.verdict !== 'confirmed' && !form.comment) ctx.addIssue({ code: 'custom', path: ['comment'], message: 'reporting.error.commentRequired' });
});

/**
 * `record_verdict`: a civil-society reviewer's verdict on the current version of a milestone's report. One verdict
 * per reviewer and report, revised in place; `report_revision` says which version it judged. Refused, writing nothing,
 * when the report was revised after the form showed it: a verdict judges the version its reviewer read.
 */
export async function recordVerdict(db: Db, actor: CurrentUser | undefined, ids: { roundId: string; milestoneId: string }, body: unknown): Promise<CommandResult> {
  authorize(actor, 'record_verdict', 'reporting');
  const form = parseForm(VerdictForm, body);
  if (!form.ok) return form;
  const { verdict, comment } = form.data;
  return db.transaction().execute(async (trx): Promise<CommandResult> => {
    const round = await requireRound(trx, ids.roundId, 'share');
    const milestone = await requireRoundMilestone(trx, round, ids.milestoneId);
    if (round.closedAt) return roundClosed(form.values);
    const report = await trx.selectFrom('milestone_reports').select(['id', 'revision'])
      .where('reporting_round_id', '=', round.id).where('milestone_id', '=', milestone.id).forShare().executeTakeFirst();
    if (!report) throw notFound('milestone report');
    const changed = reportChanged(form.data.revision, report.revision, form.values);
    if (changed) return changed;
    const previous = await trx.selectFrom('milestone_report_verdicts').select(['verdict', 'comment', 'report_revision'])
      .where('milestone_report_id', '=', report.id).where('reviewer_id', '=', actor.id).executeTakeFirst();
    const row = await trx.insertInto('milestone_report_verdicts').values({
      milestone_report_id: report.id, reviewer_id: actor.id, reviewer_institution_id: actor.institutionId,
      verdict, comment, report_revision: report.revision, recorded_at: new Date(),
    }).onConflict((oc) => oc.columns(['milestone_report_id', 'reviewer_id']).doUpdateSet({
      verdict, comment, report_revision: report.revision, recorded_at: new Date(), reviewer_institution_id: actor.institutionId,
    })).returning('id').executeTakeFirstOrThrow();
    const changeId = await recordChange(trx, {
      actor, command: 'record_verdict', entityType: 'milestone_report', entityId: report.id,
      commitmentId: milestone.commitmentId, actionPlanId: round.actionPlanId,
      before: previous ? { verdict: previous.verdict, comment: previous.comment, reportRevision: previous.report_revision } : {},
      after: { verdictId: row.id, verdict, comment, reportRevision: report.revision, milestone: milestone.number, round: round.label },
      reason: null,
    });
    return { ok: true, changeIds: [changeId] };
  });
}
