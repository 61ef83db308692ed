import type { Db } from '../../db/connect.ts';
import type { Trx } from '../../commitments/commands/change-log.ts';
import { notFound } from '../../http/errors.ts';
import type { FieldErrors, FormValues } from '../../http/form.ts';

/**
 * What the reporting commands and pages look up first: a round (locked for a command, so that closing waits for a
 * report being written and a report never lands in a round that has just closed) and a milestone of its plan with
 * the institutions the policy looks at.
 */
export type RoundTarget = { id: string; actionPlanId: string; label: string; deadline: Date; closedAt: Date | null };

export type MilestoneTarget = {
  id: string; number: number; commitmentId: string; ogpId: string;
  /** The commitment was withdrawn: nobody reports on it any more (round-scope.ts). */
  withdrawn: boolean;
  /** The commitment's lead and supporting institutions: who may report on the milestone. */
  institutionIds: string[];
};

const ID = /^[1-9][0-9]{0,17}$/;
export const isId = (value: unknown): value is string => typeof value === 'string' && ID.test(value);

export async function requireRound(db: Db | Trx, id: unknown, lock: 'update' | 'share' | null = null): Promise<RoundTarget> {
  if (!isId(id)) throw notFound('reporting round');
  let query = db.selectFrom('reporting_rounds').select(['id', 'action_plan_id', 'label', 'deadline', 'closed_at']).where('id', '=', id);
  if (lock === 'update') query = query.forUpdate();
  if (lock === 'share') query = query.forShare();
  const row = await query.executeTakeFirst();
  if (!row) throw notFound('reporting round');
  return { id: row.id, actionPlanId: row.action_plan_id, label: row.label, deadline: row.deadline, closedAt: row.closed_at };
}

/** A milestone of the round's plan; any other milestone is a 404, whatever its id. */
export async function requireRoundMilestone(db: Db | Trx, round: RoundTarget, milestoneId: unknown): Promise<MilestoneTarget> {
  if (!isId(milestoneId)) throw notFound('milestone');
  const row = await db.selectFrom('milestones as m').innerJoin('commitments as c', 'c.id', 'm.commitment_id')
    .select(['m.id', 'm.number', 'c.id as commitmentId', 'c.ogp_id as ogpId', 'c.status'])
    .where('m.id', '=', milestoneId).where('c.action_plan_id', '=', round.actionPlanId).executeTakeFirst();
  if (!row) throw notFound('milestone');
  const institutions = await db.selectFrom('commitment_institutions').select('institution_id')
    .where('commitment_id', '=', row.commitmentId).execute();
  const { status, ...milestone } = row;
  return { ...milestone, withdrawn: status === 'withdrawn', institutionIds: [...new Set(institutions.map((i) => i.institution_id))] };
}

/** The refusal of anything sent to a closed round: the round itself is the field in error. */
export const roundClosed = (values: FormValues): { ok: false; errors: FieldErrors; values: FormValues } =>
  ({ ok: false, errors: { form: 'reporting.error.roundClosed' }, values });
