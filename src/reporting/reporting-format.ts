import type { Intl } from '../i18n/intl.ts';

/**
 * A round's deadline is a calendar day: reports are on time until the end of that day, UTC (decision 013). Stored
 * as the last instant of the day, shown as the day.
 */
export const deadlineFromDay = (day: string): Date => new Date(`${day}T23:59:59.999Z`);
export const dayOfDeadline = (deadline: Date): string => deadline.toISOString().slice(0, 10);

export const formatDeadline = (intl: Intl, deadline: Date): string =>
  intl.formatDate(deadline, { dateStyle: 'long', timeZone: 'UTC' });
