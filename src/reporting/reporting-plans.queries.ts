import type { Db } from '../db/connect.ts';
import type { Trx } from '../commitments/commands/change-log.ts';
import type { Intl } from '../i18n/intl.ts';
import { memberName } from '../members/member-name.ts';
import { actionPlanTitle } from '../action-plans/action-plan-title.ts';

/** Action plans as the reporting pages name them: "Kenya Action Plan 2020–2022", in the reader's language. */
export type PlanName = { id: string; title: string; memberSlug: string; number: number };

function planQuery(db: Db | Trx) {
  return db.selectFrom('action_plans as p').innerJoin('members as m', 'm.id', 'p.member_id')
    .select(['p.id', 'p.number', 'p.start_year', 'p.end_year', 'm.slug', 'm.name', 'm.kind', 'm.iso_alpha2']);
}

type PlanRow = Awaited<ReturnType<ReturnType<typeof planQuery>['executeTakeFirstOrThrow']>>;
const named = (intl: Intl, p: PlanRow): PlanName => ({
  id: p.id, memberSlug: p.slug, number: p.number,
  title: actionPlanTitle(intl, memberName({ name: p.name, kind: p.kind, isoAlpha2: p.iso_alpha2 }, intl.locale), { startYear: p.start_year, endYear: p.end_year }),
});

export async function planName(db: Db | Trx, intl: Intl, actionPlanId: string): Promise<PlanName> {
  return named(intl, await planQuery(db).where('p.id', '=', actionPlanId).executeTakeFirstOrThrow());
}

/** Every plan that has commitments, for the administrator's "open a round" form, newest first within a member. */
export async function listPlanChoices(db: Db, intl: Intl): Promise<PlanName[]> {
  const rows = await planQuery(db)
    .where((eb) => eb.exists(eb.selectFrom('commitments as c').select('c.id').whereRef('c.action_plan_id', '=', 'p.id')))
    .orderBy('m.name').orderBy('p.number', 'desc').execute();
  return rows.map((p) => named(intl, p));
}
