import { describe, expect, it } from 'vitest';
import { assessableReports, methodOfReport, reportOfSlug, reportSlug } from './assessable-reports.ts';
import { IRM_REPORTS } from './indicators.ts';

describe('the IRM reports a plan is assessed in', () => {
  it('gives a plan submitted from 2020 the 2020 method\'s reports, an older one the 2012 method\'s', () => {
    expect(assessableReports(2020)).toEqual(['action_plan_review', 'results']);
    expect(assessableReports(2024)).toEqual(['action_plan_review', 'results']);
    expect(assessableReports(2016)).toEqual(['design', 'progress', 'end_of_term']);
  });

  it('gives a 2019 plan the transitional results report too', () => {
    expect(assessableReports(2019)).toEqual(['design', 'progress', 'end_of_term', 'results']);
  });

  it('names each report\'s method, and reads back each report\'s address', () => {
    expect(methodOfReport('results')).toBe('irm_2020');
    expect(methodOfReport('end_of_term')).toBe('irm_2012');
    for (const report of IRM_REPORTS) expect(reportOfSlug(reportSlug(report))).toBe(report);
    expect(reportSlug('action_plan_review')).toBe('action-plan-review');
    expect(reportOfSlug('action_plan_review')).toBeUndefined();
  });
});
