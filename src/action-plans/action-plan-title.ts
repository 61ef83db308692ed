import type { Intl } from '../i18n/intl.ts';

/** "Kenya Action Plan 2020–2022", in the reader's language. */
export function actionPlanTitle(intl: Intl, memberName: string, plan: { startYear: number; endYear: number }): string {
  return intl.t('actionPlan.title', { member: memberName, start: String(plan.startYear), end: String(plan.endYear) });
}
