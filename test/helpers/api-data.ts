import type { Db } from '../../src/db/connect.ts';
import type { CommitmentRecordInput } from '../../src/commitments/commitment-record.ts';
import { saveCommitmentRecord } from '../../src/commitments/save-commitment-record.ts';

/**
 * Records added to the demo data set by the API tests: more members, plans, kinds and dates, so that sorts, filters
 * and cursors have something to tell apart. TZ0001 and TZ0002 have the same words, so a search ranks them equally
 * and only the OGP id orders them.
 */
const uganda = { name: 'Uganda', kind: 'national', ogpPrefix: 'UG', isoAlpha2: 'UG', code: 'UGA', slug: 'uganda' } as const;
const tarime = { name: 'Tarime', kind: 'local', ogpPrefix: 'TZ', isoAlpha2: 'TZ', slug: 'tarime' } as const;

function record(ogpId: string, member: CommitmentRecordInput['member'], plan: CommitmentRecordInput['actionPlan'], extra: Partial<CommitmentRecordInput>): CommitmentRecordInput {
  return {
    member, actionPlan: plan, ogpId, numberInPlan: Number(ogpId.slice(-2)), sourceLocale: 'en',
    texts: { en: { title: `Commitment ${ogpId}`, description: 'Open budget hearings in every ward.' } },
    leadInstitutions: [{ name: 'Ministry of Finance', kind: 'ministry' }],
    supportingInstitutions: [{ name: 'Budget Watch', kind: 'civil_society', actorGroup: 'other' }],
    policyAreas: ['fiscal-openness'], milestones: [], irmReviews: [],
    ...extra,
  };
}

export const API_TEST_COMMITMENTS: CommitmentRecordInput[] = [
  record('UG0001', uganda, { number: 1, submissionYear: 2012, startYear: 2012, endYear: 2014 }, {
    sourceLocale: 'es',
    texts: { es: { title: 'Participación ciudadana en los presupuestos', description: 'Audiencias públicas sobre el presupuesto municipal' } },
    policyAreas: ['public-participation'],
  }),
  record('UG0002', uganda, { number: 2, submissionYear: 2016, startYear: 2016, endYear: 2018 }, {
    milestones: [
      { number: 1, declaredStatus: 'ongoing', end: { date: '2017-07-01', precision: 'quarter', raw: 'Q3 2017' }, texts: { en: 'Draft the budget law' } },
      { number: 2, declaredStatus: 'new', end: { date: '2018-01-01', precision: 'year', raw: '2018' }, texts: { en: 'Pass the budget law' } },
      { number: 3, texts: { en: 'Review the law' } },
    ],
  }),
  record('TZ0001', tarime, { number: 1, submissionYear: 2016, startYear: 2016, endYear: 2018 }, {}),
  record('TZ0002', tarime, { number: 1, submissionYear: 2016, startYear: 2016, endYear: 2018 }, {}),
];

export async function saveApiTestCommitments(db: Db): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const commitment of API_TEST_COMMITMENTS) await saveCommitmentRecord(trx, commitment);
  });
}
