import { beforeAll, describe, expect, it } from 'vitest';
import { tableContents, useTestDatabase } from '../../test/helpers/database.ts';
import { createAccount } from '../accounts/account.factories.ts';
import { loadDemo } from '../demo/load-demo.ts';
import { MilestoneInUseError, saveMilestoneLists, type MilestoneList } from './save-milestones.ts';

// The demo's KE0031 has milestones 1 to 7; KE0024 none. Each test saves its lists in a transaction it rolls back.
const t = useTestDatabase();
let ke0031: string;
beforeAll(async () => {
  await loadDemo(t.db);
  ke0031 = (await t.db.selectFrom('commitments').select('id').where('ogp_id', '=', 'KE0031').executeTakeFirstOrThrow()).id;
});

class RollBack extends Error {}
/** Runs `work` in a transaction that is then undone, and gives what it returned. */
async function undone<V>(work: (trx: Parameters<typeof saveMilestoneLists>[0]) => Promise<V>): Promise<V> {
  let value: V | undefined;
  await t.db.transaction().execute(async (trx) => {
    value = await work(trx);
    throw new RollBack();
  }).catch((error: unknown) => { if (!(error instanceof RollBack)) throw error; });
  return value!;
}

const milestoneId = async (number: number) => (await t.db.selectFrom('milestones').select('id')
  .where('commitment_id', '=', ke0031).where('number', '=', number).executeTakeFirstOrThrow()).id;
/** KE0031's milestones 1 to `last`, with texts of their own. */
const firstMilestones = (last: number): MilestoneList => ({
  commitmentId: ke0031,
  milestones: Array.from({ length: last }, (_, i) => ({ number: i + 1, texts: { en: `Milestone ${i + 1} as the file says` } })),
});

describe('saveMilestoneLists', () => {
  it('removes the milestones a list no longer has, says which, and forgets the reminders sent about them', async () => {
    const account = await createAccount(t.db, { role: 'administrator' });
    await t.db.insertInto('reminders_sent').values({ kind: 'milestone_overdue', milestone_id: await milestoneId(7), account_id: account.id, about_date: '2022-01-01' }).execute();
    const [saved] = await undone(async (trx) => {
      const result = await saveMilestoneLists(trx, [firstMilestones(6)]);
      expect(await trx.selectFrom('milestones').select('number').where('commitment_id', '=', ke0031).orderBy('number').execute())
        .toEqual([1, 2, 3, 4, 5, 6].map((number) => ({ number })));
      return result;
    });
    expect(saved!.outcomes).toEqual(Array(6).fill('updated'));
    expect(saved!.removed).toEqual([{ number: 7, texts: expect.objectContaining({ en: expect.any(String) }) }]);
  });

  it('refuses, writing nothing and naming the commitment and number, to remove a milestone of a closed round\'s record', async () => {
    const plan = (await t.db.selectFrom('commitments').select('action_plan_id').where('id', '=', ke0031).executeTakeFirstOrThrow()).action_plan_id;
    const round = await t.db.insertInto('reporting_rounds').values({ action_plan_id: plan, label: 'Snapshot test', deadline: new Date('2021-01-01'), closed_at: new Date('2021-02-01') })
      .returning('id').executeTakeFirstOrThrow();
    await t.db.insertInto('reporting_round_snapshots').values({ reporting_round_id: round.id, milestone_id: await milestoneId(7) }).execute();
    const before = await tableContents(t.db, ['milestones', 'milestone_texts', 'changes']);
    const refusal = await undone(async (trx) => saveMilestoneLists(trx, [firstMilestones(6)]).then(() => undefined, (error: unknown) => error));
    expect(refusal).toBeInstanceOf(MilestoneInUseError);
    expect((refusal as Error).message).toBe('KE0031 milestone 7 is in the published record of a closed reporting round; it is kept: '
      + 'an import never deletes a milestone with reports or evidence, so the file must still list it');
    expect(await tableContents(t.db, ['milestones', 'milestone_texts', 'changes'])).toBe(before);
    await t.db.deleteFrom('reporting_round_snapshots').where('reporting_round_id', '=', round.id).execute();
  });

  it('records history only when asked: touched fields only, no entry for a change of raw date text alone', async () => {
    const list = (end: { date: string; precision: 'month'; raw: string }) => ({
      commitmentId: ke0031, alsoKeep: [1, 2, 3, 4, 5, 6, 7], milestones: [{ number: 2, end, texts: { fr: 'Deuxième jalon' } }],
    });
    const entries = await undone(async (trx) => {
      const last = (await trx.selectFrom('changes').select((eb) => eb.fn.max('id').as('id')).executeTakeFirstOrThrow()).id ?? '0';
      const written = () => trx.selectFrom('changes').select(['entity_id', 'before', 'after', 'reason', 'actor_id']).where('id', '>', last).execute();
      await saveMilestoneLists(trx, [list({ date: '2023-05-01', precision: 'month', raw: 'May 2023' })]);
      expect(await written()).toEqual([]);
      await saveMilestoneLists(trx, [list({ date: '2023-06-01', precision: 'month', raw: 'June 2023' })], { history: { source: 'plan.csv' } });
      await saveMilestoneLists(trx, [list({ date: '2023-06-01', precision: 'month', raw: 'juin 2023' })], { history: { source: 'plan.csv' } });
      return written();
    });
    expect(entries).toEqual([{
      entity_id: await milestoneId(2), reason: 'plan.csv', actor_id: null,
      before: { end: { date: '2023-05-01', precision: 'month' } }, after: { end: { date: '2023-06-01', precision: 'month' } },
    }]);
  });
});
