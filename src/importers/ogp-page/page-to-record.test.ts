import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it, expect } from 'vitest';
import { CommitmentRecordSchema } from '../../commitments/commitment-record.ts';
import { OgpPageError, parseOgpPage, type ParsedOgpPage } from './parse-ogp-page.ts';
import { pageToCommitmentRecord, type PageToRecordContext } from './page-to-record.ts';

const seed = readFileSync(path.resolve(process.cwd(), '../shared/seeds/KE0031.fr.txt'), 'utf8');
const page = parseOgpPage(seed);

const POLICY_AREAS: Readonly<Record<string, string>> = {
  'Renforcement des capacités': 'capacity-building',
  'Participation du public': 'public-participation',
  'Capacity Building': 'capacity-building',
};

const context: PageToRecordContext = { policyAreaKey: (label) => POLICY_AREAS[label] };

function errorOf(run: () => unknown): OgpPageError {
  try {
    run();
  } catch (error) {
    if (error instanceof OgpPageError) return error;
    throw error;
  }
  throw new Error('expected an OgpPageError');
}

describe('pageToCommitmentRecord on the KE0031 seed', () => {
  const { record, warnings } = pageToCommitmentRecord(page, context);
  const parsed = CommitmentRecordSchema.parse(record);

  it('builds a record that passes the CommitmentRecord schema, without warnings', () => {
    expect(warnings).toEqual([]);
    expect(parsed.ogpId).toBe('KE0031');
    expect(parsed.sourceLocale).toBe('fr');
  });

  it('names the member in English with its ISO codes', () => {
    expect(parsed.member).toEqual({ name: 'Kenya', kind: 'national', ogpPrefix: 'KE', isoAlpha2: 'KE', code: 'KEN', slug: 'kenya' });
  });

  it('takes the plan number from the text ("PAN IV") and the IRM number as the number in the plan', () => {
    expect(parsed.actionPlan).toEqual({ number: 4, submissionYear: 2020, startYear: 2020, endYear: 2022 });
    expect(parsed.numberInPlan).toBe(8);
    expect(parsed.status).toBeUndefined();
  });

  it('keeps the texts under the page language', () => {
    expect(Object.keys(parsed.texts)).toEqual(['fr']);
    expect(parsed.texts.fr).toMatchObject({
      title: "Construire le soutien institutionnel de l'OGP",
      description: expect.stringMatching(/^Renforcer le soutien institutionnel/),
      objectives: expect.stringMatching(/PAN IV$/),
      statusQuo: expect.stringMatching(/^Les deux dernières années/),
      ambition: expect.stringMatching(/^Suite à l'impact/),
    });
  });

  it('gives every institution a kind and a group', () => {
    expect(parsed.leadInstitutions).toEqual([
      { name: 'Bureau du vice-président', kind: 'agency' },
      { name: 'Commission de la justice administrative', kind: 'independent_commission' },
    ]);
    expect(parsed.supportingInstitutions.map(({ name, kind, actorGroup }) => `${actorGroup}: ${name} (${kind})`)).toEqual([
      'government: MDA (agency)',
      'government: Sénat (parliament)',
      'government: Assemblée nationale (parliament)',
      'government: Conseil des gouverneurs (subnational_government)',
      'government: Forum des assemblées de comté (subnational_government)',
      'government: Pouvoir judiciaire (judiciary)',
      'government: Ministère des Affaires étrangères (ministry)',
      'government: NEPAD/MAEP (international_body)',
      'other: IDS-UON (academia)',
      'other: Universités et collèges (academia)',
      'other: Médias (media)',
      'other: OSC (civil_society)',
    ]);
  });

  it('resolves the policy areas through the taxonomy', () => {
    expect(parsed.policyAreas).toEqual(['capacity-building', 'public-participation']);
  });

  it('carries the seven milestones with their dates', () => {
    expect(parsed.milestones).toHaveLength(7);
    expect(parsed.milestones?.[3]).toEqual({
      number: 4,
      declaredStatus: 'ongoing',
      start: { date: '2021-03-01', precision: 'month', raw: 'Mars 2021' },
      end: { date: '2022-03-01', precision: 'month', raw: 'Mars 2022' },
      texts: { fr: 'Documenter les histoires et les meilleures pratiques parmi les Partenaires du Gouvernement Ouvert au Kenya / Afrique' },
    });
  });

  it('carries both IRM reviews on the 2020 method', () => {
    const [review, results] = parsed.irmReviews;
    expect(review).toEqual({
      method: 'irm_2020',
      report: 'action_plan_review',
      irmNumber: 8,
      texts: { fr: { irmTitle: 'Renforcer la résilience du gouvernement ouvert' } },
      ratings: [
        { indicator: 'verifiable', state: 'assessed', value: 'yes' },
        { indicator: 'open_government_lens', state: 'assessed', value: 'yes' },
        { indicator: 'potential_for_results', state: 'assessed', value: 'modest' },
      ],
    });
    expect(results).toMatchObject({ method: 'irm_2020', report: 'results', irmNumber: 8 });
    expect(results?.ratings).toContainEqual({ indicator: 'completion', state: 'assessed', value: 'limited' });
    expect(results?.ratings).toContainEqual({ indicator: 'did_it_open_government', state: 'assessed', value: 'no_early_results_yet' });
    expect(results?.texts.fr?.narrative).toContain("Aucune preuve n'a été présentée pour les étapes 1, 3 et 7");
  });
});

describe('pageToCommitmentRecord: what the page does not settle', () => {
  it('prefers the plan number given by the caller', () => {
    expect(pageToCommitmentRecord(page, { ...context, planNumber: 5 }).record.actionPlan.number).toBe(5);
  });

  it('asks for the plan number when neither the page nor the caller gives it', () => {
    const { planNumber: _ignored, ...withoutNumber } = page;
    const error = errorOf(() => pageToCommitmentRecord(withoutNumber, context));
    expect(error.missing).toEqual(['action plan number (pass --plan-number)']);
    expect(error.message).toBe('Cannot import the OGP commitment page: missing action plan number (pass --plan-number)');
  });

  it('names every policy area missing from the taxonomy', () => {
    const error = errorOf(() => pageToCommitmentRecord({ ...page, policyAreas: ['Renforcement des capacités', 'Inconnu', 'Autre'] }, context));
    expect(error.problems).toEqual(['unknown policy area "Inconnu" (fr)', 'unknown policy area "Autre" (fr)']);
  });

  it('maps the commitment status, and warns about one it does not know', () => {
    expect(pageToCommitmentRecord({ ...page, status: 'Actif' }, context).record.status).toBe('active');
    const { record, warnings } = pageToCommitmentRecord({ ...page, status: 'Suspendu' }, context);
    expect(record.status).toBeUndefined();
    expect(warnings).toEqual(['commitment status "Suspendu" not understood; left empty']);
  });

  it('warns about a milestone date it could not trust and leaves it empty', () => {
    const broken = parseOgpPage(seed.replace('Nouveau septembre 2021 mai 2022', 'Nouveau 7/16/1905 mai 2022'));
    const { record, warnings } = pageToCommitmentRecord(broken, context);
    expect(warnings).toEqual(['milestone 7: start date "7/16/1905" is not a date we can trust; left empty']);
    const seventh = CommitmentRecordSchema.parse(record).milestones?.[6];
    expect(seventh?.start).toBeUndefined();
    expect(seventh?.end?.date).toBe('2022-05-01');
  });

  it('warns about a rating it could not read', () => {
    const summary = page.irmEndOfTermSummary;
    if (!summary) throw new Error('the seed has an end-of-term summary');
    const withUnread: ParsedOgpPage = {
      ...page, irmEndOfTermSummary: { ...summary, unreadRatings: [{ indicator: 'completion', raw: 'Plutôt avancé' }] },
    };
    expect(pageToCommitmentRecord(withUnread, context).warnings).toEqual(['IRM results: completion "Plutôt avancé" not understood; left out']);
  });

  it('assumes the report from the plan year when a summary does not name it, and says so', () => {
    const summary = page.irmMidtermSummary;
    if (!summary) throw new Error('the seed has a midterm summary');
    const { report: _report, reportName: _name, ...unnamed } = summary;
    const older: ParsedOgpPage = { ...page, cycle: 2018, actionPlan: { startYear: 2018, endYear: 2020 }, irmMidtermSummary: unnamed, irmEndOfTermSummary: undefined };
    const { record, warnings } = pageToCommitmentRecord(older, context);
    expect(record.irmReviews).toMatchObject([{ method: 'irm_2012', report: 'progress' }]);
    expect(warnings).toEqual(['the IRM midterm summary does not name its report; assumed progress for a plan submitted in 2018']);
    CommitmentRecordSchema.parse(record);
  });

  it('turns a pending rating into a rating not reviewed yet', () => {
    const summary = page.irmMidtermSummary;
    if (!summary) throw new Error('the seed has a midterm summary');
    const pending: ParsedOgpPage = { ...page, irmMidtermSummary: { ...summary, ratings: {}, pendingRatings: ['verifiable'] } };
    const { record } = pageToCommitmentRecord(pending, context);
    expect(CommitmentRecordSchema.parse(record).irmReviews[0]?.ratings).toEqual([{ indicator: 'verifiable', state: 'not_reviewed' }]);
  });
});

describe('pageToCommitmentRecord: members', () => {
  function memberOf(ogpId: string, memberName: string): ReturnType<typeof CommitmentRecordSchema.parse>['member'] {
    return CommitmentRecordSchema.parse(pageToCommitmentRecord({ ...page, ogpId, memberName }, context).record).member;
  }

  it('maps OGP prefixes that are not ISO codes', () => {
    expect(memberOf('UK0093', 'Royaume-Uni')).toEqual({
      name: 'United Kingdom', kind: 'national', ogpPrefix: 'UK', isoAlpha2: 'GB', code: 'GBR', slug: 'united-kingdom',
    });
    expect(memberOf('MO0012', 'Maroc')).toMatchObject({ name: 'Morocco', isoAlpha2: 'MA', code: 'MAR', slug: 'morocco' });
    expect(memberOf('PNG0003', 'Papouasie-Nouvelle-Guinée')).toMatchObject({ kind: 'national', ogpPrefix: 'PNG', isoAlpha2: 'PG', code: 'PNG' });
    expect(memberOf('SL0020', 'Sierra Leone')).toMatchObject({ isoAlpha2: 'SL', code: 'SLE', name: 'Sierra Leone' });
  });

  it('keeps the page name of a local member', () => {
    expect(memberOf('BUE0003', 'Buenos Aires, Argentine')).toEqual({
      name: 'Buenos Aires, Argentine', kind: 'local', ogpPrefix: 'BUE', slug: 'buenos-aires-argentine',
    });
  });

  it('warns about a two-letter prefix that is no country code', () => {
    const { record, warnings } = pageToCommitmentRecord({ ...page, ogpId: 'ZZ0001', memberName: 'Nulle part' }, context);
    expect(record.member).toEqual({ name: 'Nulle part', kind: 'national', ogpPrefix: 'ZZ', slug: 'nulle-part' });
    expect(warnings).toEqual(['member prefix ZZ is not a country code we know; kept the page\'s name "Nulle part" and no ISO code']);
  });
});
