import type { Db } from '../../db/connect.ts';
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
  const row = await selectTexts(trx, commitmentId).where('locale', '=', locale).executeTakeFirst();
  return row ? textsOf(row) : null;
}

/** Every language's texts, by language. */
export async function readAllCommitmentTexts(trx: Db | Trx, commitmentId: string): Promise<Record<string, CommitmentTexts>> {
  const rows = await selectTexts(trx, commitmentId).execute();
  return Object.fromEntries(rows.map((row) => [row.locale, textsOf(row)]));
}

const selectTexts = (trx: Db | Trx, commitmentId: string) => trx.selectFrom('commitment_texts')
  .select(['locale', 'title', 'description', 'objectives', 'status_quo', 'ambition']).where('commitment_id', '=', commitmentId);

function textsOf(row: { title: string; description: string | null; objectives: string | null; status_quo: string | null; ambition: string | null }): CommitmentTexts {
  return { title: row.title, description: row.description, objectives: row.objectives, statusQuo: row.status_quo, ambition: row.ambition };
}

/** Writes a language's texts (a new translation or an edit); the source's full text, if any, is kept. */
export async function writeCommitmentTexts(trx: Trx, commitmentId: string, locale: string, texts: CommitmentTexts): Promise<void> {
  const values = { title: texts.title, description: texts.description, objectives: texts.objectives, status_quo: texts.statusQuo, ambition: texts.ambition };
  await trx.insertInto('commitment_texts').values({ commitment_id: commitmentId, locale, ...values })
    .onConflict((oc) => oc.columns(['commitment_id', 'locale']).doUpdateSet(values)).execute();
}
