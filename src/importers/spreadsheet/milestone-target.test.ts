import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scratchFolder } from '../../../test/helpers/scratch-folder.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { submitEdit } from '../../../test/helpers/edit-form.ts';
import { signedIn } from '../../../test/helpers/sign-in.ts';
import type { WebClient } from '../../../test/helpers/web-client.ts';
import { createAccount } from '../../accounts/account.factories.ts';
import { findChanges } from '../../commitments/commitment-history.queries.ts';
import { runImport } from '../import-run.ts';
import { importSpreadsheet } from './import-spreadsheet.ts';
import { milestoneTargetFrom } from './milestone-target.ts';

// Decision 006, amended 2026-11-28: what a milestone file removes, the history it leaves, dates that end too soon.
const DATA = path.resolve(process.cwd(), '../shared/data/ogp');
const COMMITMENTS_CSV = path.join(DATA, 'mexico_plan4_compromisos_2019.csv');
const MILESTONES_CSV = path.join(DATA, 'mexico_plan4_hitos_2019.csv');
const COMMITMENTS_MAPPING = path.resolve('docs/import-mappings/mexico-plan4-compromisos.json');
const MILESTONES_MAPPING = path.resolve('docs/import-mappings/mexico-plan4-hitos.json');
// MX0076's rows are 2 to 6, its milestones 1 to 5 in file order; row 3 is the one titled "Hito 5".
const MX0076 = 'e7edffc2-f167-44f0-bf26-d23149ef55e2';

const scratch = scratchFolder('milestone-target');
let t: TestApp;
let admin: WebClient;
let withoutRow3: string;
beforeAll(async () => {
  t = await createTestApp({ demo: false });
  admin = await signedIn(t.app, await createAccount(t.database.db, { role: 'administrator' }));
  expect((await importSpreadsheet(t.database.db, COMMITMENTS_CSV, COMMITMENTS_MAPPING, { dryRun: false })).written).toBe(true);
  const rows: Record<string, string>[] = parse(fs.readFileSync(MILESTONES_CSV), { columns: true, bom: true });
  withoutRow3 = path.join(scratch.dir, 'hitos-sin-fila-3.csv');
  const header = Object.keys(rows[0]!);
  const kept = rows.filter((r) => r.compromiso_id !== MX0076 || r.titulo !== 'Hito 5');
  expect(kept).toHaveLength(rows.length - 1);
  fs.writeFileSync(withoutRow3, [header.join(','), ...kept.map((r) => header.map((h) => `"${(r[h] ?? '').replace(/"/g, '""')}"`).join(','))].join('\n'));
});
afterAll(async () => {
  await t.close();
});

const db = () => t.database.db;
const importHitos = (file: string, dryRun: boolean) => importSpreadsheet(db(), file, MILESTONES_MAPPING, { dryRun });
const numbersOf = async (ogpId: string) => (await db().selectFrom('milestones as m').innerJoin('commitments as c', 'c.id', 'm.commitment_id')
  .select('m.number').where('c.ogp_id', '=', ogpId).orderBy('m.number').execute()).map((r) => r.number);
const commitmentId = async (ogpId: string) => (await db().selectFrom('commitments').select('id').where('ogp_id', '=', ogpId).executeTakeFirstOrThrow()).id;
const milestoneId = async (ogpId: string, number: number) => (await db().selectFrom('milestones as m')
  .innerJoin('commitments as c', 'c.id', 'm.commitment_id').select('m.id')
  .where('c.ogp_id', '=', ogpId).where('m.number', '=', number).executeTakeFirstOrThrow()).id;
const page = async (url: string) => {
  const res = await t.app.inject(url);
  expect(res.statusCode, url).toBe(200);
  return res.body;
};

describe('milestones that end before they start', () => {
  it('are imported as given, each with a warning naming its row and both dates', async () => {
    const summary = await importHitos(MILESTONES_CSV, false);
    expect(summary.written).toBe(true);
    const early = summary.warnings.filter((w) => /ends before it starts/.test(w.message));
    // Ten rows of the file end before they start; four of them are template rows, skipped.
    expect(early).toHaveLength(6);
    expect(early[0]).toEqual({
      rowNumber: 6,
      message: 'ends before it starts: "fecha_final" 2020-01-20 is before "fecha_inicial" 2020-09-07; kept as given, correct it in the file or on the milestone\'s edit page',
    });
    const stored = await db().selectFrom('milestones').select(['start_date', 'end_date']).where('id', '=', await milestoneId('MX0076', 5)).executeTakeFirstOrThrow();
    expect(stored).toEqual({ start_date: '2020-09-07', end_date: '2020-01-20' });
  });

  it('can then be fixed on the edit form by changing only the end date', async () => {
    const edit = '/es/commitments/MX0076/milestones/5/edit';
    const form = (await admin.get(edit)).body;
    const text = (await db().selectFrom('milestone_texts').select('text').where('milestone_id', '=', await milestoneId('MX0076', 5)).executeTakeFirstOrThrow()).text;
    expect(form).toContain('value="2020-09"');
    expect(form).toContain('value="2020-01"');
    const res = await submitEdit(admin, edit, edit, { lang: 'es', text, declaredStatus: '', start: '2020-09', end: '2020-12', reason: 'Fecha final corregida' });
    expect(res.statusCode, res.body.slice(0, 500)).toBe(303);
    const fixed = await db().selectFrom('milestones').select(['start_date', 'start_precision', 'end_date', 'end_precision'])
      .where('id', '=', await milestoneId('MX0076', 5)).executeTakeFirstOrThrow();
    expect(fixed).toEqual({ start_date: '2020-09-07', start_precision: 'day', end_date: '2020-12-01', end_precision: 'month' });
  });
});

describe('history of a milestone import', () => {
  it('records a creation per milestone, in the fields the milestone commands use', async () => {
    const changes = await findChanges(db(), await commitmentId('MX0076'), { milestoneId: await milestoneId('MX0076', 1) });
    const created = changes.find((c) => c.command === 'import_milestone')!;
    expect(created).toMatchObject({ entityType: 'milestone', actorName: null, milestoneNumber: 1, before: {} });
    expect(created.after).toEqual({
      start: { date: '2019-11-01', precision: 'day' }, end: { date: '2020-03-13', precision: 'day' },
      texts: { es: expect.stringMatching(/^Conformar un Grupo de Trabajo multiactor/) },
    });
    const all = await db().selectFrom('changes').select((eb) => eb.fn.countAll<string>().as('n'))
      .where('entity_type', '=', 'milestone').where('command', '=', 'import_milestone').executeTakeFirstOrThrow();
    // 91 rows, less 6 stubs and 32 template rows (see import-spreadsheet.test.ts).
    expect(Number(all.n)).toBe(53);
  });

  it('makes a re-import that undoes a re-plan the latest entry of the milestone, and shows it on its history page', async () => {
    // The end date fixed above (a re-plan) is put back to the file's by importing the file again.
    const summary = await importHitos(MILESTONES_CSV, false);
    expect(summary.counts).toMatchObject({ updated: 1, unchanged: 52 });
    const [latest, replan] = await findChanges(db(), await commitmentId('MX0076'), { milestoneId: await milestoneId('MX0076', 5) });
    expect(replan!.command).toBe('replan_milestone');
    expect(latest).toMatchObject({
      command: 'import_milestone', before: { end: { date: '2020-12-01', precision: 'month' } }, after: { end: { date: '2020-01-20', precision: 'day' } },
    });
    expect(Object.keys(latest!.after)).toEqual(['end']);
    const history = await page('/en/commitments/MX0076/milestones/5/history');
    expect(history.indexOf('Milestone imported')).toBeLessThan(history.indexOf('Milestone re-planned'));
    expect(history).toContain('December 2020');
  });

  it('gives the source file as the reason of its entries', async () => {
    const source = 'hitos-2026.csv';
    const rows = [{ rowNumber: 2, label: 'MX0087, milestone 1', warnings: [], item: {
      commitmentOgpId: 'MX0087', alsoKeep: [1], milestone: { number: 1, texts: { es: 'Publicar el tablero de seguimiento' } },
    } }];
    const summary = await runImport(db(), rows, milestoneTargetFrom(source), { dryRun: false });
    expect(summary.counts.created).toBe(1);
    const [entry] = await findChanges(db(), await commitmentId('MX0087'));
    expect(entry).toMatchObject({ command: 'import_milestone', entityType: 'milestone', milestoneNumber: 1, reason: source, actorName: null });
  });
});

describe('a milestone the file no longer lists', () => {
  it('is listed as removed by a dry run, which removes nothing', async () => {
    const summary = await importHitos(withoutRow3, true);
    expect(summary.counts).toMatchObject({ updated: 3, rejected: 0 });
    expect(summary.warnings).toContainEqual({ rowNumber: 2, message: expect.stringMatching(/^MX0076 milestone 5 is not in the file: it is removed \("Establecer una plataforma pública digital/) });
    expect(await numbersOf('MX0076')).toEqual([1, 2, 3, 4, 5]);
  });

  it('is removed by a real run, which says so, and its history entry still names its number and its text', async () => {
    const summary = await importHitos(withoutRow3, false);
    expect(summary.written).toBe(true);
    expect(summary.warnings.filter((w) => /is not in the file/.test(w.message))).toEqual([
      { rowNumber: 2, message: expect.stringMatching(/^MX0076 milestone 5 is not in the file: it is removed/) },
    ]);
    expect(await numbersOf('MX0076')).toEqual([1, 2, 3, 4]);
    const [removed] = await findChanges(db(), await commitmentId('MX0076'));
    expect(removed).toMatchObject({ command: 'remove_milestone_by_import', entityType: 'milestone', milestoneNumber: 5, before: { number: 5 } });
    expect(removed!.after).toMatchObject({ start: null, end: null, texts: { es: null } });
    const history = await page('/en/commitments/MX0076/history');
    expect(history).toContain('Milestone removed by an import: milestone 5');
    expect(history).toContain('Establecer una plataforma pública digital');
  });

  it('is never removed when it has progress reports: its commitment\'s rows are rejected naming it, no internal id', async () => {
    expect((await importHitos(MILESTONES_CSV, false)).written).toBe(true);
    const planId = (await db().selectFrom('commitments').select('action_plan_id').where('ogp_id', '=', 'MX0076').executeTakeFirstOrThrow()).action_plan_id;
    const round = await db().insertInto('reporting_rounds').values({ action_plan_id: planId, label: '2020 S1', deadline: new Date('2020-07-01') })
      .returning('id').executeTakeFirstOrThrow();
    const institution = await db().insertInto('institutions')
      .values({ slug: 'secretaria-de-agricultura', name: 'Secretaría de Agricultura', kind: 'ministry', updated_at: new Date() })
      .returning('id as institution_id').executeTakeFirstOrThrow();
    await db().insertInto('milestone_reports').values({
      reporting_round_id: round.id, milestone_id: await milestoneId('MX0076', 5), institution_id: institution.institution_id,
      status: 'in_progress', percent_complete: 20, narrative: 'Plataforma en diseño', narrative_locale: 'es',
    }).execute();
    for (const dryRun of [true, false]) {
      const summary = await importHitos(withoutRow3, dryRun);
      expect(summary.written).toBe(false);
      const rejected = summary.results.filter((r) => r.outcome === 'rejected');
      expect(rejected.map((r) => r.rowNumber)).toEqual([2, 3, 4, 5]);
      for (const r of rejected) {
        expect(r.reason).toMatch(/^MX0076 milestone 5 has progress reports; it is kept: an import never deletes a milestone with reports or evidence/);
        expect(r.reason).not.toMatch(/Key \(|foreign key|violates/);
      }
      expect(summary.counts.unchanged).toBe(53 - 5);
    }
    expect(await numbersOf('MX0076')).toEqual([1, 2, 3, 4, 5]);
  });
});
