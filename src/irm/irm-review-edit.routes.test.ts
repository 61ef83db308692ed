import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../test/helpers/app.ts';
import { irmAssessmentApp, irmSnapshot, ratingsOf as storedRatings, researcherClient as researcher, selectsOf } from '../../test/helpers/irm-assessment.ts';
import { signedIn } from '../../test/helpers/sign-in.ts';
import { WebClient } from '../../test/helpers/web-client.ts';
import { submitEdit, versionIn } from '../../test/helpers/edit-form.ts';
import { createAccount } from '../accounts/account.factories.ts';
import type { Role } from '../accounts/roles.ts';
import { intlFor } from '../i18n/intl.ts';
import { LOCALES } from '../i18n/locales.ts';

let t: TestApp;
beforeAll(async () => { t = await irmAssessmentApp(); });
afterAll(async () => { await t.close(); });

// KE0024 has no IRM review; KE0031 has a results report (irmAssessmentApp).
const NEW_RESULTS = '/en/commitments/KE0024/irm/results';
const REVISED_RESULTS = '/en/commitments/KE0031/irm/results';
const INDEX = '/en/commitments/KE0024/irm';

/** A results report of the 2020 method, every indicator it rates answered. */
const resultsFields = (over: Record<string, string> = {}) => ({
  completion: 'substantial', early_results: 'moderate', did_it_open_government: 'not_reviewed',
  justification: 'Procurement data is now published for most ministries.', reason: '', ...over,
});

const snapshot = () => irmSnapshot(t);
const ratingsOf = (ogpId: string, report: string) => storedRatings(t, ogpId, report);
const researcherClient = () => researcher(t);

describe('who may record IRM assessments', () => {
  it('sends the public to sign in, and writes nothing even with a valid anonymous CSRF token', async () => {
    const before = await snapshot();
    for (const url of [INDEX, NEW_RESULTS, REVISED_RESULTS, '/en/irm']) {
      const res = await new WebClient(t.app).get(url);
      expect(res.statusCode, url).toBe(303);
      expect(res.headers.location).toBe(`/en/sign-in?return=${encodeURIComponent(url)}`);
    }
    const res = await new WebClient(t.app).submit('/en/sign-in', NEW_RESULTS, resultsFields());
    expect(res.statusCode).toBe(303);
    expect(await snapshot()).toBe(before);
  });

  it('refuses points of contact, civil-society reviewers and accounts without a role with a 403, writing nothing', async () => {
    const before = await snapshot();
    for (const role of ['point_of_contact', 'civil_society_reviewer', null] as (Role | null)[]) {
      const client = await signedIn(t.app, await createAccount(t.database.db, { role }));
      for (const url of [INDEX, NEW_RESULTS, REVISED_RESULTS, '/en/irm']) expect((await client.get(url)).statusCode, `${role} ${url}`).toBe(403);
      expect((await client.submit('/en/account', NEW_RESULTS, { version: 'new', ...resultsFields() })).statusCode, String(role)).toBe(403);
      expect((await client.submit('/en/account', REVISED_RESULTS, { version: '0', ...resultsFields({ reason: 'x' }) })).statusCode).toBe(403);
      // Neither the commitment page nor the account page offers them the forms.
      expect((await client.get('/en/commitments/KE0024')).body).not.toContain('/irm"');
      expect((await client.get('/en/account')).body).not.toContain('href="/en/irm"');
    }
    expect(await snapshot()).toBe(before);
  });

  it('opens the forms to IRM researchers and administrators, linked from the commitment page and the account page', async () => {
    for (const role of ['irm_researcher', 'administrator'] as Role[]) {
      const client = await signedIn(t.app, await createAccount(t.database.db, { role }));
      for (const url of [INDEX, NEW_RESULTS, REVISED_RESULTS, '/en/irm']) expect((await client.get(url)).statusCode, `${role} ${url}`).toBe(200);
      expect((await client.get('/en/commitments/KE0024')).body).toContain(`href="${INDEX}"`);
      expect((await client.get('/en/account')).body).toContain('href="/en/irm"');
    }
    // The page kept for anonymous visitors never carries the link.
    expect((await t.app.inject('/en/commitments/KE0024')).body).not.toContain(`href="${INDEX}"`);
  });

  it('refuses a form without its CSRF token, or with a wrong one: 403, nothing written', async () => {
    const researcher = await researcherClient();
    const before = await snapshot();
    expect((await researcher.post(NEW_RESULTS, { version: 'new', ...resultsFields() })).statusCode).toBe(403);
    expect((await researcher.post(NEW_RESULTS, { version: 'new', ...resultsFields(), _csrf: 'wrong' })).statusCode).toBe(403);
    expect(await snapshot()).toBe(before);
  });

  it('answers 404 for a commitment that does not exist and a report its plan is not assessed in', async () => {
    const researcher = await researcherClient();
    expect((await researcher.get('/en/commitments/KE9999/irm')).statusCode).toBe(404);
    expect((await researcher.get('/en/commitments/KE9999/irm/results')).statusCode).toBe(404);
    expect((await researcher.get('/en/commitments/KE0024/irm/nonsense')).statusCode).toBe(404);
    // A 2020 plan is assessed with the 2020 method: no progress or end-of-term report.
    expect((await researcher.get('/en/commitments/KE0024/irm/progress')).statusCode).toBe(404);
    const before = await snapshot();
    expect((await researcher.submit(INDEX, '/en/commitments/KE0024/irm/end-of-term', { version: 'new', completion: 'complete' })).statusCode).toBe(404);
    expect(await snapshot()).toBe(before);
  });
});

describe('the list of a commitment\'s assessments and the workspace entry', () => {
  it('lists the reports of the plan\'s method, to record or to revise', async () => {
    const researcher = await researcherClient();
    const page = (await researcher.get(INDEX)).body;
    expect(page).toContain('submitted in 2020.');
    expect(page).toContain('method of 2020');
    expect(page).toContain('href="/en/commitments/KE0024/irm/action-plan-review">Action plan review: record the assessment');
    expect(page).toContain('href="/en/commitments/KE0024/irm/results">Results report: record the assessment');
    expect(page).not.toContain('/irm/progress');
    expect((await researcher.get('/en/commitments/KE0031/irm')).body).toContain('Results report: revise the assessment');
  });

  it('opens a commitment\'s assessments by its OGP ID, and names the field when there is no such commitment', async () => {
    const researcher = await researcherClient();
    const found = await researcher.get('/en/irm?commitment=ke0024');
    expect(found.statusCode).toBe(303);
    expect(found.headers.location).toBe(INDEX);
    const invalid = await researcher.get('/en/irm?commitment=not+an+id');
    expect(invalid.statusCode).toBe(400);
    expect(invalid.body).toContain('OGP ID of the commitment, such as KE0031: this value is not valid.');
    const empty = await researcher.get('/en/irm?commitment=');
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('OGP ID of the commitment, such as KE0031: this field is required.');
    const missing = await researcher.get('/en/irm?commitment=KE9999');
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain('OGP ID of the commitment, such as KE0031: no commitment has this ID.');
  });
});

describe('refused input', () => {
  const refusals: [string, Record<string, string>, string][] = [
    ['an unknown value for an indicator', { completion: 'mostly' }, 'Completion: this value is not valid.'],
    ['a value of another indicator', { completion: 'moderate' }, 'Completion: this value is not valid.'],
    ['a missing indicator', { completion: '' }, 'Completion: this field is required.'],
    ['an indicator of the other method', { specificity: 'high' }, 'Specificity: this indicator is not rated in this report.'],
    ['an indicator of the same method that this report does not rate', { potential_for_results: 'substantial' }, 'Potential for results: this indicator is not rated in this report.'],
    ['a state for an indicator this report does not rate', { verifiable: 'not_reviewed' }, 'Verifiable: this indicator is not rated in this report.'],
    ['a justification over its limit', { justification: 'x'.repeat(3001) }, 'Justification: this is too long. Use at most 3,000 characters.'],
  ];
  for (const [what, over, message] of refusals) {
    it(`refuses ${what}, naming the field, keeping what was typed and writing nothing`, async () => {
      const researcher = await researcherClient();
      const before = await snapshot();
      const res = await submitEdit(researcher, NEW_RESULTS, NEW_RESULTS, resultsFields(over));
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain(message);
      expect(res.body).toContain('<title>Error: Record the IRM assessment of KE0024: Results report · Ahadi</title>');
      expect(res.body).toContain('<option value="moderate" selected>Moderate</option>');
      expect(await snapshot()).toBe(before);
    });
  }

  it('refuses a revision without a reason, naming the field, and writes nothing', async () => {
    const researcher = await researcherClient();
    const before = await snapshot();
    const res = await submitEdit(researcher, REVISED_RESULTS, REVISED_RESULTS, resultsFields({ completion: 'complete', reason: '  ' }));
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Reason for the change: this field is required.');
    expect(await snapshot()).toBe(before);
  });
});

describe('recording a new assessment', () => {
  it('shows each indicator the report rates with its values and the states it may be in instead', async () => {
    const researcher = await researcherClient();
    const page = (await researcher.get(NEW_RESULTS)).body;
    expect(versionIn(page)).toBe('new');
    // A results report rates what was done, not the design the action plan review rated.
    expect(selectsOf(page)).toEqual(['completion', 'early_results', 'did_it_open_government']);
    const review = (await researcher.get('/en/commitments/KE0024/irm/action-plan-review')).body;
    expect(selectsOf(review)).toEqual(['verifiable', 'open_government_lens', 'potential_for_results']);
    const completion = page.slice(page.indexOf('name="completion"')).split('</select>')[0]!;
    expect(completion).toContain('<option value="no_evidence">No evidence available</option>');
    expect(completion).toContain('<option value="not_reviewed" selected>Not yet reviewed</option>');
    expect(completion).toContain('<option value="not_applicable">Not applicable</option>');
    expect(completion).toContain('<option value="no_data">No data</option>');
    // A new assessment needs no reason; the justification is written in the page's language.
    expect(page).toContain('Reason for the change (optional)');
    expect(page).toContain('Write it in English.');
  });

  it('writes the review, its ratings and a history entry in one go; the public page, list, API and downloads show it', async () => {
    const anonymous = () => t.app.inject('/en/commitments?irm=completion:substantial');
    // Read once before, so that any page kept under the old data version would be served again if it were not renewed.
    expect((await anonymous()).body).not.toContain('KE0024');
    expect((await t.app.inject('/en/commitments/KE0024')).body).not.toContain('Procurement data is now published');

    const researcher = await researcherClient();
    const res = await submitEdit(researcher, NEW_RESULTS, NEW_RESULTS, resultsFields());
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`${NEW_RESULTS}?notice=recorded`);
    const after = await researcher.get(res.headers.location!);
    expect(after.body).toContain('The assessment was recorded, and the change entered in the history.');
    // The form is now a revision of what was recorded.
    expect(after.body).toContain('Revise the IRM assessment of KE0024: Results report');

    const review = await t.database.db.selectFrom('irm_reviews as v').innerJoin('commitments as c', 'c.id', 'v.commitment_id')
      .select(['v.id', 'v.method', 'v.source_locale']).where('c.ogp_id', '=', 'KE0024').where('v.report', '=', 'results').executeTakeFirstOrThrow();
    expect(review).toMatchObject({ method: 'irm_2020', source_locale: 'en' });
    expect(await ratingsOf('KE0024', 'results')).toEqual({ completion: 'substantial', early_results: 'moderate', did_it_open_government: 'not_reviewed' });

    const change = await t.database.db.selectFrom('changes').selectAll().where('command', '=', 'record_irm_review').executeTakeFirstOrThrow();
    expect(change).toMatchObject({ entity_type: 'irm_review', entity_id: review.id, before: {}, reason: null });
    expect(change.after).toMatchObject({ report: 'results', completion: 'substantial', justification: 'Procurement data is now published for most ministries.' });

    // The public history names the command, the report and each rating, in the reader's words.
    const history = (await t.app.inject('/en/commitments/KE0024/history')).body;
    expect(history).toContain('IRM assessment recorded');
    expect(history).toContain('Rehema Researcher');
    expect(history).toContain('Report: Results report.');
    expect(history).toMatch(/Completion<\/th><td[^>]*><del[^>]*>Not given<\/del><\/td><td[^>]*><ins[^>]*>Substantial<\/ins>/);

    // The public page (kept for anonymous visitors by version) shows the new ratings and the justification.
    const page = (await t.app.inject('/en/commitments/KE0024')).body;
    expect(page).toContain('Procurement data is now published for most ministries.');
    expect(page).toMatch(/<dt>Completion<\/dt><dd>Substantial<\/dd>/);
    expect(page).toMatch(/<dt>Early results<\/dt><dd>Moderate<\/dd>/);

    // The list's IRM filter and facet (kept per data version), the API and the downloads.
    const list = (await anonymous()).body;
    expect(list).toContain('KE0024');
    expect(list).toMatch(/value="completion:substantial"[^>]*\/> <label[^>]*><span>[^<]*<\/span> <span class="count">\(1\)/);
    const api = (await t.app.inject('/api/v1/commitments/KE0024')).json() as { irmReviews: { report: string; ratings: { indicator: string; value: string | null }[] }[] };
    expect(api.irmReviews.find((r) => r.report === 'results')?.ratings).toContainEqual(expect.objectContaining({ indicator: 'completion', value: 'substantial' }));
    const download = JSON.parse((await t.app.inject('/en/commitments/download.json?irm=completion:substantial')).body) as { commitments: Record<string, unknown>[] };
    expect(download.commitments.map((c) => [c.ogp_id, c.irm_completion])).toEqual([['KE0024', 'substantial']]);
  });
});

describe('revising an assessment', () => {
  it('records only what changed, with the reason, as a revision; saving it unchanged writes nothing', async () => {
    const researcher = await researcherClient();
    const form = (await researcher.get(REVISED_RESULTS)).body;
    expect(form).toContain('Revise the IRM assessment of KE0031: Results report');
    // Opens on what is stored, the imported narrative in its language (English) as the justification.
    expect(form).toMatch(/<option value="limited" selected>Limited<\/option>/);
    expect(form).toContain('The IRM found progress on milestones 2, 5 and 6');
    expect(form).toContain('Required to revise an assessment.');

    // The imported review also holds the design ratings of the action plan review: the form neither shows nor sends them.
    expect(selectsOf(form)).toEqual(['completion', 'early_results', 'did_it_open_government']);
    const stored = await ratingsOf('KE0031', 'results');
    const narrative = /name="justification"[^>]*>([^<]*)</.exec(form)![1]!.replaceAll('&#39;', '\'');
    const fields = { completion: stored.completion!, did_it_open_government: stored.did_it_open_government!, early_results: 'not_reviewed', justification: narrative };
    const res = await submitEdit(researcher, REVISED_RESULTS, REVISED_RESULTS, { ...fields, completion: 'complete', reason: 'The government published evidence for milestone 4.' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`${REVISED_RESULTS}?notice=revised`);
    // Only the answers of the form changed; the other ratings the import stored for this report are left untouched.
    expect(await ratingsOf('KE0031', 'results')).toEqual({ ...stored, completion: 'complete', early_results: 'not_reviewed' });

    const change = await t.database.db.selectFrom('changes').selectAll().where('command', '=', 'revise_irm_review').executeTakeFirstOrThrow();
    // Early results, which the import left unrated, is sent as "not yet reviewed": no change.
    expect(change.before).toEqual({ report: 'results', completion: 'limited' });
    expect(change.after).toEqual({ report: 'results', completion: 'complete' });
    expect(change.reason).toBe('The government published evidence for milestone 4.');
    const history = (await t.app.inject('/en/commitments/KE0031/history')).body;
    expect(history).toContain('IRM assessment revised');
    expect(history).toContain('The government published evidence for milestone 4.');
    expect(history).toMatch(/Completion<\/th><td[^>]*><del[^>]*>Limited<\/del><\/td><td[^>]*><ins[^>]*>Complete<\/ins>/);
    expect((await t.app.inject('/en/commitments/KE0031')).body).toMatch(/<dt>Completion<\/dt><dd>Complete<\/dd>/);

    const before = await snapshot();
    const again = await submitEdit(researcher, REVISED_RESULTS, REVISED_RESULTS, { ...fields, completion: 'complete', reason: 'Nothing new.' });
    expect(again.headers.location).toBe(`${REVISED_RESULTS}?notice=unchanged`);
    expect(await snapshot()).toBe(before);
  });

  it('refuses a save opened on an older version, or a "new" assessment someone recorded meanwhile: 409, nothing written', async () => {
    const first = await researcherClient();
    const second = await researcherClient();
    const url = '/en/commitments/KE0025/irm/action-plan-review';
    const openedByFirst = (await first.get(url)).body;
    const fields = { verifiable: 'yes', open_government_lens: 'yes', potential_for_results: 'modest' };
    expect((await submitEdit(second, url, url, fields)).statusCode).toBe(303);
    const before = await snapshot();
    const stale = await first.submit(url, url, { version: versionIn(openedByFirst)!, ...fields, potential_for_results: 'substantial', reason: 'mine' });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('Someone else recorded or revised this assessment after you opened the form. Nothing was saved.');
    // The form comes back as a revision, with what was typed and the current version: saving again is a knowing revision.
    expect(stale.body).toContain('Revise the IRM assessment of KE0025: Action plan review');
    expect(stale.body).toMatch(/<option value="substantial" selected>Substantial<\/option>/);
    expect(versionIn(stale.body)).not.toBe('new');
    expect(await snapshot()).toBe(before);
    const retried = await first.submit(url, url, { version: versionIn(stale.body)!, ...fields, potential_for_results: 'substantial', reason: 'mine' });
    expect(retried.statusCode).toBe(303);
  });
});

describe('a review an import changed after the form was opened', () => {
  it('refuses the save with a 409, keeping what was typed, though the import wrote no history entry', async () => {
    const researcher = await researcherClient();
    const url = '/en/commitments/KE0031/irm/action-plan-review';
    const opened = (await researcher.get(url)).body;
    const review = await t.database.db.selectFrom('irm_reviews as v').innerJoin('commitments as c', 'c.id', 'v.commitment_id')
      .select('v.id').where('c.ogp_id', '=', 'KE0031').where('v.report', '=', 'action_plan_review').executeTakeFirstOrThrow();
    // What an import does: the stored rating is rewritten in place, with no history entry.
    await t.database.db.updateTable('irm_ratings').set({ value: 'substantial' })
      .where('irm_review_id', '=', review.id).where('indicator', '=', 'potential_for_results').execute();
    const before = await snapshot();
    const res = await researcher.submit(url, url, { version: versionIn(opened)!, verifiable: 'yes', open_government_lens: 'yes',
      potential_for_results: 'unclear', reason: 'Typed before the import.' });
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('Someone else recorded or revised this assessment after you opened the form. Nothing was saved.');
    expect(res.body).toMatch(/<option value="unclear" selected>Unclear<\/option>/);
    expect(res.body).toContain('Typed before the import.');
    expect(versionIn(res.body)).not.toBe(versionIn(opened));
    expect(await snapshot()).toBe(before);
    // The form opened now carries the import's value and the version of what is stored.
    const reopened = (await researcher.get(url)).body;
    expect(reopened).toMatch(/<option value="substantial" selected>Substantial<\/option>/);
    expect(versionIn(reopened)).toBe(versionIn(res.body));
  });
});

describe('two researchers recording the same report at once', () => {
  it('records one assessment; the other save is refused as a conflict and writes nothing', async () => {
    const [first, second] = await Promise.all([researcherClient(), researcherClient()]);
    const url = '/en/commitments/KE0025/irm/results';
    const [pageOfFirst, pageOfSecond] = await Promise.all([first.get(url), second.get(url)]);
    const fields = resultsFields();
    const statuses = (await Promise.all([
      first.submit(url, url, { version: versionIn(pageOfFirst.body)!, ...fields, completion: 'limited' }),
      second.submit(url, url, { version: versionIn(pageOfSecond.body)!, ...fields, completion: 'complete' }),
    ])).map((r) => r.statusCode).sort();
    expect(statuses).toEqual([303, 409]);
    const reviews = await t.database.db.selectFrom('irm_reviews as v').innerJoin('commitments as c', 'c.id', 'v.commitment_id')
      .select('v.id').where('c.ogp_id', '=', 'KE0025').where('v.report', '=', 'results').execute();
    expect(reviews).toHaveLength(1);
    const entries = await t.database.db.selectFrom('changes').select('id').where('entity_type', '=', 'irm_review').where('entity_id', '=', reviews[0]!.id).execute();
    expect(entries).toHaveLength(1);
  });
});

describe('in every language', () => {
  it('shows the forms, the list and the history entry in the page\'s language', async () => {
    const admin = await signedIn(t.app, await createAccount(t.database.db, { role: 'administrator' }));
    for (const locale of LOCALES) {
      const intl = intlFor(locale);
      const report = intl.t('irm.report.action_plan_review');
      const form = await admin.get(`/${locale}/commitments/KE0027/irm/action-plan-review`);
      expect(form.statusCode, locale).toBe(200);
      expect(form.body, locale).toContain(intl.t('irmAssessment.form.recordTitle', { id: 'KE0027', report }).replaceAll('\'', '&#39;'));
      expect((await admin.get(`/${locale}/commitments/KE0027/irm`)).body, locale).toContain(intl.t('irmAssessment.list.title', { id: 'KE0027' }).replaceAll('\'', '&#39;'));
    }
    const url = '/fr/commitments/KE0027/irm/action-plan-review';
    // Not verifiable, so not assessed further: the other indicators are states.
    const res = await submitEdit(admin, url, url, { verifiable: 'no', open_government_lens: 'not_applicable', potential_for_results: 'not_reviewed',
      justification: 'Les jalons ne sont pas vérifiables.' });
    expect(res.statusCode).toBe(303);
    // Recorded from the French page, the justification is French text, shown as such.
    expect((await t.app.inject('/en/commitments/KE0027')).body).toContain('<div class="prose" lang="fr"><p>Les jalons ne sont pas vérifiables.</p>');
    for (const locale of LOCALES) {
      const intl = intlFor(locale);
      const history = (await t.app.inject(`/${locale}/commitments/KE0027/history`)).body;
      expect(history, locale).toContain(intl.t('history.command.record_irm_review').replaceAll('\'', '&#39;'));
      expect(history, locale).toContain(intl.t('irm.value.verifiable.no'));
    }
  });
});
