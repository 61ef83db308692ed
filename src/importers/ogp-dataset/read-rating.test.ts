import { describe, expect, it } from 'vitest';
import { IRM_CODE_COLUMNS, IRM_COLUMNS } from './irm-columns.ts';
import { codeDisagreement, readRating } from './read-rating.ts';

const column = (name: string) => IRM_COLUMNS.find((c) => c.column === name)!;

describe("reading OGP's rating cells", () => {
  it("maps OGP's sentinels to Ahadi's states", () => {
    const specificity = column('Specificity');
    expect(readRating('ND', specificity)).toEqual({ state: 'no_data' });
    expect(readRating('NR', specificity)).toEqual({ state: 'not_reviewed' });
    expect(readRating(' NA ', specificity)).toEqual({ state: 'not_applicable' });
    expect(readRating('Pending IRM Review', specificity)).toEqual({ state: 'not_reviewed' });
  });

  it("reads OGP's wording, whatever its case and spacing", () => {
    expect(readRating('Not  Started', column('Completion (End Of Term)'))).toEqual({ state: 'assessed', value: 'not_started' });
    expect(readRating('Unclear', column('Completion (End Of Term)'))).toEqual({ state: 'assessed', value: 'no_evidence' });
    expect(readRating('No early results to report yet', column('Did It Open Government (Overall)'))).toEqual({ state: 'assessed', value: 'no_early_results_yet' });
    expect(readRating('Not Applicable', column('Did It Open Government (Civic Participation)'))).toEqual({ state: 'assessed', value: 'not_applicable' });
    expect(readRating('1', column('Verifiable'))).toEqual({ state: 'assessed', value: 'yes' });
  });

  it('refuses anything else, naming the column and what it accepts', () => {
    expect(() => readRating('Very high', column('Specificity'))).toThrow('column "Specificity": "Very high" is not a value of specificity (accepted: none, low, medium, high, ND, NR, NA, Pending IRM Review)');
    expect(() => readRating('', column('Potential Impact'))).toThrow(/column "Potential Impact": empty; OGP writes ND/);
  });

  it('warns when a numeric code contradicts its label', () => {
    const code = IRM_CODE_COLUMNS.find((c) => c.column === '_DIOGCP')!;
    const rating = readRating('Marginal', column(code.of));
    expect(codeDisagreement('3', code, rating, 'Marginal')).toBeUndefined();
    expect(codeDisagreement('0', code, rating, 'Marginal')).toBe('"Did It Open Government (Civic Participation)" is "Marginal" but "_DIOGCP" is "0"; kept "Marginal"');
    expect(codeDisagreement(undefined, code, rating, 'Marginal')).toBeUndefined();
    const overall = IRM_CODE_COLUMNS.find((c) => c.column === '_OpenGovernment')!;
    expect(codeDisagreement('1', overall, readRating('No early results to report yet', column(overall.of)), 'No early results to report yet')).toBeUndefined();
  });
});
