import type { Db } from '../db/connect.ts';
import { foldAccents } from '../text/fold-accents.ts';

const normalize = (label: string) => foldAccents(label).toLowerCase().replace(/[\s\u00a0]+/g, ' ').trim();

/**
 * Finds a policy area's key from its label as a source writes it ("Renforcement des capacités"), in any language
 * of the taxonomy, ignoring case and accents; the label's own language wins when two languages share a spelling.
 */
export async function policyAreaResolver(db: Db): Promise<(label: string, locale: string) => string | undefined> {
  const rows = await db.selectFrom('policy_area_labels').select(['policy_area_key', 'locale', 'label']).execute();
  const byLocale = new Map<string, Map<string, string>>();
  const anyLocale = new Map<string, string>();
  for (const row of rows) {
    const label = normalize(row.label);
    if (!byLocale.has(row.locale)) byLocale.set(row.locale, new Map());
    byLocale.get(row.locale)!.set(label, row.policy_area_key);
    if (!anyLocale.has(label)) anyLocale.set(label, row.policy_area_key);
  }
  return (label, locale) => byLocale.get(locale)?.get(normalize(label)) ?? anyLocale.get(normalize(label));
}
