import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../test/helpers/database.ts';
import { createAccount } from '../accounts/account.factories.ts';
import type { CurrentUser } from '../accounts/current-user.ts';
import type { CommitmentRecordInput } from '../commitments/commitment-record.ts';
import { saveCommitmentRecords } from '../commitments/save-commitment-records.ts';
import { demoCommitments } from '../demo/demo-data.ts';
import { loadDemo } from '../demo/load-demo.ts';
import { findReviewAsForm, recordIrmReview, reportAnswers, reviewVersion, unratedAnswers } from './commands/record-irm-review.ts';

// OGP's dataset copies what the IRM published, often before the assessment a researcher records in Ahadi: a re-import
// must not undo the researcher's revision without a word (and without a history entry).
const t = useTestDatabase();
const ke0031 = demoCommitments.find((c) => c.ogpId === 'KE0031')!;
const reimport = (record: CommitmentRecordInput) => t.db.transaction().execute((trx) => saveCommitmentRecords(trx, [record], { source: 'ogp.csv' }));
const stored = async (report: 'results' | 'action_plan_review') => {
  const id = (await t.db.selectFrom('commitments').select('id').where('ogp_id', '=', 'KE0031').executeTakeFirstOrThrow()).id;
  return (await findReviewAsForm(t.db, id, report))!;
};

describe('an import of a commitment whose IRM review was recorded in Ahadi', () => {
  it('keeps that review, says so on the row, and still imports the reports nobody assessed here', async () => {
    await loadDemo(t.db);
    const account = await createAccount(t.db, { role: 'irm_researcher', name: 'Imani Researcher' });
    const researcher: CurrentUser = {
      id: account.id, sessionId: '0', email: account.email, name: account.name, role: 'irm_researcher',
      institutionId: null, institutionName: null, locale: 'en', totpEnabled: false,
    };
    const results = await stored('results');
    const recorded = await recordIrmReview(t.db, researcher, 'KE0031', 'results', 'en', {
      ...unratedAnswers('results'), ...reportAnswers('results', results.answers), version: reviewVersion(results), justification: results.justification ?? '', completion: 'complete',
      reason: 'The end-of-term evidence came in',
    });
    expect(recorded, JSON.stringify(recorded)).toMatchObject({ ok: true });

    const changed: CommitmentRecordInput = {
      ...ke0031, texts: { en: { ...ke0031.texts.en!, title: 'Build institutional support for OGP, renamed' } },
      irmReviews: ke0031.irmReviews.map((review) => ({
        ...review,
        ratings: review.ratings.map((r) => (r.indicator === 'completion' ? { ...r, value: 'limited' }
          : r.indicator === 'potential_for_results' ? { ...r, value: 'substantial' } : r)),
      })),
    };
    const [saved] = await reimport(changed);
    expect(saved!.outcome).toBe('updated');
    expect(saved!.warnings).toEqual([expect.stringMatching(
      /^KE0031: the IRM assessment of its Results report was recorded in Ahadi \(Imani Researcher, \d{4}-\d\d-\d\d \d\d:\d\d UTC\); it is kept/)]);
    expect((await stored('results')).answers.completion).toBe('complete');
    // The action plan review was never assessed here: the file's rating comes in.
    expect((await stored('action_plan_review')).answers.potential_for_results).toBe('substantial');
  });
});
