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
import { OGP_DATASET_FILE } from '../../../test/helpers/ogp-dataset.ts';

type Row = Record<string, string>;
const rows: Row[] = parse(fs.readFileSync(OGP_DATASET_FILE), { columns: true, bom: true });
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
const countTexts = async (t: TestDatabase) =>
  Number((await t.db.selectFrom('commitment_texts').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
const spanishIds = rows.filter((row) => languageOf(row) === 'es').map(idOf);

describe('import ogp-dataset: each text in its language', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
    await importOgpDataset(t.db, OGP_DATASET_FILE, { dryRun: false });
  });
  afterAll(async () => { await t.drop(); });

  it("stores every row's title and full text, once, in the language they are written in", async () => {
    const stored = await t.db.selectFrom('commitments as c').innerJoin('commitment_texts as x', 'x.commitment_id', 'c.id')
      // Every row has a full text; OGP's English title beside a text in another language has none (next test).
      .select(['c.ogp_id', 'c.source_locale', 'x.locale']).where('x.full_text', 'is not', null).execute();
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

  it("gives a row in another language OGP's Short Title as its English title, and an English row only its own title", async () => {
    const english = await t.db.selectFrom('commitments as c').innerJoin('commitment_texts as x', 'x.commitment_id', 'c.id')
      .select(['c.ogp_id', 'x.title', 'x.full_text']).where('x.locale', '=', 'en').where('c.source_locale', '<>', 'en').execute();
    expect(new Map(english.map((e) => [e.ogp_id, e]))).toEqual(new Map(spanishIds.map((id) =>
      [id, { ogp_id: id, title: rowOf(id)['Short Title']!.trim(), full_text: null }])));
    expect(spanishIds).toHaveLength(56);
    expect(await countTexts(t)).toBe(rows.length + 56);
    expect(await textsOf(t, 'CR0016')).toEqual([
      { locale: 'en', title: 'Promote Open Data in Public Institutions' },
      { locale: 'es', title: 'Potenciar la apertura de datos en las instituciones públicas' },
    ]);
  });

  it('finds a Spanish commitment by the English words of its Short Title, listed in English by its English title', async () => {
    const filters = CommitmentFiltersSchema.parse({ q: 'promote open data institutions' });
    const hits = await findCommitmentPage(t.db, filters, { offset: 0 }, 100);
    const id = hits.find((h) => h.ogpId === 'CR0016')?.id;
    expect(id).toBeDefined();
    expect(await findCommitmentListItems(t.db, [id!], 'en', filters.q)).toMatchObject([
      { ogpId: 'CR0016', title: 'Promote Open Data in Public Institutions', titleLocale: 'en' }]);
    expect(await findCommitmentListItems(t.db, [id!], 'es', filters.q)).toMatchObject([
      { ogpId: 'CR0016', title: 'Potenciar la apertura de datos en las instituciones públicas', titleLocale: 'es' }]);
    // The list without a search, in both languages.
    expect(await findCommitmentListItems(t.db, [id!], 'en', undefined)).toMatchObject([{ title: 'Promote Open Data in Public Institutions', snippetHtml: null }]);
    expect(await findCommitmentListItems(t.db, [id!], 'es', undefined)).toMatchObject([{ titleLocale: 'es' }]);
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

  it('finds a Spanish commitment by the singular of its accented plurals and the plural of its singulars (migration 016)', async () => {
    // CR0016 writes "instituciones" and "actualización", never "institución" or "actualizaciones".
    const text = `${rowOf('CR0016')['Commitment Title']} ${rowOf('CR0016')['Full Text']}`.toLowerCase();
    expect(text).toMatch(/instituciones/);
    expect(text).toMatch(/actualización/);
    expect(text).not.toMatch(/institución|actualizaciones/);
    for (const q of ['institución', 'actualizaciones', 'Actualizaciones de las instituciones']) {
      const hits = await findCommitmentPage(t.db, CommitmentFiltersSchema.parse({ q }), { offset: 0 }, 100);
      expect(hits.map((h) => h.ogpId), q).toContain('CR0016');
    }
  });

  it('finds a Spanish commitment by the singular of its plurals typed without the accent (migration 017)', async () => {
    // CR0016 writes "instituciones", never "institución" or "institucion"; typed on a phone, the accent is often left out.
    const text = `${rowOf('CR0016')['Commitment Title']} ${rowOf('CR0016')['Full Text']}`.toLowerCase();
    expect(text).not.toMatch(/instituci[oó]n\b/);
    for (const q of ['institucion', 'INSTITUCION', 'actualizacion de las institucion']) {
      const hits = await findCommitmentPage(t.db, CommitmentFiltersSchema.parse({ q }), { offset: 0 }, 100);
      expect(hits.map((h) => h.ogpId), q).toContain('CR0016');
    }
  });

  it('finds a commitment by words only its full text has, and cuts the snippet from that text (migration 014)', async () => {
    // "Tribunal Supremo de Elecciones" is listed in CR0016's full text, not in its title.
    expect(rowOf('CR0016')['Commitment Title']).not.toMatch(/tribunal|elecciones/i);
    const filters = CommitmentFiltersSchema.parse({ q: 'tribunal supremo elecciones' });
    const hits = await findCommitmentPage(t.db, filters, { offset: 0 }, 100);
    expect(hits.map((h) => h.ogpId)).toContain('CR0016');
    // Listed in English: the English title (which has no prose), the snippet from the Spanish full text.
    const [item] = await findCommitmentListItems(t.db, [hits.find((h) => h.ogpId === 'CR0016')!.id], 'en', filters.q);
    expect(item!.titleLocale).toBe('en');
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

  it('replaces the mislabelled copy of a Spanish text by the English title and keeps real translations, even one with the same title', async () => {
    await save(rows.map((row) => labelledEnglish(rowToRecord(row).record)), 'old-import.csv');
    await save([inFrench('CR0016', 'Renforcer l’ouverture des données des institutions publiques'),
      inFrench('KE0012', 'Renforcer la transparence du processus législatif'),
      // A title that is a name reads the same in every language: the text is still another one.
      inFrench('PT0006', 'Consulta.Lex')], 'page.fr.txt');
    const spanishTitle = rowOf('CR0016')['Commitment Title']!.trim();
    expect(await textsOf(t, 'CR0016')).toEqual([{ locale: 'en', title: spanishTitle }, { locale: 'fr', title: expect.any(String) }]);

    const summary = await importOgpDataset(t.db, OGP_DATASET_FILE, { dryRun: false });
    expect(summary.written).toBe(true);

    expect(await textsOf(t, 'CR0016')).toEqual([
      { locale: 'en', title: 'Promote Open Data in Public Institutions' },
      { locale: 'es', title: spanishTitle },
      { locale: 'fr', title: 'Renforcer l’ouverture des données des institutions publiques' },
    ]);
    expect(await textsOf(t, 'KE0012')).toEqual([
      { locale: 'en', title: rowOf('KE0012')['Commitment Title']!.trim() },
      { locale: 'fr', title: 'Renforcer la transparence du processus législatif' },
    ]);
    expect(await textsOf(t, 'PT0006')).toEqual([{ locale: 'en', title: 'Consulta.Lex' }, { locale: 'fr', title: 'Consulta.Lex' }]);
    // Under 'en', each Spanish commitment now has OGP's English title only: no Spanish text is left there.
    const inEnglish = await t.db.selectFrom('commitment_texts as x').innerJoin('commitments as c', 'c.id', 'x.commitment_id')
      .select(['c.ogp_id', 'x.title', 'x.full_text']).where('x.locale', '=', 'en').where('c.ogp_id', 'in', spanishIds).execute();
    expect(new Map(inEnglish.map((e) => [e.ogp_id, [e.title, e.full_text]])))
      .toEqual(new Map(spanishIds.map((id) => [id, [rowOf(id)['Short Title']!.trim(), null]])));
    expect(await countTexts(t)).toBe(rows.length + spanishIds.length + 3);
  });

  it("shows the English title replacing the mislabelled text in the commitment's history", async () => {
    const change = await t.db.selectFrom('changes as h').innerJoin('commitments as c', 'c.id', 'h.commitment_id')
      .select(['h.before', 'h.after']).where('c.ogp_id', '=', 'CR0016').where('h.reason', '=', path.basename(OGP_DATASET_FILE))
      .executeTakeFirstOrThrow();
    const title = rowOf('CR0016')['Commitment Title']!.trim();
    expect(change.before).toMatchObject({ texts: { en: { title } } });
    expect(change.after).toMatchObject({ texts: { en: { title: 'Promote Open Data in Public Institutions' }, es: { title } } });
    expect(Object.keys((change.after as { texts: object }).texts).sort()).toEqual(['en', 'es']);
  });
});

describe("import ogp-dataset over the previous importer's texts (each in its language, no English title)", () => {
  let t: TestDatabase;
  beforeAll(async () => { t = await createTestDatabase(); });
  afterAll(async () => { await t.drop(); });

  /** What the importer gave before it stored OGP's Short Title: only the text in the row's language. */
  const withoutEnglishTitle = (record: CommitmentRecordInput): CommitmentRecordInput =>
    ({ ...record, texts: { [record.sourceLocale]: record.texts[record.sourceLocale]! } });
  const storedTexts = async () => (await t.db.selectFrom('commitment_texts as x').innerJoin('commitments as c', 'c.id', 'x.commitment_id')
    .select(['c.ogp_id', 'x.locale', 'x.title', 'x.full_text']).orderBy('c.ogp_id').orderBy('x.locale').execute());

  it('adds the English title to the 56 Spanish commitments only, and a second import changes nothing', async () => {
    await t.db.transaction().execute((trx) => saveCommitmentRecords(trx, rows.map((row) => withoutEnglishTitle(rowToRecord(row).record)), { source: 'previous.csv' }));
    const before = await storedTexts();
    expect(before).toHaveLength(rows.length);
    const lastChange = await t.db.selectFrom('changes').select((eb) => eb.fn.max('id').as('id')).executeTakeFirstOrThrow();

    const summary = await importOgpDataset(t.db, OGP_DATASET_FILE, { dryRun: false });
    expect(summary.counts).toEqual({ created: 0, updated: 56, unchanged: rows.length - 56, rejected: 0, skipped: 0 });
    const after = await storedTexts();
    const added = after.filter((a) => !before.some((b) => b.ogp_id === a.ogp_id && b.locale === a.locale));
    expect(new Map(added.map((a) => [a.ogp_id, [a.locale, a.title, a.full_text]])))
      .toEqual(new Map(spanishIds.map((id) => [id, ['en', rowOf(id)['Short Title']!.trim(), null]])));
    expect(after.filter((a) => !added.includes(a))).toEqual(before);
    // One history entry per commitment given its English title, and none for the others.
    const changed = await t.db.selectFrom('changes as h').innerJoin('commitments as c', 'c.id', 'h.commitment_id')
      .select(['c.ogp_id', 'h.after']).where('h.id', '>', lastChange.id!).execute();
    expect(changed.map((c) => c.ogp_id).sort()).toEqual(spanishIds.toSorted());
    const after16 = changed.find((c) => c.ogp_id === 'CR0016')!.after as { texts: Record<string, object> };
    expect(Object.keys(after16.texts)).toEqual(['en']);
    expect(after16.texts.en).toMatchObject({ title: 'Promote Open Data in Public Institutions', description: null });

    const again = await importOgpDataset(t.db, OGP_DATASET_FILE, { dryRun: false });
    expect(again.counts).toEqual({ created: 0, updated: 0, unchanged: rows.length, rejected: 0, skipped: 0 });
    expect(await storedTexts()).toEqual(after);
  });
});
