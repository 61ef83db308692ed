import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { unnest } from '../db/unnest.ts';
import type { CommitmentRecord } from './commitment-record.ts';

/**
 * The history an import leaves (decision 012): what the stored commitments said before a batch overwrites them, and
 * one `import_commitment` change per commitment created or updated, with only the fields the import touched. Used by
 * save-commitment-records.ts, inside its transaction.
 */

type Trx = Transaction<Database>;

/** A commitment of the batch as saved: its record, the record's hash, its id, the stale labels it dropped. */
export type SavedCommitment = { record: CommitmentRecord; hash: string; commitmentId?: string; staleLocales?: readonly string[] };

/**
 * What a history entry of an import shows: the status and the texts per language, in the field names of the edit
 * commands (decision 012), and the record hash that says which source version the commitment holds. A stored
 * text's summary also has its full text, which staleLocales compares and history entries leave out.
 */
export type Summary = { recordHash: string | null; status: string | null; texts: Record<string, Record<string, string | null>> };

const TEXT_FIELDS = ['title', 'description', 'objectives', 'statusQuo', 'ambition'] as const;
const WHOLE_TEXT = [...TEXT_FIELDS, 'fullText'] as const;

/** The summaries of stored commitments by OGP id, read before a batch overwrites them (one query). */
export async function storedSummaries(trx: Trx, ogpIds: string[]): Promise<Map<string, Summary>> {
  if (ogpIds.length === 0) return new Map();
  const rows = await sql<{
    ogp_id: string; record_hash: string | null; status: string | null; locale: string | null; title: string | null;
    description: string | null; objectives: string | null; status_quo: string | null; ambition: string | null; full_text: string | null;
  }>`
    select c.ogp_id, c.record_hash, c.status, t.locale, t.title, t.description, t.objectives, t.status_quo, t.ambition, t.full_text
    from commitments c left join commitment_texts t on t.commitment_id = c.id
    where c.ogp_id = any(${ogpIds}::text[])`.execute(trx);
  const summaries = new Map<string, Summary>();
  for (const row of rows.rows) {
    const summary = summaries.get(row.ogp_id) ?? { recordHash: row.record_hash, status: row.status, texts: {} };
    if (row.locale !== null) {
      summary.texts[row.locale] = {
        title: row.title, description: row.description, objectives: row.objectives, statusQuo: row.status_quo, ambition: row.ambition,
        fullText: row.full_text,
      };
    }
    summaries.set(row.ogp_id, summary);
  }
  return summaries;
}

function summaryOf(saved: SavedCommitment): Summary {
  const texts = Object.fromEntries(Object.entries(saved.record.texts).map(([locale, text]) =>
    [locale, Object.fromEntries(TEXT_FIELDS.map((field) => [field, text[field] ?? null]))]));
  return { recordHash: saved.hash, status: saved.record.status ?? null, texts };
}

/**
 * Only what differs between two summaries, as the `before` and `after` of a change: the fields an import touched.
 * A language the record does not bring is kept by the saver, so it is not a difference, unless it was a stale label
 * (see staleLocales): its fields then go from their text to null.
 */
function touched(before: Summary | undefined, after: Summary, stale: readonly string[]): { before: Record<string, unknown>; after: Record<string, unknown> } {
  if (!before) return { before: {}, after };
  const b: Record<string, unknown> = { recordHash: before.recordHash };
  const a: Record<string, unknown> = { recordHash: after.recordHash };
  if (before.status !== after.status) [b.status, a.status] = [before.status, after.status];
  const bTexts: Summary['texts'] = {};
  const aTexts: Summary['texts'] = {};
  for (const [locale, text] of Object.entries(after.texts)) {
    const old = before.texts[locale];
    const fields = TEXT_FIELDS.filter((field) => old?.[field] !== text[field]);
    if (fields.length === 0) continue;
    bTexts[locale] = old ? Object.fromEntries(fields.map((f) => [f, old[f] ?? null])) : {};
    aTexts[locale] = Object.fromEntries(fields.map((f) => [f, text[f] ?? null]));
  }
  for (const locale of stale) {
    const old = before.texts[locale]!;
    const fields = TEXT_FIELDS.filter((field) => old[field] != null);
    bTexts[locale] = Object.fromEntries(fields.map((f) => [f, old[f] ?? null]));
    aTexts[locale] = Object.fromEntries(fields.map((f) => [f, null]));
  }
  if (Object.keys(aTexts).length > 0) [b.texts, a.texts] = [bTexts, aTexts];
  return { before: b, after: a };
}

/** One `changes` row per commitment the batch created or updated, in one statement. */
export async function recordImportChanges(trx: Trx, saved: readonly SavedCommitment[], stored: Map<string, Summary>, source: string | null): Promise<void> {
  const changes = saved.map((item) => ({ id: item.commitmentId!, ...touched(stored.get(item.record.ogpId), summaryOf(item), item.staleLocales ?? []) }));
  await sql`
    insert into changes (command, entity_type, entity_id, commitment_id, before, after, reason)
    select 'import_commitment', 'commitment', u.id, u.id, u.before::jsonb, u.after::jsonb, ${source}
    from ${unnest('u', [
      ['id', 'bigint', changes.map((c) => c.id)],
      ['before', 'text', changes.map((c) => JSON.stringify(c.before))],
      ['after', 'text', changes.map((c) => JSON.stringify(c.after))],
    ])}`.execute(trx);
}

/**
 * The stored texts that are one of the record's texts under another language's label: in a language the record does
 * not bring, with every field (title to full text) equal. The OGP dataset importer once labelled every row English,
 * Spanish plans included; importing the file again must not leave that copy beside the Spanish text. A real
 * translation (a French page's text of a commitment the dataset gave in English) differs, if only in its full text
 * when its title is a name ("Consulta.Lex"), and is kept.
 */
export function staleLocales(stored: Summary | undefined, record: CommitmentRecord): string[] {
  if (!stored) return [];
  const brought = new Set(Object.values(record.texts).map(textKey));
  return Object.entries(stored.texts)
    .filter(([locale, text]) => !Object.hasOwn(record.texts, locale) && brought.has(textKey(text)))
    .map(([locale]) => locale);
}

/** A text's fields in one comparable string. */
function textKey(text: Readonly<Partial<Record<(typeof WHOLE_TEXT)[number], string | null>>>): string {
  return JSON.stringify(WHOLE_TEXT.map((field) => text[field] ?? null));
}
