import type { Db } from '../../src/db/connect.ts';
import { saveCommitmentRecord } from '../../src/commitments/save-commitment-record.ts';
import type { CommitmentRecordInput } from '../../src/commitments/commitment-record.ts';

/**
 * Two commitments with the fields OGP's dataset gives and the demo lacks: the plan's own number label, start and end
 * dates of every precision, an end date the importer could not read (kept as written), and a full text.
 */
const uganda = { name: 'Uganda', kind: 'national', ogpPrefix: 'UG', isoAlpha2: 'UG', code: 'UGA', slug: 'uganda' } as const;
const plan = { number: 2, submissionYear: 2019, startYear: 2019, endYear: 2021 };
const lead = [{ name: 'Ministry of Finance', kind: 'ministry' }] as const;

export const DATED_COMMITMENTS: CommitmentRecordInput[] = [
  {
    member: uganda, actionPlan: plan, ogpId: 'UG0012', numberLabel: '1.2', sourceLocale: 'en',
    start: { date: '2019-07-01', precision: 'month', raw: 'July 2019' },
    end: { raw: '7/16/1905' },
    texts: {
      en: { title: 'Open budgets', fullText: 'Budgets are published <monthly>.\nMilestones: publish, review.' },
      fr: { title: 'Budgets ouverts' },
    },
    leadInstitutions: [...lead], supportingInstitutions: [], policyAreas: [], irmReviews: [],
  },
  {
    member: uganda, actionPlan: plan, ogpId: 'UG0013', numberLabel: 'III.4', sourceLocale: 'en',
    start: { date: '2019-01-01', precision: 'quarter', raw: 'I quarter of 2019' },
    end: { date: '2021-01-01', precision: 'year', raw: '2021' },
    texts: { en: { title: 'Open contracts' } },
    leadInstitutions: [...lead], supportingInstitutions: [], policyAreas: [], irmReviews: [],
  },
];

export async function saveDatedCommitments(db: Db): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const record of DATED_COMMITMENTS) await saveCommitmentRecord(trx, record);
  });
}
