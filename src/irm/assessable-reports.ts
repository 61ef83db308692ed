import { FIRST_YEAR_OF_2020_METHOD, IRM_REPORTS, REPORTS_BY_METHOD, type IrmMethod, type IrmReport } from './indicators.ts';

/**
 * The IRM reports a commitment of a plan can be assessed in, in cycle order (shared docs, "Deliverables in a cycle"):
 * a plan submitted from 2020 gets the Action Plan Review and the Results Report (2020 method); an older one the
 * design, progress and end-of-term reports (2012 method). A 2019 plan may also have the transitional Results Report
 * that followed a 2012-method review, as the OGP dataset shows (its importer reads such rows the same way).
 */
export function assessableReports(submissionYear: number): IrmReport[] {
  if (submissionYear >= FIRST_YEAR_OF_2020_METHOD) return [...REPORTS_BY_METHOD.irm_2020];
  const reports: IrmReport[] = [...REPORTS_BY_METHOD.irm_2012];
  if (submissionYear === FIRST_YEAR_OF_2020_METHOD - 1) reports.push('results');
  return reports;
}

/** Each report belongs to one method. */
export function methodOfReport(report: IrmReport): IrmMethod {
  return (Object.keys(REPORTS_BY_METHOD) as IrmMethod[]).find((method) => REPORTS_BY_METHOD[method].includes(report))!;
}

/** A report's address segment: `results`, `action-plan-review`, `end-of-term`. */
export const reportSlug = (report: IrmReport): string => report.replaceAll('_', '-');

export const reportOfSlug = (slug: string): IrmReport | undefined => IRM_REPORTS.find((report) => reportSlug(report) === slug);

/** `/{locale}/commitments/{id}/irm`: the reports a commitment can be assessed in; `/irm/{report}` records or revises one. */
export const irmAssessmentsUrl = (locale: string, ogpId: string): string => `/${locale}/commitments/${ogpId}/irm`;
export const irmAssessmentUrl = (locale: string, ogpId: string, report: IrmReport): string =>
  `${irmAssessmentsUrl(locale, ogpId)}/${reportSlug(report)}`;
