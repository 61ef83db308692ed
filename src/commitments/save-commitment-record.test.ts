import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../test/helpers/database.ts';
import { demoCommitments } from '../demo/demo-data.ts';
import { saveCommitmentRecord } from './save-commitment-record.ts';
import { findCommitmentDetail } from './commitment.queries.ts';
import type { CommitmentRecordInput } from './commitment-record.ts';

const t = useTestDatabase();

const seedLike = demoCommitments.find((c) => c.ogpId === 'KE0031')!;
const save = (record: CommitmentRecordInput) => t.db.transaction().execute((trx) => saveCommitmentRecord(trx, record));
const count = async (table: 'members' | 'action_plans' | 'commitments' | 'milestones' | 'institutions' | 'irm_ratings') =>
  Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

describe('saveCommitmentRecord', () => {
  it('stores every part of a commitment and reads it back whole', async () => {
    const result = await save(seedLike);
    expect(result.created).toBe(true);
    const c = await findCommitmentDetail(t.db, 'KE0031', 'fr');
    expect(c).toBeDefined();
    expect(c!.numberInPlan).toBe(8);
    expect(c!.actionPlan).toMatchObject({ number: 4, ogpPlanId: 'AP_KEN04', submissionYear: 2020, startYear: 2020, endYear: 2022 });
    expect(c!.texts.fr?.title).toBe("Renforcer l'appui institutionnel au PGO");
    expect(c!.leadInstitutions.map((i) => i.name)).toEqual(['Office of the Deputy President', 'Commission on Administrative Justice']);
    expect(c!.supportingInstitutions.government).toHaveLength(5);
    expect(c!.supportingInstitutions.other.map((i) => i.kind)).toEqual(['academia', 'media', 'civil_society']);
    expect(c!.policyAreas).toHaveLength(2);
    expect(c!.policyAreas).toEqual(expect.arrayContaining([
      { key: 'capacity-building', label: 'Renforcement des capacités' },
      { key: 'public-participation', label: 'Participation du public' },
    ]));
    expect(c!.milestones).toHaveLength(7);
    expect(c!.milestones[3]).toMatchObject({ number: 4, declaredStatus: 'ongoing', start: { date: '2021-03-01', precision: 'month' } });
    const results = c!.irmReviews.find((r) => r.report === 'results')!;
    expect(results.ratings).toContainEqual({ indicator: 'completion', state: 'assessed', value: 'limited' });
    expect(results.derived).toEqual({ ambition: 'low', starred: null });
  });

  it('updates on a second save and never duplicates', async () => {
    const before = await Promise.all((['members', 'action_plans', 'commitments', 'milestones', 'institutions', 'irm_ratings'] as const).map(count));
    const changed = { ...seedLike, texts: { ...seedLike.texts, en: { ...seedLike.texts.en!, title: 'A changed title' } } };
    const result = await save(changed);
    expect(result.created).toBe(false);
    const after = await Promise.all((['members', 'action_plans', 'commitments', 'milestones', 'institutions', 'irm_ratings'] as const).map(count));
    expect(after).toEqual(before);
    expect((await findCommitmentDetail(t.db, 'KE0031', 'en'))!.texts.en!.title).toBe('A changed title');
  });

  it('rejects a bad record, naming the field, and writes nothing', async () => {
    const before = await count('commitments');
    const bad = { ...seedLike, ogpId: 'KE0099', milestones: [{ ...seedLike.milestones![0]!, start: { date: '2021-13-01', precision: 'month', raw: 'x' } }] } as CommitmentRecordInput;
    await expect(save(bad)).rejects.toThrow(/milestones.*start.*date|date/);
    const unknownArea = { ...seedLike, ogpId: 'KE0098', policyAreas: ['no-such-area'] };
    await expect(save(unknownArea)).rejects.toThrow('policyAreas: unknown policy area no-such-area');
    expect(await count('commitments')).toBe(before);
  });

  it('refuses an id that does not belong to the member', async () => {
    await expect(save({ ...seedLike, ogpId: 'UG0001' })).rejects.toThrow(/ogpId/);
  });
});
