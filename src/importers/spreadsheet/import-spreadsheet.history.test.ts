import { describe, expect, it } from 'vitest';
import { scratchFolder } from '../../../test/helpers/scratch-folder.ts';
import { useTestDatabase } from '../../../test/helpers/database.ts';
import { findChanges } from '../../commitments/commitment-history.queries.ts';
import { importSpreadsheet } from './import-spreadsheet.ts';

const scratch = scratchFolder('spreadsheet-history');
const t = useTestDatabase();


const mapping = (columns: Record<string, string>) => scratch.write(`mapping-${Object.keys(columns).join('-')}.json`, JSON.stringify({
  kind: 'commitments', sourceLocale: 'en', dateFormat: 'iso',
  member: { name: 'Kenya', kind: 'national', ogpPrefix: 'KE', slug: 'kenya' },
  actionPlan: { number: 5, submissionYear: 2023, startYear: 2023, endYear: 2027 },
  id: { column: 'id' }, columns,
}));
const SHEET = 'id,title,start,end,lead\nKE0700,Open budgets,2023-07-01,2025-06-30,Ministry of Finance\n';
const commitmentId = async (ogpId: string) => (await t.db.selectFrom('commitments').select('id').where('ogp_id', '=', ogpId).executeTakeFirstOrThrow()).id;

describe('spreadsheet import history', () => {
  it('records the dates and lead institution that a narrower mapping clears', async () => {
    const full = mapping({ title: 'title', start: 'start', end: 'end', leadInstitutions: 'lead' });
    expect((await importSpreadsheet(t.db, scratch.write('plan.csv', SHEET), full, { dryRun: false })).counts.created).toBe(1);
    const titleOnly = mapping({ title: 'title' });
    expect((await importSpreadsheet(t.db, scratch.write('plan.csv', SHEET), titleOnly, { dryRun: false })).counts.updated).toBe(1);
    const [latest] = await findChanges(t.db, await commitmentId('KE0700'));
    expect(latest).toMatchObject({
      command: 'import_commitment', reason: 'plan.csv',
      before: { start: { date: '2023-07-01', precision: 'day' }, end: { date: '2025-06-30', precision: 'day' }, leadInstitution: ['Ministry of Finance'] },
      after: { start: null, end: null, leadInstitution: [] },
    });
  });

  it('labels a rejected row with its id when it has one', async () => {
    const sheet = scratch.write('rejected.csv', 'id,title\nKE0701,\n,No id here\n');
    const summary = await importSpreadsheet(t.db, sheet, mapping({ title: 'title' }), { dryRun: true });
    expect(summary.results.map((r) => [r.rowNumber, r.label, r.outcome])).toEqual([[2, 'KE0701', 'rejected'], [3, '(no id)', 'rejected']]);
  });
});
