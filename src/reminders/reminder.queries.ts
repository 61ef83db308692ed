import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';
import type { Locale } from '../i18n/locales.ts';

/**
 * Whether `ci` (a `commitment_institutions` row) is an institution that answers for the commitment's milestones:
 * every lead, so the points of contact of each institution co-leading a commitment are reminded (decision 013,
 * amended), as the reporting workspace and the round's snapshot name them all. An institution is a lead of a
 * commitment at most once (the table's key), so each of its points of contact gets one reminder per milestone.
 */
export const isResponsibleInstitution = sql<boolean>`ci.role = 'lead'`;

/** The texts of some milestones, by milestone id and locale. */
export type MilestoneTexts = Map<string, Map<string, string>>;

export async function milestoneTexts(db: Db, milestoneIds: readonly string[]): Promise<MilestoneTexts> {
  const texts: MilestoneTexts = new Map();
  if (milestoneIds.length === 0) return texts;
  const rows = await db.selectFrom('milestone_texts').select(['milestone_id', 'locale', 'text'])
    .where('milestone_id', 'in', [...new Set(milestoneIds)]).orderBy('locale').execute();
  for (const row of rows) {
    const byLocale = texts.get(row.milestone_id) ?? new Map<string, string>();
    byLocale.set(row.locale, row.text);
    texts.set(row.milestone_id, byLocale);
  }
  return texts;
}

/** The text in the reader's language, else English, else whichever language it was written in. */
export function milestoneText(texts: MilestoneTexts, milestoneId: string, locale: Locale): string | undefined {
  const byLocale = texts.get(milestoneId);
  return byLocale?.get(locale) ?? byLocale?.get('en') ?? byLocale?.values().next().value;
}
