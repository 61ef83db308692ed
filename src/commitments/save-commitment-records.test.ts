import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../test/helpers/database.ts';
import { demoCommitments } from '../demo/demo-data.ts';
import { findCommitmentDetail } from './commitment.queries.ts';
import type { CommitmentRecordInput } from './commitment-record.ts';
import { saveCommitmentRecords } from './save-commitment-records.ts';

const t = useTestDatabase();

const save = (records: CommitmentRecordInput[]) => t.db.transaction().execute((trx) => saveCommitmentRecords(trx, records));
const outcomes = async (records: CommitmentRecordInput[]) => (await save(records)).map((r) => `${r.ogpId} ${r.outcome}`);
const count = async (table: 'commitments' | 'milestones' | 'institutions' | 'irm_ratings' | 'commitment_institutions') =>
  Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

const kenya = demoCommitments.find((c) => c.ogpId === 'KE0031')!;
/** A plain commitment of the demo's plan, numbered `n`, with one lead institution. */
const plain = (n: number, extra: Partial<CommitmentRecordInput> = {}): CommitmentRecordInput => ({
  member: kenya.member, actionPlan: kenya.actionPlan, ogpId: `KE${String(n).padStart(4, '0')}`, sourceLocale: 'en',
  texts: { en: { title: `Commitment ${n}` } }, leadInstitutions: [{ name: 'Ministry of Finance', kind: 'ministry' }],
  supportingInstitutions: [], policyAreas: ['open-data'], irmReviews: [], ...extra,
});

describe('saveCommitmentRecords', () => {
  it('saves a batch in one go and says, per record, created, updated or unchanged', async () => {
    const batch = [kenya, ...Array.from({ length: 30 }, (_, i) => plain(100 + i))];
    expect(new Set(await outcomes(batch))).toEqual(new Set(batch.map((r) => `${r.ogpId} created`)));
    expect(await count('commitments')).toBe(31);
    // The shared institution is one record, linked 30 times.
    expect(await count('institutions')).toBe(kenya.leadInstitutions.length + kenya.supportingInstitutions.length + 1);
    const changed = batch.map((r, i) => (i === 3 ? { ...r, texts: { en: { title: 'A new title' } } } : r));
    expect((await outcomes(changed)).filter((o) => !o.endsWith('unchanged'))).toEqual(['KE0102 updated']);
    expect((await findCommitmentDetail(t.db, 'KE0102', 'en'))!.texts.en!.title).toBe('A new title');
  });

  it('stores what the first save stored when the same record comes again (nothing is rewritten)', async () => {
    const before = await Promise.all((['commitments', 'milestones', 'institutions', 'irm_ratings', 'commitment_institutions'] as const).map(count));
    expect((await outcomes([kenya])).at(0)).toBe('KE0031 unchanged');
    expect(await Promise.all((['commitments', 'milestones', 'institutions', 'irm_ratings', 'commitment_institutions'] as const).map(count))).toEqual(before);
    expect((await findCommitmentDetail(t.db, 'KE0031', 'en'))!.milestones).toHaveLength(7);
  });

  it('keeps the stored milestones when a record says nothing about them, and replaces them when it does', async () => {
    const { milestones: _milestones, ...withoutMilestones } = kenya;
    expect((await outcomes([{ ...withoutMilestones, numberInPlan: 9 }])).at(0)).toBe('KE0031 updated');
    expect((await findCommitmentDetail(t.db, 'KE0031', 'en'))!.milestones).toHaveLength(7);
    await save([{ ...kenya, milestones: kenya.milestones!.slice(0, 2) }]);
    expect((await findCommitmentDetail(t.db, 'KE0031', 'en'))!.milestones.map((m) => m.number)).toEqual([1, 2]);
    await save([kenya]);
    expect((await findCommitmentDetail(t.db, 'KE0031', 'en'))!.milestones).toHaveLength(7);
  });

  it('links a commitment carried over from one saved in the same batch', async () => {
    await save([plain(201, { carriedOverFrom: 'KE0200' }), plain(200)]);
    expect((await findCommitmentDetail(t.db, 'KE0201', 'en'))!.carriedOverFrom).toBe('KE0200');
  });

  it('warns about a carried-over commitment that is not there yet, and links it on a later save', async () => {
    const [first] = await save([plain(301, { carriedOverFrom: 'KE0300' })]);
    expect(first!.warnings).toEqual(['KE0301: carried over from KE0300, which is not in the database yet']);
    await save([plain(300)]);
    expect((await outcomes([plain(301, { carriedOverFrom: 'KE0300' })])).at(0)).toBe('KE0301 updated');
    expect((await findCommitmentDetail(t.db, 'KE0301', 'en'))!.carriedOverFrom).toBe('KE0300');
  });

  it('keeps dates it could not read as the words written, and the number as the plan writes it', async () => {
    await save([plain(400, { start: { raw: 'Underway' }, end: { date: '2022-06-01', precision: 'month', raw: 'June 2022' }, numberLabel: '2.1' })]);
    const row = await t.db.selectFrom('commitments').selectAll().where('ogp_id', '=', 'KE0400').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ start_date: null, start_precision: null, start_raw: 'Underway', end_date: '2022-06-01', end_precision: 'month', number_label: '2.1', number_in_plan: null });
  });

  it('refuses a batch that names one commitment twice, and a record that breaks the schema, naming the field', async () => {
    await expect(save([plain(500), plain(500)])).rejects.toThrow('ogpId: KE0500 appears twice in one batch');
    await expect(save([plain(501, { start: { date: '2021-02-30', precision: 'day', raw: '30/2/2021' } })])).rejects.toThrow(/start/);
    await expect(save([plain(502, { irmReviews: [{ method: 'irm_2012', report: 'results', texts: {}, ratings: [] }] })])).rejects.toThrow(/report.*belongs to the method|the report belongs to the method/s);
  });

  it('keeps a status set in Ahadi when a source gives none, and takes one a source gives', async () => {
    await save([plain(600)]);
    await t.db.updateTable('commitments').set({ status: 'withdrawn' }).where('ogp_id', '=', 'KE0600').execute();
    expect((await outcomes([plain(600, { texts: { en: { title: 'Renamed' } } })])).at(0)).toBe('KE0600 updated');
    const status = async () => (await t.db.selectFrom('commitments').select('status').where('ogp_id', '=', 'KE0600').executeTakeFirstOrThrow()).status;
    expect(await status()).toBe('withdrawn');
    // The history lists the title, not a status that did not change.
    const change = await t.db.selectFrom('changes').select('after').where('command', '=', 'import_commitment').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(Object.keys(change.after as object).sort()).toEqual(['recordHash', 'texts']);
    await save([plain(600, { status: 'active', texts: { en: { title: 'Renamed' } } })]);
    expect(await status()).toBe('active');
  });

  it('leaves a text that did not change as it is, its search vector in step with its milestones and its words', async () => {
    const texts = async () => (await sql<{ version: string; current: boolean; found: boolean }>`
      select t.xmin::text as version, t.search_vector = commitment_text_vector(t) as current,
        t.search_vector @@ to_tsquery('ahadi_en', 'lighthouse') as found
      from commitment_texts t join commitments c on c.id = t.commitment_id where c.ogp_id = 'KE0700'`.execute(t.db)).rows;
    await save([plain(700)]);
    const [stored] = await texts();
    // Another number: the commitment is updated, its text is not rewritten (nor its vector parsed again).
    expect((await outcomes([plain(700, { numberInPlan: 7 })])).at(0)).toBe('KE0700 updated');
    expect(await texts()).toEqual([stored]);
    await save([plain(700, { numberInPlan: 7, milestones: [{ number: 1, texts: { en: 'Open the lighthouse registry' } }] })]);
    expect(await texts()).toEqual([expect.objectContaining({ current: true, found: true })]);
    await save([plain(700, { numberInPlan: 7, milestones: [], texts: { en: { title: 'Lighthouse keepers' } } })]);
    expect(await texts()).toEqual([expect.objectContaining({ current: true, found: true })]);
    expect((await texts())[0]!.version).not.toBe(stored!.version);
  });

  it('rewrites only the IRM ratings and policy areas that changed, and stores the changes', async () => {
    const rows = async () => (await sql<{ what: string; version: string }>`
      select r.report || ' ' || g.indicator || ' ' || coalesce(g.value, '') as what, g.xmin::text as version
      from irm_ratings g join irm_reviews r on r.id = g.irm_review_id join commitments c on c.id = r.commitment_id where c.ogp_id = 'KE0800'
      union all
      select 'area ' || p.policy_area_key, p.xmin::text from commitment_policy_areas p join commitments c on c.id = p.commitment_id
      where c.ogp_id = 'KE0800' order by 1`.execute(t.db)).rows;
    const areas = kenya.policyAreas.slice(0, 2);
    await save([plain(800, { irmReviews: kenya.irmReviews, policyAreas: areas })]);
    const stored = await rows();
    const [review, results] = kenya.irmReviews;
    const completed = { ...results!, ratings: results!.ratings.map((r) => (r.indicator === 'completion' ? { ...r, value: 'substantial' } : r)) };
    expect((await outcomes([plain(800, { irmReviews: [review!, completed], policyAreas: areas })])).at(0)).toBe('KE0800 updated');
    const after = await rows();
    expect(after.filter((r) => !r.what.startsWith('results '))).toEqual(stored.filter((r) => !r.what.startsWith('results ')));
    expect(after.filter((r) => r.what.startsWith('results ')).map((r) => r.what))
      .toEqual(stored.filter((r) => r.what.startsWith('results ')).map((r) => r.what.replace('completion limited', 'completion substantial')));
    await save([plain(800, { irmReviews: [review!, completed], policyAreas: areas.slice(1) })]);
    expect((await rows()).filter((r) => r.what.startsWith('area ')).map((r) => r.what)).toEqual([`area ${areas[1]}`]);
  });

  it("keeps a member's address when a source renames it", async () => {
    const slug = async () => (await t.db.selectFrom('members').select(['slug', 'name']).where('ogp_prefix', '=', 'KE').executeTakeFirstOrThrow());
    const before = await slug();
    await save([plain(601, { member: { ...kenya.member, name: 'Republic of Kenya', slug: 'republic-of-kenya' } })]);
    expect(await slug()).toEqual({ slug: before.slug, name: 'Republic of Kenya' });
  });
});
