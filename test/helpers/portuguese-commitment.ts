import type { Db } from '../../src/db/connect.ts';
import { saveCommitmentRecord } from '../../src/commitments/save-commitment-record.ts';
import type { CommitmentRecordInput } from '../../src/commitments/commitment-record.ts';

/**
 * A commitment published in Portuguese, a language OGP's dataset brings that is not an interface language (decision
 * 006): its Portuguese text with a full text, OGP's English title alone, a milestone translated into English and one
 * in Portuguese only.
 */
export const PT_TITLE = 'Ampliar a transparência das obras públicas';
export const PT_FULL_TEXT = 'O governo publica os contratos de obras públicas.';
export const EN_TITLE = 'Open up public works';

export const portugueseCommitment: CommitmentRecordInput = {
  member: { name: 'Brazil', kind: 'national', ogpPrefix: 'BR', isoAlpha2: 'BR', code: 'BRA', slug: 'brazil' },
  actionPlan: { number: 5, submissionYear: 2021, startYear: 2021, endYear: 2023 },
  ogpId: 'BR0001', numberInPlan: 1, sourceLocale: 'pt',
  texts: { pt: { title: PT_TITLE, fullText: PT_FULL_TEXT }, en: { title: EN_TITLE } },
  leadInstitutions: [{ name: 'Controladoria-Geral da União', kind: 'ministry' }], supportingInstitutions: [], policyAreas: [],
  milestones: [
    { number: 1, texts: { pt: 'Publicar os contratos', en: 'Publish the contracts' } },
    { number: 2, texts: { pt: 'Realizar audiências públicas' } },
  ],
  irmReviews: [],
};

export async function savePortugueseCommitment(db: Db): Promise<void> {
  await db.transaction().execute((trx) => saveCommitmentRecord(trx, portugueseCommitment));
}
