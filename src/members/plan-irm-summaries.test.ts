import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { hostileCommitment, saveHostileCommitment } from '../../test/helpers/hostile-commitment.ts';
import { saveCommitmentRecord } from '../commitments/save-commitment-record.ts';
import { findPlanIrmSummaries } from './plan-irm-summaries.queries.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await saveHostileCommitment(t.database.db);
  // Uganda's second plan: one commitment rated by the 2020 method (substantial potential: high ambition, limited
  // completion), one never reviewed, one rated "not reviewed" only (mentioned by the IRM, not assessed).
  const plan2 = { number: 2, submissionYear: 2015, startYear: 2015, endYear: 2017 };
  const records = [
    { ...hostileCommitment, ogpId: 'UG0002', numberInPlan: 1, actionPlan: plan2, texts: { en: { title: 'Rated by the 2020 method' } }, irmReviews: [
      { method: 'irm_2020' as const, report: 'action_plan_review' as const, texts: {}, ratings: [{ indicator: 'potential_for_results', state: 'assessed' as const, value: 'substantial' }] },
      { method: 'irm_2020' as const, report: 'results' as const, texts: {}, ratings: [{ indicator: 'completion', state: 'assessed' as const, value: 'limited' }] },
    ] },
    { ...hostileCommitment, ogpId: 'UG0003', numberInPlan: 2, actionPlan: plan2, texts: { en: { title: 'Never reviewed' } }, irmReviews: [] },
    { ...hostileCommitment, ogpId: 'UG0004', numberInPlan: 3, actionPlan: plan2, texts: { en: { title: 'Not reviewed yet' } }, irmReviews: [
      { method: 'irm_2020' as const, report: 'action_plan_review' as const, texts: {}, ratings: [{ indicator: 'verifiable', state: 'not_reviewed' as const }] },
    ] },
  ];
  await t.database.db.transaction().execute(async (trx) => { for (const record of records) await saveCommitmentRecord(trx, record); });
});
afterAll(async () => { await t.close(); });

describe('findPlanIrmSummaries', () => {
  it('counts assessed commitments, completion and ambition per plan from the latest ratings', async () => {
    const uganda = await findPlanIrmSummaries(t.database.db, 'uganda');
    // Plan 1: completion limited (design) → substantial (progress) → complete (end of term); transformative impact.
    expect(uganda.get(1)).toEqual({ assessed: 1, completion: [{ value: 'complete', count: 1 }], ambition: { high: 1, low: 0 } });
    expect(uganda.get(2)).toEqual({ assessed: 1, completion: [{ value: 'limited', count: 1 }], ambition: { high: 1, low: 0 } });
    const kenya = await findPlanIrmSummaries(t.database.db, 'kenya');
    expect(kenya.get(4)).toEqual({ assessed: 1, completion: [{ value: 'limited', count: 1 }], ambition: { high: 0, low: 1 } });
    expect((await findPlanIrmSummaries(t.database.db, 'atlantis')).size).toBe(0);
  });
});

describe('member page IRM summaries', () => {
  it('shows per plan the commitment count and what the IRM found, in English and French', async () => {
    const en = (await t.app.inject('/en/members/kenya')).body;
    expect(en).toContain('<p>4 commitments</p><dl class="facts irm-summary"><dt>Assessed by the IRM</dt><dd>1 of 4</dd>' +
      '<dt>Completion</dt><dd>Limited: 1</dd><dt>Ambition</dt><dd>High: 0, Low: 1</dd></dl>');
    const fr = (await t.app.inject('/fr/members/uganda')).body;
    expect(fr).toContain('<dt>Évalués par l’IRM</dt><dd>1 sur 3</dd><dt>Achèvement</dt><dd>Limité : 1</dd><dt>Ambition</dt><dd>Élevée : 1 et Faible : 0</dd>');
    expect(fr).toContain('<dd>1 sur 1</dd><dt>Achèvement</dt><dd>Complet : 1</dd>');
  });

  it('says when the IRM has not assessed a plan yet', async () => {
    await t.database.db.transaction().execute((trx) => saveCommitmentRecord(trx, {
      ...hostileCommitment, ogpId: 'UG0005', numberInPlan: 1, texts: { en: { title: 'Third plan' } }, irmReviews: [],
      actionPlan: { number: 3, submissionYear: 2018, startYear: 2018, endYear: 2020 },
    }));
    const body = (await t.app.inject('/en/members/uganda')).body;
    expect(body).toContain('<p>1 commitment</p><p class="muted">The IRM has not assessed these commitments yet.</p>');
  });
});
