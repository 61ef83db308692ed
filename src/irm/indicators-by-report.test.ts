import { describe, expect, it } from 'vitest';
import { IRM_COLUMNS, type Stage } from '../importers/ogp-dataset/irm-columns.ts';
import { methodOfReport } from './assessable-reports.ts';
import { INDICATORS_BY_REPORT, isRatedByMethod, type IrmReport } from './indicators.ts';

// The reports OGP's dataset fills, by the stage of its columns (irm-reviews-of-row.ts).
const STAGE_OF_REPORT: Partial<Record<IrmReport, Stage>> = { progress: 'design', action_plan_review: 'design', end_of_term: 'end', results: 'end' };

describe('the indicators each report rates', () => {
  it('are the dataset\'s columns of the report\'s stage that its method rates, but completion in the action plan review', () => {
    for (const [report, stage] of Object.entries(STAGE_OF_REPORT) as [IrmReport, Stage][]) {
      const ofStage = IRM_COLUMNS.filter((c) => c.stage === stage && isRatedByMethod(c.indicator, methodOfReport(report))).map((c) => c.indicator);
      // The action plan review rates a plan before it is carried out; the dataset's "Completion (Progress Report)"
      // is ND or NR for every 2020 plan.
      const expected = report === 'action_plan_review' ? ofStage.filter((i) => i !== 'completion') : ofStage;
      expect(new Set(INDICATORS_BY_REPORT[report]), report).toEqual(new Set(expected));
    }
  });

  it('are the design criteria in the design report of the transition years, without completion', () => {
    expect(INDICATORS_BY_REPORT.design).toEqual(INDICATORS_BY_REPORT.progress.filter((i) => i !== 'completion'));
  });

  it('leave out what another report rates: no completion or early results in an action plan review, no design in an end-of-term report', () => {
    expect(INDICATORS_BY_REPORT.action_plan_review).not.toContain('completion');
    expect(INDICATORS_BY_REPORT.action_plan_review).not.toContain('early_results');
    expect(INDICATORS_BY_REPORT.action_plan_review).not.toContain('did_it_open_government');
    expect(INDICATORS_BY_REPORT.end_of_term).not.toContain('specificity');
    expect(INDICATORS_BY_REPORT.end_of_term).not.toContain('potential_impact');
    expect(INDICATORS_BY_REPORT.progress).not.toContain('change_in_completion');
    expect(INDICATORS_BY_REPORT.progress).not.toContain('carried_forward');
  });
});
