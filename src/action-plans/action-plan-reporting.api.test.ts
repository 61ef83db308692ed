import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../test/helpers/app.ts';
import { createPublicReportingApp, type WithFixture } from '../../test/helpers/public-reporting-app.ts';
import { EXPECTED_INSTITUTION_REPORTING } from '../../test/helpers/public-reporting-data.ts';
import { ActionPlanReportingWireSchema } from './action-plan.schema.ts';

let t: WithFixture<TestApp>;
beforeAll(async () => { t = await createPublicReportingApp(); });
afterAll(async () => { await t.close(); });

describe('GET /api/v1/action-plans/{member}/{number}/reporting', () => {
  it('gives the closed rounds and each institution\'s figures, in the documented shape', async () => {
    const res = await t.app.inject('/api/v1/action-plans/kenya/4/reporting');
    expect(res.statusCode).toBe(200);
    const body = ActionPlanReportingWireSchema.parse(res.json());
    expect(body.rounds.map((r) => [r.id, r.label])).toEqual([[t.fixture.rounds[1]!.id, '2021 Q4'], [t.fixture.rounds[0]!.id, '2021 Q3']]);
    expect(body.institutions.map((i) => i.institution?.slug)).toEqual(['commission-on-administrative-justice', 'office-of-the-deputy-president']);
    for (const i of body.institutions) {
      const { confirmed, disputed, insufficientEvidence, notVerified, ...counts } = EXPECTED_INSTITUTION_REPORTING[i.institution!.slug as keyof typeof EXPECTED_INSTITUTION_REPORTING];
      expect(i).toMatchObject({ ...counts, verification: { confirmed, disputed, insufficientEvidence, notVerified } });
    }
    expect(body.institutions.map((i) => [i.punctuality, i.evidenceCoverage])).toEqual([[4 / 6, 3 / 5], [8 / 14, 0.7]]);
  });

  it('answers an unknown plan with 404 and a bad number with 400 naming it', async () => {
    expect((await t.app.inject('/api/v1/action-plans/kenya/9/reporting')).statusCode).toBe(404);
    const bad = await t.app.inject('/api/v1/action-plans/kenya/four/reporting');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'invalid_input', field: 'number' });
  });
});
