/** The public addresses of a milestone: its page and its published reports in the API (its history tab and edit form:
 * `milestoneHistoryUrl`, `milestoneEditUrl` in commitment-edit.page.tsx). */
export const milestonePath = (locale: string, ogpId: string, number: number) =>
  `/${locale}/commitments/${ogpId}/milestones/${number}`;
export const milestoneApiReportsPath = (ogpId: string, number: number) => `/api/v1/commitments/${ogpId}/milestones/${number}/reports`;
