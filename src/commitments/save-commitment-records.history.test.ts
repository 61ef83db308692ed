import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/database.ts';
import { createAccount } from '../accounts/account.factories.ts';
import type { CurrentUser } from '../accounts/current-user.ts';
import { demoCommitments } from '../demo/demo-data.ts';
import { intlFor } from '../i18n/intl.ts';
import { editCommitment } from './commands/edit-commitment.ts';
import { commitmentVersion } from './commands/edit-version.ts';
import { diffRows } from './commitment-history.page.tsx';
import { findChanges } from './commitment-history.queries.ts';
import type { CommitmentRecordInput } from './commitment-record.ts';
import { saveCommitmentRecords } from './save-commitment-records.ts';

let t: TestDatabase;
beforeAll(async () => { t = await createTestDatabase(); });
afterAll(async () => { await t.drop(); });

const SOURCE = 'ogp_commitments_2024-07.csv';
const kenya = demoCommitments.find((c) => c.ogpId === 'KE0031')!;
const record = (n: number, title: string): CommitmentRecordInput => ({
  member: kenya.member, actionPlan: kenya.actionPlan, ogpId: `KE${String(n).padStart(4, '0')}`, sourceLocale: 'en',
  texts: { en: { title, description: 'Publish budgets.' } }, leadInstitutions: [{ name: 'Ministry of Finance', kind: 'ministry' }],
  supportingInstitutions: [], policyAreas: ['open-data'], irmReviews: [],
});
const save = (records: CommitmentRecordInput[]) => t.db.transaction().execute((trx) => saveCommitmentRecords(trx, records, { source: SOURCE }));
const idOf = async (ogpId: string) => (await t.db.selectFrom('commitments').select('id').where('ogp_id', '=', ogpId).executeTakeFirstOrThrow()).id;
const importChanges = () => t.db.selectFrom('changes').selectAll().where('command', '=', 'import_commitment').orderBy('id').execute();

describe('saveCommitmentRecords history', () => {
  it('writes one import_commitment change per created commitment, with no actor and the source as reason', async () => {
    await save([record(600, 'Open budgets'), record(601, 'Open contracts')]);
    const changes = await importChanges();
    expect(changes).toHaveLength(2);
    expect(changes.map((c) => c.commitment_id)).toEqual([await idOf('KE0600'), await idOf('KE0601')]);
    for (const change of changes) {
      expect(change).toMatchObject({ actor_id: null, entity_type: 'commitment', reason: SOURCE, before: {} });
      expect(change.entity_id).toBe(change.commitment_id);
      expect(change.after).toMatchObject({ texts: { en: { title: expect.any(String), description: 'Publish budgets.' } } });
    }
  });

  it('writes nothing for an unchanged record, and only the touched fields for a changed one', async () => {
    const before = (await importChanges()).length;
    await save([record(600, 'Open budgets'), record(601, 'Open public contracts')]);
    const changes = (await importChanges()).slice(before);
    expect(changes).toHaveLength(1);
    expect(changes[0]!.commitment_id).toBe(await idOf('KE0601'));
    expect(changes[0]!.before).toMatchObject({ texts: { en: { title: 'Open contracts' } } });
    expect(changes[0]!.after).toMatchObject({ texts: { en: { title: 'Open public contracts' } } });
    expect(Object.keys((changes[0]!.after as { texts: { en: object } }).texts.en)).toEqual(['title']);
  });

  it('shows a re-import that overwrites an edit in the commitment history, as a field-by-field diff', async () => {
    const account = await createAccount(t.db, { role: 'administrator', name: 'Amani Admin' });
    const actor: CurrentUser = {
      id: account.id, sessionId: '0', email: account.email, name: account.name, role: 'administrator',
      institutionId: null, institutionName: null, locale: 'en', totpEnabled: true,
    };
    const version = await commitmentVersion(t.db, await idOf('KE0600'));
    const edited = await editCommitment(t.db, actor, 'KE0600', { version, lang: 'en', title: 'Open budgets, edited by hand', description: 'Publish budgets.' });
    expect(edited.ok).toBe(true);
    await save([{ ...record(600, 'Open budgets (source v2)') }]);
    const [latest, edit] = await findChanges(t.db, await idOf('KE0600'));
    expect(edit).toMatchObject({ command: 'edit_commitment', actorName: 'Amani Admin' });
    expect(latest).toMatchObject({ command: 'import_commitment', actorName: null, reason: SOURCE });
    const intl = intlFor('en');
    expect(diffRows(intl, latest!)).toEqual([
      { field: expect.stringContaining('Title'), before: 'Open budgets, edited by hand', after: 'Open budgets (source v2)', beforeLang: 'en', afterLang: 'en' },
    ]);
  });
});
