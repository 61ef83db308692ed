import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { scratchFolder } from '../../test/helpers/scratch-folder.ts';
import { useTestDatabase } from '../../test/helpers/database.ts';
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
import { importOgpDataset } from '../importers/ogp-dataset/import-ogp-dataset.ts';
import { restoreCommitmentVersion } from './commands/restore-commitment-version.ts';

const t = useTestDatabase();
const scratch = scratchFolder('history');

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

  it('lists every field an import changed (dates, institutions, policy areas, number, status) under the edit commands\' names', async () => {
    const first: CommitmentRecordInput = {
      ...record(610, 'Open parliament'), numberInPlan: 6, status: 'active',
      start: { date: '2023-07-01', precision: 'month', raw: 'July 2023' }, end: { raw: '7/19/1905' },
      supportingInstitutions: [{ name: 'Mzalendo Trust', kind: 'civil_society', actorGroup: 'other' }],
    };
    await save([first]);
    const before = (await importChanges()).length;
    await save([{
      ...first, numberLabel: '6.1', status: 'completed', start: undefined, end: { date: '2025-12-31', precision: 'day', raw: '12/31/2025' },
      // Another spelling of the same lead institution is the same institution: not a change.
      leadInstitutions: [{ name: 'MINISTRY OF FINANCE', kind: 'ministry' }, { name: 'Ministry of Information', kind: 'ministry' }],
      supportingInstitutions: [], policyAreas: ['open-data', 'fiscal-openness'],
    }]);
    const [change] = (await importChanges()).slice(before);
    expect(change!.before).toEqual({
      recordHash: expect.any(String), numberInPlan: 6, status: 'active', start: { date: '2023-07-01', precision: 'month' }, end: { raw: '7/19/1905' },
      leadInstitution: ['Ministry of Finance'], supportingInstitutions: ['Mzalendo Trust'], policyAreas: ['open-data'],
    });
    expect(change!.after).toEqual({
      recordHash: expect.any(String), numberInPlan: '6.1', status: 'completed', start: null, end: { date: '2025-12-31', precision: 'day' },
      leadInstitution: ['MINISTRY OF FINANCE', 'Ministry of Information'], supportingInstitutions: [], policyAreas: ['fiscal-openness', 'open-data'],
    });
    const [latest] = await findChanges(t.db, await idOf('KE0610'));
    const rows = diffRows(intlFor('en'), latest!, { policyArea: (key) => `label of ${key}` });
    expect(rows.map((r) => [r.before, r.after])).toEqual([
      ['6', '6.1'], ['Active', 'Completed'], ['July 2023', 'Not given'], ['7/19/1905', 'December 31, 2025'],
      ['Ministry of Finance', 'MINISTRY OF FINANCE, Ministry of Information'], ['Mzalendo Trust', 'Not given'],
      ['label of open-data', 'label of fiscal-openness, label of open-data'],
    ]);
  });

  it('gives a created commitment an entry with everything it shows', async () => {
    await save([{ ...record(611, 'Open courts'), end: { date: '2026-06-01', precision: 'month', raw: 'June 2026' } }]);
    const [created] = await findChanges(t.db, await idOf('KE0611'));
    expect(created!.after).toMatchObject({
      end: { date: '2026-06-01', precision: 'month' }, leadInstitution: ['Ministry of Finance'], policyAreas: ['open-data'],
      texts: { en: { title: 'Open courts' } },
    });
  });

  it('writes no entry and leaves updated_at when the new record changes nothing the commitment shows', async () => {
    const updatedAt = async () => (await t.db.selectFrom('commitments').select('updated_at').where('ogp_id', '=', 'KE0611').executeTakeFirstOrThrow()).updated_at;
    const entries = (await importChanges()).length;
    const was = await updatedAt();
    const kindChanged = { ...record(611, 'Open courts'), end: { date: '2026-06-01', precision: 'month' as const, raw: 'June 2026' }, leadInstitutions: [{ name: 'Ministry of Finance', kind: 'agency' as const }] };
    const [saved] = await save([kindChanged]);
    expect(saved!.outcome).toBe('updated');
    expect((await importChanges()).length).toBe(entries);
    expect(await updatedAt()).toEqual(was);
    await save([{ ...kindChanged, status: 'completed' }]);
    expect((await importChanges()).length).toBe(entries + 1);
    expect((await updatedAt()).getTime()).toBeGreaterThan(was.getTime());
  });

  it('lets an administrator restore what an import overwrote, from its entry', async () => {
    await save([{ ...record(612, 'Open procurement'), status: 'active' }]);
    await save([{ ...record(612, 'Open procurement, rewritten'), status: 'completed' }]);
    const [overwrite] = await findChanges(t.db, await idOf('KE0612'));
    const account = await createAccount(t.db, { role: 'administrator', name: 'Asha Admin' });
    const actor: CurrentUser = {
      id: account.id, sessionId: '0', email: account.email, name: account.name, role: 'administrator',
      institutionId: null, institutionName: null, locale: 'en', totpEnabled: true,
    };
    expect(await restoreCommitmentVersion(t.db, actor, 'KE0612', { change: overwrite!.id })).toMatchObject({ ok: true });
    const restored = await t.db.selectFrom('commitments as c').innerJoin('commitment_texts as x', 'x.commitment_id', 'c.id')
      .select(['c.status', 'x.title']).where('c.ogp_id', '=', 'KE0612').executeTakeFirstOrThrow();
    expect(restored).toEqual({ status: 'active', title: 'Open procurement' });
  });

  it('restores the dates, institutions and policy areas an import changed, and records them', async () => {
    const first: CommitmentRecordInput = {
      ...record(613, 'Open land records'), start: { date: '2023-07-01', precision: 'month', raw: 'July 2023' }, end: { raw: 'end of plan' },
      supportingInstitutions: [{ name: 'Mzalendo Trust', kind: 'civil_society', actorGroup: 'other' }, { name: 'Judiciary', kind: 'judiciary', actorGroup: 'government' }],
      policyAreas: ['open-data', 'fiscal-openness'],
    };
    await save([first]);
    await save([{
      ...first, start: undefined, end: { date: '2025-12-31', precision: 'day', raw: '12/31/2025' },
      leadInstitutions: [{ name: 'Ministry of Lands', kind: 'ministry' }], supportingInstitutions: [{ name: 'Judiciary', kind: 'judiciary', actorGroup: 'government' }],
      policyAreas: ['land-and-spatial-planning'],
    }]);
    const id = await idOf('KE0613');
    const [overwrite] = await findChanges(t.db, id);
    const account = await createAccount(t.db, { role: 'administrator', name: 'Asha Admin' });
    const actor: CurrentUser = {
      id: account.id, sessionId: '0', email: account.email, name: account.name, role: 'administrator',
      institutionId: null, institutionName: null, locale: 'en', totpEnabled: true,
    };
    expect(await restoreCommitmentVersion(t.db, actor, 'KE0613', { change: overwrite!.id })).toMatchObject({ ok: true });

    const dates = await t.db.selectFrom('commitments').select(['start_date', 'start_precision', 'start_raw', 'end_date', 'end_precision', 'end_raw'])
      .where('id', '=', id).executeTakeFirstOrThrow();
    expect(dates).toEqual({ start_date: '2023-07-01', start_precision: 'month', start_raw: null, end_date: null, end_precision: null, end_raw: 'end of plan' });
    const links = await t.db.selectFrom('commitment_institutions as ci').innerJoin('institutions as i', 'i.id', 'ci.institution_id')
      .select(['i.name', 'ci.role', 'ci.actor_group']).where('ci.commitment_id', '=', id).orderBy('ci.role').orderBy('ci.position').execute();
    expect(links).toEqual([
      { name: 'Ministry of Finance', role: 'lead', actor_group: null },
      { name: 'Mzalendo Trust', role: 'supporting', actor_group: 'other' },
      { name: 'Judiciary', role: 'supporting', actor_group: 'government' },
    ]);
    // The list filters on what the triggers derive from the restored links.
    const facets = await t.db.selectFrom('commitment_facets').select(['policy_areas']).where('commitment_id', '=', id).executeTakeFirstOrThrow();
    expect([...facets.policy_areas].sort()).toEqual(['fiscal-openness', 'open-data']);

    const [restore] = await findChanges(t.db, id);
    expect(restore!.command).toBe('restore_commitment_version');
    expect(restore!.before).toEqual({
      start: null, end: { date: '2025-12-31', precision: 'day' }, leadInstitution: ['Ministry of Lands'],
      supportingInstitutions: ['Judiciary'], policyAreas: ['land-and-spatial-planning'],
    });
    expect(restore!.after).toEqual({
      start: { date: '2023-07-01', precision: 'month' }, end: { raw: 'end of plan' }, leadInstitution: ['Ministry of Finance'],
      supportingInstitutions: ['Mzalendo Trust', 'Judiciary'], policyAreas: ['fiscal-openness', 'open-data'], restoredFrom: overwrite!.id,
    });
    // Restoring the same version again finds nothing to change.
    expect(await restoreCommitmentVersion(t.db, actor, 'KE0613', { change: overwrite!.id })).toEqual({ ok: true, changeIds: [] });
  });

  it('shows the new end date and lead institution of a re-imported OGP dataset row on the history page', async () => {
    const dataset = path.resolve('../shared/data/ogp/ogp_commitments_open_parliament_2024-07.csv');
    const rows: Record<string, string>[] = parse(fs.readFileSync(dataset), { columns: true, bom: true });
    const row = { ...rows.find((r) => r['Commitment Unique Identifier'] === 'KE0037')!, 'End Date': '12/31/2025', 'Lead Institution': 'Ministry of Information' };
    const changed = scratch.write('ke0037-changed.csv', stringify([row], { header: true, columns: Object.keys(row) }));
    await importOgpDataset(t.db, dataset, { dryRun: false });
    expect((await importOgpDataset(t.db, changed, { dryRun: false })).counts.updated).toBe(1);
    const [latest] = await findChanges(t.db, await idOf('KE0037'));
    expect(latest).toMatchObject({ command: 'import_commitment', reason: 'ke0037-changed.csv' });
    const rows2 = diffRows(intlFor('en'), latest!);
    expect(rows2).toEqual(expect.arrayContaining([
      expect.objectContaining({ before: '7/19/1905', after: 'December 31, 2025' }),
      expect.objectContaining({ after: 'Ministry of Information' }),
    ]));
  });

  it('marks a commitment changed, with no entry, when only an IRM review changed; not when only its ratings\' order did', async () => {
    const updatedAt = async () => (await t.db.selectFrom('commitments').select('updated_at').where('ogp_id', '=', 'KE0031').executeTakeFirstOrThrow()).updated_at;
    await save([kenya]);
    const entries = (await importChanges()).length;
    const [review, ...others] = kenya.irmReviews!;
    const ratings = [...review!.ratings];
    const was = await updatedAt();
    await save([{ ...kenya, irmReviews: [{ ...review!, ratings: [...ratings].reverse() }, ...others] }]);
    expect(await updatedAt()).toEqual(was);
    await save([{ ...kenya, irmReviews: [{ ...review!, texts: { en: { irmTitle: 'Resilient open government' } } }, ...others] }]);
    expect((await updatedAt()).getTime()).toBeGreaterThan(was.getTime());
    expect((await importChanges()).length).toBe(entries);
  });
});
