/** The addresses of a milestone: its page, its history, its edit form and its published reports in the API. */
export const milestonePath = (locale: string, ogpId: string, number: number) =>
  `/${locale}/commitments/${ogpId}/milestones/${number}`;
export const milestoneHistoryUrl = (locale: string, ogpId: string, number: number) => `${milestonePath(locale, ogpId, number)}/history`;
export const milestoneEditUrl = (locale: string, ogpId: string, number: number) => `${milestonePath(locale, ogpId, number)}/edit`;
export const milestoneApiReportsPath = (ogpId: string, number: number) => `/api/v1/commitments/${ogpId}/milestones/${number}/reports`;
