import { createAccount } from '../../src/accounts/account.factories.ts';
import { saveCommitmentRecords } from '../../src/commitments/save-commitment-records.ts';
import { demoCommitments } from '../../src/demo/demo-data.ts';
import { createTestApp, type TestApp } from './app.ts';
import { tableContents } from './database.ts';
import { signedIn } from './sign-in.ts';

/**
 * The demo portal for the IRM assessment tests, plus KE0012: a commitment of Kenya's 2016 plan, which the IRM
 * assessed with its 2012 method. Demo data: KE0024 (Kenya's 2020 plan, 2020 method) has no IRM review; KE0031 has an
 * action plan review and a results report (completion "limited", did it open government "no early results to report yet").
 */
export async function irmAssessmentApp(): Promise<TestApp> {
  const t = await createTestApp();
  const base = demoCommitments.find((c) => c.ogpId === 'KE0024')!;
  await t.database.db.transaction().execute((trx) => saveCommitmentRecords(trx, [{
    ...base, ogpId: 'KE0012', numberInPlan: 3, actionPlan: { number: 3, submissionYear: 2016, startYear: 2016, endYear: 2018 },
  }]));
  return t;
}

/** Everything recording an assessment could write: a refused request must leave all of it as it was. */
export const irmSnapshot = (t: TestApp) =>
  tableContents(t.database.db, ['changes', 'irm_reviews', 'irm_review_texts', 'irm_ratings', 'commitment_facets', 'commitments']);

/** The indicators a form asks, by the names of its selects. */
export const selectsOf = (page: string) => [...page.matchAll(/<select id="field-[^"]+" name="([^"]+)"/g)].map(([, name]) => name!);

/** A commitment's stored answers in one report, by indicator (a value, or the state instead of one). */
export const ratingsOf = async (t: TestApp, ogpId: string, report: string) => Object.fromEntries((await t.database.db.selectFrom('irm_ratings as r')
  .innerJoin('irm_reviews as v', 'v.id', 'r.irm_review_id').innerJoin('commitments as c', 'c.id', 'v.commitment_id')
  .select(['r.indicator', 'r.state', 'r.value']).where('c.ogp_id', '=', ogpId).where('v.report', '=', report as 'results').execute())
  .map((r) => [r.indicator, r.value ?? r.state]));

export const researcherClient = async (t: TestApp) =>
  signedIn(t.app, await createAccount(t.database.db, { role: 'irm_researcher', name: 'Rehema Researcher' }));
