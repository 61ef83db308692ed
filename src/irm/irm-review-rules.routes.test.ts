import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../test/helpers/app.ts';
import { submitEdit } from '../../test/helpers/edit-form.ts';
import { irmAssessmentApp, irmSnapshot, ratingsOf as storedRatings, researcherClient as researcher, selectsOf } from '../../test/helpers/irm-assessment.ts';

// The IRM's methods and rules on the assessment forms: the 2012 method's reports, and answers its rules exclude.
let t: TestApp;
beforeAll(async () => { t = await irmAssessmentApp(); });
afterAll(async () => { await t.close(); });

const snapshot = () => irmSnapshot(t);
const ratingsOf = (ogpId: string, report: string) => storedRatings(t, ogpId, report);
const researcherClient = () => researcher(t);

describe('a plan of the 2012 method', () => {
  it('offers its design, progress and end-of-term reports, each with the indicators it rates, "not applicable" once where it is a value', async () => {
    const researcher = await researcherClient();
    const list = (await researcher.get('/en/commitments/KE0012/irm')).body;
    expect(list).toContain('submitted in 2016.');
    for (const slug of ['design', 'progress', 'end-of-term']) expect(list).toContain(`href="/en/commitments/KE0012/irm/${slug}"`);
    expect(list).not.toContain('/irm/results');
    expect((await researcher.get('/en/commitments/KE0012/irm/results')).statusCode).toBe(404);
    const design = ['specificity', 'verifiable', 'relevance_access_to_information', 'relevance_civic_participation', 'relevance_public_accountability',
      'relevance_technology', 'open_government_lens', 'potential_impact'];
    expect(selectsOf((await researcher.get('/en/commitments/KE0012/irm/design')).body)).toEqual(design);
    expect(selectsOf((await researcher.get('/en/commitments/KE0012/irm/progress')).body)).toEqual([...design, 'completion']);

    const url = '/en/commitments/KE0012/irm/end-of-term';
    const form = (await researcher.get(url)).body;
    expect(selectsOf(form)).toEqual(['completion', 'change_in_completion', 'did_it_open_government', 'did_it_open_government_access_to_information',
      'did_it_open_government_civic_participation', 'did_it_open_government_public_accountability', 'carried_forward']);
    const perValue = form.slice(form.indexOf('name="did_it_open_government_civic_participation"')).split('</select>')[0]!;
    expect(perValue.match(/value="not_applicable"/g)).toHaveLength(1);

    const answers = Object.fromEntries(selectsOf(form).map((name) => [name, 'not_reviewed']));
    const before = await snapshot();
    for (const [field, label] of [['potential_for_results', 'Potential for results'], ['potential_impact', 'Potential impact'], ['specificity', 'Specificity']]) {
      const refused = await submitEdit(researcher, url, url, { ...answers, [field!]: 'not_reviewed' });
      expect(refused.statusCode, field).toBe(400);
      expect(refused.body).toContain(`${label}: this indicator is not rated in this report.`);
    }
    expect(await snapshot()).toBe(before);

    const res = await submitEdit(researcher, url, url, { ...answers, completion: 'complete', change_in_completion: 'increase',
      did_it_open_government_civic_participation: 'not_applicable', carried_forward: 'no_data' });
    expect(res.statusCode).toBe(303);
    expect(await ratingsOf('KE0012', 'end_of_term')).toEqual({ ...answers, completion: 'complete', change_in_completion: 'increase',
      did_it_open_government_civic_participation: 'not_applicable', carried_forward: 'no_data' });
    const stored = await t.database.db.selectFrom('irm_reviews as v').innerJoin('commitments as c', 'c.id', 'v.commitment_id')
      .select('v.method').where('c.ogp_id', '=', 'KE0012').executeTakeFirstOrThrow();
    expect(stored.method).toBe('irm_2012');
    const page = (await t.app.inject('/en/commitments/KE0012')).body;
    expect(page).toMatch(/<dt>Change in completion<\/dt><dd>Increase<\/dd>/);
    expect(page).toMatch(/<dt>Carried forward to the next action plan<\/dt><dd>No data<\/dd>/);
  });
});

describe('answers the IRM\'s rules exclude', () => {
  const PROGRESS = '/en/commitments/KE0012/irm/progress';
  /** A progress report of the 2012 method: specific, relevant to civic participation only, moderate, limited. */
  const progressFields = (over: Record<string, string> = {}) => ({
    specificity: 'medium', verifiable: 'yes', relevance_access_to_information: 'no', relevance_civic_participation: 'yes',
    relevance_public_accountability: 'no', relevance_technology: 'no', open_government_lens: 'yes', potential_impact: 'moderate', completion: 'limited',
    ...over,
  });
  const APR = '/en/commitments/KE0024/irm/action-plan-review';

  const refusals: [string, string, Record<string, string>, string][] = [
    ['a potential for results of a commitment that is not verifiable', APR,
      { verifiable: 'no', open_government_lens: 'not_applicable', potential_for_results: 'unclear' },
      'Potential for results: a commitment that is not verifiable is not assessed further.'],
    ['an open government lens of a commitment that is not verifiable', APR,
      { verifiable: 'no', open_government_lens: 'yes', potential_for_results: 'not_reviewed' },
      'Does it have an open government lens?: a commitment that is not verifiable is not assessed further.'],
    ['"verifiable" for a low specificity (2012 method)', PROGRESS, progressFields({ specificity: 'low' }),
      'Verifiable: must be Yes when specificity is Medium or High, and No otherwise.'],
    ['"not verifiable" for a high specificity (2012 method)', PROGRESS, progressFields({ specificity: 'high', verifiable: 'no' }),
      'Verifiable: must be Yes when specificity is Medium or High, and No otherwise.'],
    ['an open government lens without any relevant OGP value (2012 method)', PROGRESS, progressFields({ relevance_civic_participation: 'no' }),
      'Does it have an open government lens?: must be Yes when the commitment is relevant to access to information'],
    ['no open government lens with a relevant OGP value (2012 method)', PROGRESS, progressFields({ open_government_lens: 'no' }),
      'Does it have an open government lens?: must be Yes when the commitment is relevant to access to information'],
  ];
  for (const [what, url, fields, message] of refusals) {
    it(`refuses ${what}, naming the field, keeping what was typed and writing nothing`, async () => {
      const researcher = await researcherClient();
      const before = await snapshot();
      const res = await submitEdit(researcher, url, url, fields);
      expect(res.statusCode).toBe(400);
      expect(res.body.replaceAll('&#39;', '\'')).toContain(message);
      for (const [name, value] of Object.entries(fields)) {
        expect(res.body.slice(res.body.indexOf(`name="${name}"`)).split('</select>')[0], name).toContain(`value="${value}" selected`);
      }
      expect(await snapshot()).toBe(before);
    });
  }

  it('takes what the rules allow: a state where the IRM did not rate, and verifiability without specificity (2017-2019 plans)', async () => {
    const researcher = await researcherClient();
    const notVerifiable = await submitEdit(researcher, APR, APR, { verifiable: 'no', open_government_lens: 'not_applicable', potential_for_results: 'not_reviewed' });
    expect(notVerifiable.statusCode).toBe(303);
    const res = await submitEdit(researcher, PROGRESS, PROGRESS, progressFields({ specificity: 'no_data', relevance_civic_participation: 'no_data' }));
    expect(res.statusCode).toBe(303);
    expect(await ratingsOf('KE0012', 'progress')).toMatchObject({ specificity: 'no_data', verifiable: 'yes', open_government_lens: 'yes' });
  });
});

describe('a Results Report after an action plan review that found the commitment not verifiable', () => {
  const APR = '/en/commitments/KE0024/irm/action-plan-review';
  const RESULTS = '/en/commitments/KE0024/irm/results';
  const review = (verifiable: string) => ({ verifiable, open_government_lens: 'not_applicable', potential_for_results: 'not_reviewed', reason: 'Re-read' });
  const unrated = { completion: 'not_applicable', early_results: 'no_data', did_it_open_government: 'not_reviewed' };

  it('rates nothing, naming each rated field, until the action plan review is revised', async () => {
    const researcher = await researcherClient();
    expect((await submitEdit(researcher, APR, APR, review('no'))).statusCode).toBe(303);
    expect((await researcher.get(RESULTS)).body).toContain('The action plan review found this commitment not verifiable');

    const before = await snapshot();
    const refused = await submitEdit(researcher, RESULTS, RESULTS, { ...unrated, completion: 'limited', early_results: 'moderate' });
    expect(refused.statusCode).toBe(400);
    const body = refused.body.replaceAll('&#39;', '\'');
    expect(body).toContain('Completion: the action plan review found this commitment not verifiable');
    expect(body).toContain('Early results: the action plan review found this commitment not verifiable');
    expect(body).not.toContain('Did it open government?: the action plan review');
    expect(await snapshot()).toBe(before);

    expect((await submitEdit(researcher, RESULTS, RESULTS, unrated)).statusCode).toBe(303);
    expect(await ratingsOf('KE0024', 'results')).toEqual(unrated);

    expect((await submitEdit(researcher, APR, APR, { ...review('yes'), open_government_lens: 'yes' })).statusCode).toBe(303);
    expect((await researcher.get(RESULTS)).body).not.toContain('The action plan review found this commitment not verifiable');
    const rated = await submitEdit(researcher, RESULTS, RESULTS, { ...unrated, completion: 'limited', reason: 'Verifiable after all' });
    expect(rated.statusCode).toBe(303);
    expect(await ratingsOf('KE0024', 'results')).toMatchObject({ completion: 'limited' });
  });
});
