import type { Trx } from './change-log.ts';

/**
 * The editable part of a commitment as history stores it: its status and, per language, its texts. A change keeps
 * the languages it touched only; a text that did not exist is `null`.
 */
export type CommitmentTexts = {
  title: string; description: string | null; objectives: string | null; statusQuo: string | null; ambition: string | null;
};
export type CommitmentVersion = { status?: string | null; texts?: Record<string, CommitmentTexts | null> };

export const COMMITMENT_STATUSES = ['active', 'completed', 'withdrawn'] as const;
export const TEXT_FIELDS = ['title', 'description', 'objectives', 'statusQuo', 'ambition'] as const;

export async function readCommitmentTexts(trx: Trx, commitmentId: string, locale: string): Promise<CommitmentTexts | null> {
  const row = await trx.selectFrom('commitment_texts').select(['title', 'description', 'objectives', 'status_quo', 'ambition'])
    .where('commitment_id', '=', commitmentId).where('locale', '=', locale).executeTakeFirst();
  return row ? { title: row.title, description: row.description, objectives: row.objectives, statusQuo: row.status_quo, ambition: row.ambition } : null;
}

/** Writes a language's texts (a new translation or an edit); the source's full text, if any, is kept. */
export async function writeCommitmentTexts(trx: Trx, commitmentId: string, locale: string, texts: CommitmentTexts): Promise<void> {
  const values = { title: texts.title, description: texts.description, objectives: texts.objectives, status_quo: texts.statusQuo, ambition: texts.ambition };
  await trx.insertInto('commitment_texts').values({ commitment_id: commitmentId, locale, ...values })
    .onConflict((oc) => oc.columns(['commitment_id', 'locale']).doUpdateSet(values)).execute();
}
