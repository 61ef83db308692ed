import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/database.ts';
import { CommitmentFiltersSchema } from '../../commitments/commitment-filters.ts';
import { findCommitmentListItems, findCommitmentPage } from '../../commitments/commitment-list.queries.ts';
import type { CommitmentRecordInput } from '../../commitments/commitment-record.ts';
import { saveCommitmentRecords } from '../../commitments/save-commitment-records.ts';
import { importOgpDataset } from './import-ogp-dataset.ts';
import { rowToRecord } from './row-to-record.ts';

const FILE = path.resolve(process.cwd(), '../shared/data/ogp/ogp_commitments_open_parliament_2024-07.csv');
type Row = Record<string, string>;
const rows: Row[] = parse(fs.readFileSync(FILE), { columns: true, bom: true });
const idOf = (row: Row) => row['Commitment Unique Identifier']!;
const rowOf = (ogpId: string) => rows.find((row) => idOf(row) === ogpId)!;

// The language of a row judged apart from the importer: by the commonest words of its whole text. On this file the
// lesser count is at most a quarter of the greater, so the judgement is never close.
const ENGLISH_WORDS = ['the', 'and', 'of', 'to', 'is'];
const SPANISH_WORDS = ['el', 'la', 'los', 'las', 'del', 'y', 'en'];
function languageOf(row: Row): 'en' | 'es' {
  const words = `${row['Commitment Title']} ${row['Full Text']}`.toLowerCase().split(/[^\p{L}]+/u);
  const count = (list: string[]) => words.filter((word) => list.includes(word)).length;
  return count(SPANISH_WORDS) > count(ENGLISH_WORDS) ? 'es' : 'en';
}

const textsOf = async (t: TestDatabase, ogpId: string) => (await t.db.selectFrom('commitment_texts as x')
  .innerJoin('commitments as c', 'c.id', 'x.commitment_id').select(['x.locale', 'x.title']).where('c.ogp_id', '=', ogpId)
  .orderBy('x.locale').execute());

describe('import ogp-dataset: each text in its language', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
    await importOgpDataset(t.db, FILE, { dryRun: false });
  });
  afterAll(async () => { await t.drop(); });

  it("stores every row's title and full text, once, in the language they are written in", async () => {
    const stored = await t.db.selectFrom('commitments as c').innerJoin('commitment_texts as x', 'x.commitment_id', 'c.id')
      .select(['c.ogp_id', 'c.source_locale', 'x.locale']).execute();
    expect(stored).toHaveLength(rows.length);
    const byId = new Map(stored.map((s) => [s.ogp_id, s]));
    const mismatches = rows.filter((row) => {
      const s = byId.get(idOf(row));
      return s?.locale !== languageOf(row) || s.source_locale !== s.locale;
    }).map(idOf);
    expect(mismatches).toEqual([]);
    expect(stored.filter((s) => s.locale === 'es')).toHaveLength(56);
    expect(byId.get('CR0016')).toMatchObject({ locale: 'es', source_locale: 'es' });
  });

  it('finds a Spanish commitment by another form of its Spanish words', async () => {
    // "potenciar" and "públicas" in the title: the Spanish stemmer makes both forms one word.
    const q = 'potencia públicos';
    const hits = await findCommitmentPage(t.db, CommitmentFiltersSchema.parse({ q }), { offset: 0 }, 100);
    expect(hits.map((h) => h.ogpId)).toContain('CR0016');
    // Stemmed as English, as before, the same title does not match these words: the Spanish stemmer finds it.
    const title = rowOf('CR0016')['Commitment Title']!;
    const asEnglish = await sql<{ matches: boolean }>`select to_tsvector('ahadi_en', ${title}) @@ ahadi_search_query(${q}) as matches`.execute(t.db);
    expect(asEnglish.rows[0]!.matches).toBe(false);
  });

  it('finds a commitment by words only its full text has, and cuts the snippet from that text (migration 014)', async () => {
    // "Tribunal Supremo de Elecciones" is listed in CR0016's full text, not in its title.
    expect(rowOf('CR0016')['Commitment Title']).not.toMatch(/tribunal|elecciones/i);
    const filters = CommitmentFiltersSchema.parse({ q: 'tribunal supremo elecciones' });
    const hits = await findCommitmentPage(t.db, filters, { offset: 0 }, 100);
    expect(hits.map((h) => h.ogpId)).toContain('CR0016');
    const [item] = await findCommitmentListItems(t.db, [hits.find((h) => h.ogpId === 'CR0016')!.id], 'en', filters.q);
    expect(item!.snippetHtml).toMatch(/<mark>Tribunal<\/mark> <mark>Supremo<\/mark> de <mark>Elecciones<\/mark>/);
  });
});

describe('import ogp-dataset over texts an older import labelled English', () => {
  let t: TestDatabase;
  beforeAll(async () => { t = await createTestDatabase(); });
  afterAll(async () => { await t.drop(); });

  /** What the importer gave before it detected languages: every text labelled English. */
  const labelledEnglish = (record: CommitmentRecordInput): CommitmentRecordInput =>
    ({ ...record, sourceLocale: 'en', texts: { en: Object.values(record.texts)[0]! } });
  /** A French translation, as a French page import brings it. */
  const inFrench = (ogpId: string, title: string): CommitmentRecordInput =>
    ({ ...rowToRecord(rowOf(ogpId)).record, sourceLocale: 'fr', texts: { fr: { title, description: 'Traduit de la page française.' } } });
  const save = (records: CommitmentRecordInput[], source: string) =>
    t.db.transaction().execute((trx) => saveCommitmentRecords(trx, records, { source }));

  it('drops the mislabelled copy of a Spanish text and keeps real translations, even one with the same title', async () => {
    await save(rows.map((row) => labelledEnglish(rowToRecord(row).record)), 'old-import.csv');
    await save([inFrench('CR0016', 'Renforcer l’ouverture des données des institutions publiques'),
      inFrench('KE0012', 'Renforcer la transparence du processus législatif'),
      // A title that is a name reads the same in every language: the text is still another one.
      inFrench('PT0006', 'Consulta.Lex')], 'page.fr.txt');
    const spanishTitle = rowOf('CR0016')['Commitment Title']!.trim();
    expect(await textsOf(t, 'CR0016')).toEqual([{ locale: 'en', title: spanishTitle }, { locale: 'fr', title: expect.any(String) }]);

    const summary = await importOgpDataset(t.db, FILE, { dryRun: false });
    expect(summary.written).toBe(true);

    expect(await textsOf(t, 'CR0016')).toEqual([
      { locale: 'es', title: spanishTitle },
      { locale: 'fr', title: 'Renforcer l’ouverture des données des institutions publiques' },
    ]);
    expect(await textsOf(t, 'KE0012')).toEqual([
      { locale: 'en', title: rowOf('KE0012')['Commitment Title']!.trim() },
      { locale: 'fr', title: 'Renforcer la transparence du processus législatif' },
    ]);
    expect(await textsOf(t, 'PT0006')).toEqual([{ locale: 'en', title: 'Consulta.Lex' }, { locale: 'fr', title: 'Consulta.Lex' }]);
    const spanish = rows.filter((row) => languageOf(row) === 'es').map(idOf);
    const leftInEnglish = await t.db.selectFrom('commitment_texts as x').innerJoin('commitments as c', 'c.id', 'x.commitment_id')
      .select('c.ogp_id').where('x.locale', '=', 'en').where('c.ogp_id', 'in', spanish).execute();
    expect(leftInEnglish).toEqual([]);
    expect(Number((await t.db.selectFrom('commitment_texts').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n))
      .toBe(rows.length + 3);
  });

  it("shows the dropped label in the commitment's history", async () => {
    const change = await t.db.selectFrom('changes as h').innerJoin('commitments as c', 'c.id', 'h.commitment_id')
      .select(['h.before', 'h.after']).where('c.ogp_id', '=', 'CR0016').where('h.reason', '=', path.basename(FILE))
      .executeTakeFirstOrThrow();
    const title = rowOf('CR0016')['Commitment Title']!.trim();
    expect(change.before).toMatchObject({ texts: { en: { title } } });
    expect(change.after).toMatchObject({ texts: { en: { title: null }, es: { title } } });
    expect(Object.keys((change.after as { texts: object }).texts).sort()).toEqual(['en', 'es']);
  });
});
