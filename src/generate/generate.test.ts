import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CommitmentRecordSchema, type CommitmentRecordInput } from '../commitments/commitment-record.ts';
import { CommitmentFiltersSchema, NO_FILTERS } from '../commitments/commitment-filters.ts';
import { countCommitments } from '../commitments/commitment-list.queries.ts';
import { POLICY_AREA_COLUMNS } from '../policy-areas/dataset-columns.ts';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/database.ts';
import { generateRecords, outline, rowsOf } from './data-set.ts';
import { saveDataSet } from './save-data-set.ts';

const options = { commitments: 3000, members: 200, seed: 'test' };
const records = [...generateRecords(options)];

describe('the synthetic data set', () => {
  it('is the same for the same seed, and differs for another', () => {
    const small = { commitments: 300, members: 40, seed: 'same' };
    expect([...generateRecords(small)]).toEqual([...generateRecords(small)]);
    const other = [...generateRecords({ ...small, seed: 'other' })];
    expect(other[0]).not.toEqual([...generateRecords(small)][0]);
  });

  it('gives every record in a form CommitmentRecordSchema accepts', () => {
    const rejected = records.map((r) => ({ id: r.ogpId, result: CommitmentRecordSchema.safeParse(r) }))
      .filter((r) => !r.result.success).map((r) => `${r.id}: ${r.result.error?.issues[0]?.message}`);
    expect(rejected).toEqual([]);
  });

  it('has exactly the commitments asked for, with unique ids, over the members asked for', () => {
    expect(records).toHaveLength(options.commitments);
    expect(new Set(records.map((r) => r.ogpId)).size).toBe(options.commitments);
    const members = outline(options);
    expect(members).toHaveLength(options.members);
    const national = members.filter((m) => m.member.kind === 'national');
    expect(national.length / members.length).toBeGreaterThanOrEqual(0.75);
    expect(national.length / members.length).toBeLessThanOrEqual(0.85);
    for (const m of national) expect(m.member.ogpPrefix).toMatch(/^[A-Z]{2}$/);
    for (const m of members.filter((x) => x.member.kind !== 'national')) expect(m.member.ogpPrefix).toMatch(/^[A-Z]{3,4}$/);
    // No real member's prefix: Kenya (the demo) and the United Kingdom ("UK", not an ISO code) are never generated.
    expect(members.map((m) => m.member.ogpPrefix)).not.toContain('KE');
    expect(members.map((m) => m.member.ogpPrefix)).not.toContain('UK');
    expect(new Set(members.map((m) => m.member.slug)).size).toBe(members.length);
    for (const m of members) {
      expect(m.plans.length).toBeGreaterThanOrEqual(1);
      expect(m.plans.length).toBeLessThanOrEqual(6);
      for (const p of m.plans) {
        expect(p.startYear).toBeGreaterThanOrEqual(2011);
        expect(p.startYear).toBeLessThanOrEqual(2024);
        expect(p.endYear - p.startYear).toBeGreaterThanOrEqual(1);
        expect(p.endYear - p.startYear).toBeLessThanOrEqual(4);
      }
    }
  });

  it('numbers commitments within plans', () => {
    const byPlan = new Map<string, CommitmentRecordInput[]>();
    for (const r of records) {
      const key = `${r.member.ogpPrefix}:${r.actionPlan.number}`;
      byPlan.set(key, [...(byPlan.get(key) ?? []), r]);
    }
    for (const plan of byPlan.values()) {
      const numbers = plan.map((r) => r.numberInPlan ?? r.numberLabel);
      expect(new Set(numbers).size).toBe(plan.length);
      if (plan[0]!.numberInPlan !== undefined) expect(plan.map((r) => r.numberInPlan)).toEqual(plan.map((_, i) => i + 1));
    }
  });

  it('has realistic sizes and distributions', () => {
    const milestones = records.map((r) => r.milestones?.length ?? 0);
    const average = milestones.reduce((a, b) => a + b, 0) / records.length;
    expect(average).toBeGreaterThan(4.5);
    expect(average).toBeLessThan(5.5);
    expect(new Set(milestones).size).toBeGreaterThan(6);
    for (const r of records) {
      const description = r.texts[r.sourceLocale]!.description!;
      expect(description.length).toBeGreaterThanOrEqual(400);
      expect(description.length).toBeLessThanOrEqual(1500);
      expect(r.leadInstitutions.length).toBeGreaterThanOrEqual(1);
      expect(r.leadInstitutions.length).toBeLessThanOrEqual(3);
      expect(r.supportingInstitutions.length).toBeLessThanOrEqual(8);
      expect(r.policyAreas.length).toBeGreaterThanOrEqual(1);
      expect(r.policyAreas.length).toBeLessThanOrEqual(4);
      expect(rowsOf(r)).toBeGreaterThan(3);
    }
    const sources = count(records.map((r) => r.sourceLocale));
    for (const language of ['en', 'fr', 'es', 'sw', 'pt']) expect(sources.get(language) ?? 0).toBeGreaterThan(records.length * 0.005);
    const translated = records.filter((r) => r.sourceLocale !== 'en' && r.texts.en !== undefined).length;
    expect(translated).toBeGreaterThan(0);
    expect(translated).toBeLessThan(records.filter((r) => r.sourceLocale !== 'en').length);
    const knownAreas = new Set(Object.values(POLICY_AREA_COLUMNS));
    expect(records.flatMap((r) => r.policyAreas).filter((k) => !knownAreas.has(k))).toEqual([]);
    const precisions = count<string | undefined>(records.flatMap((r) => (r.milestones ?? []).flatMap((m) => [m.start?.precision, m.end?.precision])));
    for (const p of ['month', 'quarter', 'year']) expect(precisions.get(p) ?? 0).toBeGreaterThan(0);
  });

  it('has IRM reviews of both methods, with their sentinel states', () => {
    const reviews = records.flatMap((r) => r.irmReviews);
    const methods = count(reviews.map((r) => r.method));
    expect(methods.get('irm_2012')).toBeGreaterThan(reviews.length * 0.1);
    expect(methods.get('irm_2020')).toBeGreaterThan(reviews.length * 0.1);
    expect(new Set(reviews.map((r) => r.report))).toEqual(new Set(['progress', 'end_of_term', 'action_plan_review', 'results']));
    const states = count<string>(reviews.flatMap((r) => r.ratings.map((x) => x.state)));
    expect(states.get('assessed')!).toBeGreaterThan(reviews.length);
    for (const sentinel of ['no_data', 'not_reviewed', 'not_applicable']) expect(states.get(sentinel) ?? 0).toBeGreaterThan(0);
    const completion = count(reviews.flatMap((r) => r.ratings).filter((x) => x.indicator === 'completion' && x.value).map((x) => x.value));
    expect(completion.get('limited')!).toBeGreaterThan(completion.get('not_started') ?? 0);
  });
});

describe('saving the synthetic data set', () => {
  let database: TestDatabase;
  const small = { commitments: 200, members: 30, seed: 'save' };
  const saved = [...generateRecords(small)];
  beforeAll(async () => { database = await createTestDatabase(); });
  afterAll(async () => { await database.drop(); });

  it('stores every record, and the list counts match the generated set', async () => {
    const progress: number[] = [];
    const summary = await saveDataSet(database.db, small, { batchSize: 64, onProgress: (p) => progress.push(p.commitments) });
    expect(summary.commitments).toBe(200);
    expect(progress.at(-1)).toBe(200);
    expect(await countCommitments(database.db, NO_FILTERS)).toBe(200);

    const member = saved[0]!.member;
    const ofMember = saved.filter((r) => r.member.slug === member.slug).length;
    expect(await countCommitments(database.db, CommitmentFiltersSchema.parse({ member: member.slug }))).toBe(ofMember);

    const area = saved[0]!.policyAreas[0]!;
    const inArea = saved.filter((r) => r.policyAreas.includes(area)).length;
    expect(await countCommitments(database.db, CommitmentFiltersSchema.parse({ area }))).toBe(inArea);
    const both = saved.filter((r) => r.member.slug === member.slug && r.policyAreas.includes(area)).length;
    expect(await countCommitments(database.db, CommitmentFiltersSchema.parse({ member: member.slug, area }))).toBe(both);

    const milestones = await database.db.selectFrom('milestones').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(Number(milestones.n)).toBe(saved.reduce((n, r) => n + (r.milestones?.length ?? 0), 0));
  });

  it('saves again without duplicating (upsert by OGP id)', async () => {
    await saveDataSet(database.db, small, { batchSize: 100 });
    expect(await countCommitments(database.db, NO_FILTERS)).toBe(200);
  });
});

function count<T>(values: T[]): Map<T, number> {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
}
