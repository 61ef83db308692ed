import { beforeAll, describe, expect, it } from 'vitest';
import { scratchFolder } from '../../test/helpers/scratch-folder.ts';
import { useTestDatabase } from '../../test/helpers/database.ts';
import { createAccount } from '../accounts/account.factories.ts';
import type { CurrentUser } from '../accounts/current-user.ts';
import type { ImportSummary } from '../importers/import-run.ts';
import { formatImportSummary } from '../importers/import-summary.ts';
import { importSpreadsheet } from '../importers/spreadsheet/import-spreadsheet.ts';
import { editCommitment } from './commands/edit-commitment.ts';
import { commitmentVersion, milestoneVersion } from './commands/edit-version.ts';
import { editMilestone } from '../milestones/commands/edit-milestone.ts';
import type { CommitmentRecordInput } from './commitment-record.ts';
import { saveCommitmentRecords } from './save-commitment-records.ts';

const scratch = scratchFolder('overwritten-edits');
const t = useTestDatabase();
let admin: CurrentUser;
beforeAll(async () => {
  const account = await createAccount(t.db, { role: 'administrator', name: 'Amani Admin' });
  admin = {
    id: account.id, sessionId: '0', email: account.email, name: account.name, role: 'administrator',
    institutionId: null, institutionName: null, locale: 'en', totpEnabled: true,
  };
});


const MAPPING = scratch.write('mapping.json', JSON.stringify({
  kind: 'commitments', sourceLocale: 'en', dateFormat: 'iso',
  member: { name: 'Kenya', kind: 'national', ogpPrefix: 'KE', slug: 'kenya' },
  actionPlan: { number: 5, submissionYear: 2023, startYear: 2023, endYear: 2027 },
  id: { column: 'id' }, columns: { title: 'title', description: 'description', end: 'end', leadInstitutions: 'lead' },
}));
const sheet = (name: string, end: string, extraRows = '') => scratch.write(name,
  `id,title,description,end,lead\nKE0800,Open budgets,Publish the budget.,${end},Ministry of Finance\n` +
  `KE0801,Open contracts,Publish contracts.,2025-06-30,Ministry of Finance\n${extraRows}`);
const run = (file: string, dryRun: boolean) => importSpreadsheet(t.db, file, MAPPING, { dryRun });
const overwrites = (summary: ImportSummary) => summary.warnings.filter((w) => w.message.includes('changed in Ahadi'));
const description = async () => (await t.db.selectFrom('commitment_texts as t').innerJoin('commitments as c', 'c.id', 't.commitment_id')
  .select('t.description').where('c.ogp_id', '=', 'KE0800').where('t.locale', '=', 'en').executeTakeFirstOrThrow()).description;

describe('an import that overwrites what was edited in Ahadi', () => {
  it('says nothing on a first import, nor when an edited commitment\'s row is unchanged (nothing is overwritten)', async () => {
    expect(overwrites(await run(sheet('v1.csv', '2025-06-30'), false))).toEqual([]);
    const version = await commitmentVersion(t.db, (await t.db.selectFrom('commitments').select('id').where('ogp_id', '=', 'KE0800').executeTakeFirstOrThrow()).id);
    const edited = await editCommitment(t.db, admin, 'KE0800', { version, lang: 'en', title: 'Open budgets', description: 'Publish the budget, corrected by the secretariat.', reason: 'typo' });
    expect(edited.ok).toBe(true);
    const again = await run(sheet('v1.csv', '2025-06-30'), true);
    expect(again.results[0]!.outcome).toBe('unchanged');
    expect(overwrites(again)).toEqual([]);
  });

  it('a dry run names the commitment, the edited field, the change, who and when — not the fields the edit left', async () => {
    const summary = await run(sheet('v2.csv', '2026-06-30'), true);
    expect(summary.results.map((r) => r.outcome)).toEqual(['updated', 'unchanged']);
    const [warning, ...others] = overwrites(summary);
    expect(others).toEqual([]);
    expect(warning!.rowNumber).toBe(2);
    expect(warning!.message).toMatch(/^KE0800: this import overwrites what was changed in Ahadi since its last import — description \(en\): "Commitment edited" by Amani Admin, \d{4}-\d\d-\d\d \d\d:\d\d UTC, reason "typo"\. /);
    expect(warning!.message).not.toMatch(/title|end date/);
    expect(await description()).toBe('Publish the budget, corrected by the secretariat.');
    // Counted apart in the printed summary, among the other warnings of a long file.
    expect(formatImportSummary(summary, 'v2.csv').lines).toContain('  of which would overwrite changes made in Ahadi since the last import: 1');
  });

  it('a file with a rejected row names it too, and writes nothing', async () => {
    const summary = await run(sheet('v2-bad.csv', '2026-06-30', 'KE0802,,No title,2025-06-30,Ministry of Finance\n'), false);
    expect(summary.written).toBe(false);
    expect(summary.counts.rejected).toBe(1);
    expect(overwrites(summary).map((w) => w.rowNumber)).toEqual([2]);
    expect(await description()).toBe('Publish the budget, corrected by the secretariat.');
  });

  it('the real run warns the same and still writes the file\'s values; the next import has nothing to say', async () => {
    const summary = await run(sheet('v2.csv', '2026-06-30'), false);
    expect(summary.written).toBe(true);
    expect(overwrites(summary).map((w) => w.message)).toEqual([expect.stringMatching(/^KE0800: .* description \(en\): "Commitment edited" by Amani Admin/)]);
    expect(await description()).toBe('Publish the budget.');
    expect(formatImportSummary(summary, 'v2.csv').lines).toContain('  of which overwrote changes made in Ahadi since the last import: 1');
    const next = await run(sheet('v3.csv', '2027-06-30'), false);
    expect(overwrites(next)).toEqual([]);
    expect(formatImportSummary(next, 'v3.csv').lines.join('\n')).not.toContain('changes made in Ahadi');
  });
});

const MILESTONES = scratch.write('milestones.json', JSON.stringify({
  kind: 'milestones', sourceLocale: 'en', dateFormat: 'iso', commitment: { column: 'id' },
  columns: { text: ['text'], start: 'start', end: 'end' },
}));
const milestones = (name: string, rows: string) => scratch.write(name, `id,text,start,end\n${rows}`);
const importMilestones = (file: string, dryRun: boolean) => importSpreadsheet(t.db, file, MILESTONES, { dryRun });
const FIRST = 'KE0801,Draft the contracts portal,2023-07-01,2024-06-30\n';
const SECOND = 'KE0801,Publish every contract,2024-07-01,2025-06-30\n';

describe('a milestone import that overwrites what was edited in Ahadi', () => {
  it('names the milestone, on its row, when the unchanged file puts back an edited text and a re-planned end', async () => {
    expect((await importMilestones(milestones('m1.csv', FIRST + SECOND), false)).written).toBe(true);
    const commitment = (await t.db.selectFrom('commitments').select('id').where('ogp_id', '=', 'KE0801').executeTakeFirstOrThrow()).id;
    const edited = await editMilestone(t.db, admin, 'KE0801', 2, {
      version: await milestoneVersion(t.db, commitment, 2), lang: 'en', text: 'Publish every contract and its amendments',
      start: '2024-07', end: '2025-12', reason: 'Delayed by the procurement law',
    });
    expect(edited.ok).toBe(true);
    // The file has not changed, but milestones are compared field by field: the edit counts as a difference.
    const summary = await importMilestones(milestones('m1.csv', FIRST + SECOND), true);
    expect(summary.results.map((r) => r.outcome)).toEqual(['unchanged', 'updated']);
    const found = overwrites(summary);
    expect(found.map((w) => w.rowNumber)).toEqual([3]);
    expect(found[0]!.message).toMatch(/^KE0801 milestone 2: this import overwrites what was changed in Ahadi since its last import — /);
    expect(found[0]!.message).toContain('text (en): "Milestone edited" by Amani Admin');
    expect(found[0]!.message).toContain('end date: "Milestone re-planned" by Amani Admin');
    expect(found[0]!.message).toContain('reason "Delayed by the procurement law"');
  });

  it('says so with the removal when the file no longer lists an edited milestone', async () => {
    const summary = await importMilestones(milestones('m2.csv', FIRST), true);
    expect(overwrites(summary).map((w) => [w.rowNumber, w.message.slice(0, 20)])).toEqual([[2, 'KE0801 milestone 2: ']]);
    expect(summary.warnings.map((w) => w.message)).toContainEqual(expect.stringMatching(/^KE0801 milestone 2 is not in the file: it is removed/));
  });

  it('the real run warns the same; the next import has nothing to say', async () => {
    expect(overwrites(await importMilestones(milestones('m1.csv', FIRST + SECOND), false)).map((w) => w.rowNumber)).toEqual([3]);
    const again = await importMilestones(milestones('m1.csv', FIRST + SECOND), false);
    expect(again.results.map((r) => r.outcome)).toEqual(['unchanged', 'unchanged']);
    expect(overwrites(again)).toEqual([]);
  });
});

describe('a record that brings its milestones (an OGP page) and overwrites an edited one', () => {
  it('warns with the commitment, naming the milestone', async () => {
    const record = (milestoneText: string): CommitmentRecordInput => ({
      member: { name: 'Kenya', kind: 'national', ogpPrefix: 'KE', slug: 'kenya' },
      actionPlan: { number: 5, submissionYear: 2023, startYear: 2023, endYear: 2027 },
      ogpId: 'KE0810', sourceLocale: 'en', texts: { en: { title: 'Open courts' } },
      leadInstitutions: [{ name: 'Judiciary', kind: 'judiciary' }], supportingInstitutions: [], policyAreas: [], irmReviews: [],
      milestones: [{ number: 1, texts: { en: milestoneText } }],
    });
    const save = (text: string) => t.db.transaction().execute((trx) => saveCommitmentRecords(trx, [record(text)], { source: 'KE0810.html' }));
    await save('Publish judgments online');
    const commitment = (await t.db.selectFrom('commitments').select('id').where('ogp_id', '=', 'KE0810').executeTakeFirstOrThrow()).id;
    expect((await editMilestone(t.db, admin, 'KE0810', 1, {
      version: await milestoneVersion(t.db, commitment, 1), lang: 'en', text: 'Publish every judgment online',
    })).ok).toBe(true);
    const [saved] = await save('Publish judgments online, searchable');
    expect(saved!.warnings).toEqual([expect.stringMatching(/^KE0810 milestone 1: this import overwrites what was changed in Ahadi since its last import — text \(en\): "Milestone edited" by Amani Admin, /)]);
  });
});
