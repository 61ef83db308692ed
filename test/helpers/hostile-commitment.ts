import type { Db } from '../../src/db/connect.ts';
import { saveCommitmentRecord } from '../../src/commitments/save-commitment-record.ts';
import type { CommitmentRecordInput } from '../../src/commitments/commitment-record.ts';

/**
 * A second member's commitment whose texts and names hold everything that breaks naive exports: quotes, commas,
 * semicolons, line breaks, markup, a leading "=" (a spreadsheet formula), accents and non-Latin script. With IRM
 * ratings from three reports of the 2012 method, so "latest rating" has something to choose between.
 */
export const HOSTILE_TITLE = '=HYPERLINK("http://evil.example";"<b>click</b>") & \'quoted\', commas; <script>alert("x")</script> ]]> é 中文';
export const HOSTILE_LEAD = 'Ministry of Finance; Planning, "Budget" & <Economy>';

export const hostileCommitment: CommitmentRecordInput = {
  member: { name: 'Uganda', kind: 'national', ogpPrefix: 'UG', isoAlpha2: 'UG', code: 'UGA', slug: 'uganda' },
  actionPlan: { number: 1, submissionYear: 2012, startYear: 2012, endYear: 2014 },
  ogpId: 'UG0001',
  numberInPlan: 1,
  sourceLocale: 'en',
  texts: {
    en: { title: HOSTILE_TITLE, description: 'Line one\nLine two, with "quotes"' },
    fr: { title: 'Budget participatif « ouvert » à tous', description: 'Audiences publiques' },
  },
  leadInstitutions: [{ name: HOSTILE_LEAD, kind: 'ministry' }],
  supportingInstitutions: [
    { name: 'Parliament of Uganda', kind: 'parliament', actorGroup: 'government' },
    { name: 'Civil society, "coalition"', kind: 'civil_society', actorGroup: 'other' },
  ],
  policyAreas: ['public-participation', 'open-contracting'],
  milestones: [
    { number: 1, texts: { en: 'Publish the budget' } },
    { number: 2, declaredStatus: 'new', texts: { en: 'Hold hearings' } },
  ],
  irmReviews: [
    {
      method: 'irm_2012', report: 'design', texts: {}, ratings: [
        { indicator: 'specificity', state: 'assessed', value: 'high' },
        { indicator: 'potential_impact', state: 'assessed', value: 'transformative' },
        { indicator: 'relevance_technology', state: 'no_data' },
        { indicator: 'completion', state: 'assessed', value: 'limited' },
      ],
    },
    { method: 'irm_2012', report: 'progress', texts: {}, ratings: [{ indicator: 'completion', state: 'assessed', value: 'substantial' }] },
    { method: 'irm_2012', report: 'end_of_term', texts: {}, ratings: [{ indicator: 'completion', state: 'assessed', value: 'complete' }] },
  ],
};

export async function saveHostileCommitment(db: Db): Promise<void> {
  await db.transaction().execute((trx) => saveCommitmentRecord(trx, hostileCommitment));
}
