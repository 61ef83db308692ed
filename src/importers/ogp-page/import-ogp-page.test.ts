import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../test/helpers/database.ts';
import { findCommitmentDetail } from '../../commitments/commitment.queries.ts';
import { importOgpPage } from './import-ogp-page.ts';

const seed = fs.readFileSync(path.resolve(process.cwd(), '../shared/seeds/KE0031.fr.txt'), 'utf8');

const t = useTestDatabase();

async function counts() {
  const tables = ['members', 'action_plans', 'commitments', 'commitment_texts', 'milestones', 'milestone_texts',
    'institutions', 'commitment_institutions', 'commitment_policy_areas', 'irm_reviews', 'irm_ratings'] as const;
  const rows = await Promise.all(tables.map((table) => t.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()));
  return Object.fromEntries(tables.map((table, i) => [table, Number(rows[i]!.n)]));
}

describe('importOgpPage on the real seed', () => {
  it('a dry run reports a creation and writes nothing', async () => {
    const before = await counts();
    const result = await importOgpPage(t.db, seed, { dryRun: true });
    expect(result).toMatchObject({ ogpId: 'KE0031', outcome: 'created', dryRun: true });
    expect(await counts()).toEqual(before);
  });

  it('stores every field of the page', async () => {
    const result = await importOgpPage(t.db, seed);
    expect(result.outcome).toBe('created');
    const c = (await findCommitmentDetail(t.db, 'KE0031', 'fr'))!;
    expect(c.sourceLocale).toBe('fr');
    expect(c.member).toMatchObject({ slug: 'kenya', ogpPrefix: 'KE', code: 'KEN', kind: 'national' });
    expect(c.actionPlan).toMatchObject({ number: 4, submissionYear: 2020, startYear: 2020, endYear: 2022, ogpPlanId: 'AP_KEN04' });
    expect(c.numberInPlan).toBe(8);
    expect(c.texts.fr!.title).toBe("Construire le soutien institutionnel de l'OGP");
    expect(c.texts.fr!.statusQuo).toContain('PoC individuels');
    expect(c.leadInstitutions.map((i) => i.name)).toEqual(['Bureau du vice-président', 'Commission de la justice administrative']);
    expect(c.supportingInstitutions.government.map((i) => i.name)).toContain('Pouvoir judiciaire');
    expect(c.supportingInstitutions.other.map((i) => i.name)).toEqual(['IDS-UON', 'Universités et collèges', 'Médias', 'OSC']);
    expect(c.policyAreas.map((p) => p.key).sort()).toEqual(['capacity-building', 'public-participation']);
    expect(c.milestones.map((m) => [m.number, m.declaredStatus, m.start?.date, m.end?.date])).toEqual([
      [1, 'new', '2021-02-01', '2021-12-01'],
      [2, 'new', '2021-02-01', '2021-12-01'],
      [3, 'new', '2021-02-01', '2022-05-01'],
      [4, 'ongoing', '2021-03-01', '2022-03-01'],
      [5, 'new', '2021-03-01', '2022-05-01'],
      [6, 'new', '2021-03-01', '2022-05-01'],
      [7, 'new', '2021-09-01', '2022-05-01'],
    ]);
    const [review, results] = c.irmReviews;
    expect(review).toMatchObject({ method: 'irm_2020', report: 'action_plan_review', irmNumber: 8, derived: { ambition: 'low' } });
    expect(results).toMatchObject({ method: 'irm_2020', report: 'results', irmNumber: 8 });
    expect(results!.ratings).toEqual(expect.arrayContaining([
      { indicator: 'completion', state: 'assessed', value: 'limited' },
      { indicator: 'did_it_open_government', state: 'assessed', value: 'no_early_results_yet' },
      { indicator: 'potential_for_results', state: 'assessed', value: 'modest' },
    ]));
    expect(results!.texts.fr!.narrative).toContain("Aucune preuve n'a été présentée pour les étapes 1, 3 et 7");
  });

  it('a second import finds the page unchanged and never duplicates', async () => {
    const before = await counts();
    expect((await importOgpPage(t.db, seed)).outcome).toBe('unchanged');
    expect(await counts()).toEqual(before);
  });

  it('a page that is not a commitment page writes nothing and names what is missing', async () => {
    const before = await counts();
    const broken = seed.replace(/Institution responsable :[^\n]*\n/, '').replace('(KE0031)', '');
    await expect(importOgpPage(t.db, broken)).rejects.toThrow(/commitment id in the title.*lead institution|lead institution.*commitment id/s);
    await expect(importOgpPage(t.db, '')).rejects.toThrow(/Not an OGP commitment page/);
    expect(await counts()).toEqual(before);
  });

  it('an unknown policy area stops the import before anything is written', async () => {
    const before = await counts();
    const unknownArea = seed.replace('Renforcement des capacités, Participation du public', 'Astrologie');
    await expect(importOgpPage(t.db, unknownArea)).rejects.toThrow(/unknown policy area "Astrologie"/);
    expect(await counts()).toEqual(before);
  });
});
