/** The addresses of the reporting pages (decision 013). Workspace pages need a session; the round page is public. */
export const reportingUrl = (locale: string) => `/${locale}/reporting`;
export const newRoundUrl = (locale: string) => `/${locale}/reporting/rounds/new`;
export const roundUrl = (locale: string, roundId: string) => `/${locale}/reporting/rounds/${roundId}`;
export const roundWorkspaceUrl = (locale: string, roundId: string) => `/${locale}/reporting/rounds/${roundId}/workspace`;
export const closeRoundUrl = (locale: string, roundId: string) => `/${locale}/reporting/rounds/${roundId}/close`;
export const reportUrl = (locale: string, roundId: string, milestoneId: string) =>
  `/${locale}/reporting/rounds/${roundId}/milestones/${milestoneId}/report`;
export const verdictUrl = (locale: string, roundId: string, milestoneId: string) =>
  `/${locale}/reporting/rounds/${roundId}/milestones/${milestoneId}/verdict`;
export const restrictEvidenceUrl = (locale: string, roundId: string, milestoneId: string, itemId: string) =>
  `/${locale}/reporting/rounds/${roundId}/milestones/${milestoneId}/evidence/${itemId}/restrict`;
