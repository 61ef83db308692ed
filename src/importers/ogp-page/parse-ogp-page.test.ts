import { describe, it, expect } from 'vitest';
import { parseOgpPage } from './parse-ogp-page.ts';
import { replaceOnce, seed } from '../../../test/helpers/ogp-seed.ts';

/** KE0031 as the English site shows it, written by translating the seed back; trimmed narrative. */
const ENGLISH_PAGE = `Skip navigation
Kenya

Build institutional support of OGP (KE0031)

Overview

At-a-Glance

Action Plan: Kenya Action Plan 2020-2022

Action Plan Cycle: 2020

Status: Active

Institutions

Lead Institution: Office of the Deputy President, Commission on Administrative Justice

Support Institution(s): Other Government actors involved: MDAs, Senate, National Assembly, Council of Governors, County Assemblies Forum, Judiciary, Ministry of Foreign Affairs, NEPAD/APRM Other actors involved IDS-UON, Universities and Colleges, Media, CSOs

Policy Areas

Capacity Building, Public Participation

IRM Review

IRM Report: Kenya Results Report 2020–2022, Kenya Action Plan Review 2020-2022

Early Results: No early results to report yet

Design i

Verifiable: Yes

Relevant to OGP Values: Yes

Ambition (see definition): Low

Implementation i

Completion:

Description

Strengthen OGP institutional support by securing the engagement of wider interest groups in public institutions, the private sector, academia and civil society, and strengthen multilateralism with other OGP participating countries.

Objectives • Build resilience through documentation in support of the OGP process • Build resilience through targeted and strategic institutional involvement in OGP • Build resilience by enabling greater institutional ownership of OGP-supported processes • Increase the capacity of the public and private sectors to deliver on NAP IV commitments

Status quo The last two years have seen increased participation and ownership of the OGP process by government. However, open government support systems still revolve around individual points of contact.

Ambition Following the impact of the pandemic on government operations, the Open Government Partnership platform offers an opportunity to rebuild resilient institutions.

No. Verifiable and measurable milestones to fulfill the commitment Milestone Status Start Date End Date 1. Develop guidance notes for each of the commitment areas New February 2021 December 2021 2. Develop an onboarding programme for new actors and carry out a quarterly review of progress on commitments New February 2021 December 2021 3. Set up an institutional mechanism for open government (operations and resource mobilisation) New February 2021 May 2022 4. Document stories and best practices among Open Government Partners in Kenya / Africa Ongoing March 2021 March 2022 5. Deepen the OGP network in Kenya, in particular the engagement of sub-national governments, independent commissions and the judiciary New March 2021 May 2022 6. Convene periodic OGP round tables for strong stakeholder engagement New March 2021 May 2022 7. Set up OGP technical desks in each of the implementing public institutions New September 2021 May 2022

IRM Midterm Status Summary

Action Plan Review


Commitment 8. Building Open Government Resilience

● Verifiable: Yes

● Does it have an open government lens? Yes

● Potential for results: Modest

IRM End of Term Status Summary

Results Report


Commitment 8. Building Open Government Resilience

  • Verifiable: Yes
  • Does it have an open government lens? Yes
  • Potential for results: Modest
  • Completion: Limited
  • Did it open government? No early results to report yet
  • Carried over from the previous action plan, this commitment underlines Kenya's engagement with the OGP process.

    Of its seven milestones, the commitment made progress on milestones 2, 5 and 6. No evidence was presented for milestones 1, 3 and 7.

    Commitments

    Open Government Partnership`;

function month(date: string, raw: string): { date: string; precision: 'month'; raw: string } {
  return { date, precision: 'month', raw };
}

describe('parseOgpPage on the French KE0031 seed', () => {
  const page = parseOgpPage(seed);

  it('reads the header', () => {
    expect(page.locale).toBe('fr');
    expect(page.memberName).toBe('Kenya');
    expect(page.ogpId).toBe('KE0031');
    expect(page.title).toBe("Construire le soutien institutionnel de l'OGP");
  });

  it('reads the action plan, its cycle and its number', () => {
    expect(page.actionPlanTitle).toBe("Plan d'action du Kenya 2020-2022");
    expect(page.actionPlan).toEqual({ startYear: 2020, endYear: 2022 });
    expect(page.cycle).toBe(2020);
    expect(page.planNumber).toBe(4);
    expect(page.status).toBeUndefined();
  });

  it('reads every institution, split by group', () => {
    expect(page.leadInstitutions).toEqual(['Bureau du vice-président', 'Commission de la justice administrative']);
    expect(page.supportingGovernmentActors).toEqual([
      'MDA', 'Sénat', 'Assemblée nationale', 'Conseil des gouverneurs', 'Forum des assemblées de comté',
      'Pouvoir judiciaire', 'Ministère des Affaires étrangères', 'NEPAD/MAEP',
    ]);
    expect(page.otherActors).toEqual(['IDS-UON', 'Universités et collèges', 'Médias', 'OSC']);
    expect(page.supportingInstitutions).toEqual([]);
  });

  it('reads the policy areas as written', () => {
    expect(page.policyAreas).toEqual(['Renforcement des capacités', 'Participation du public']);
  });

  it('reads the IRM fields of the At-a-Glance box, empty ones included', () => {
    expect(page.atAGlance).toEqual({
      irmReports: ['Rapport sur les résultats du Kenya 2020-2022', "Examen du plan d'action du Kenya 2020-2022"],
      earlyResults: 'Aucun résultat préliminaire à signaler pour le moment',
      verifiable: 'Oui',
      relevantToOgpValues: 'Oui',
      ambition: 'Faible',
      completion: '',
    });
  });

  it('reads the description, objectives, status quo and ambition', () => {
    expect(page.description).toBe(
      "Renforcer le soutien institutionnel de l'OGP en garantissant l'engagement de groupes d'intérêt plus larges dans " +
      'les institutions publiques, le secteur privé, les universités, la société civile et renforcer le multilatéralisme ' +
      "avec d'autres pays participants à l'OGP.",
    );
    expect(page.objectives?.split('\n')).toEqual([
      "Renforcer la résilience grâce à une documentation à l'appui du processus OGP",
      "Renforcer la résilience grâce à une implication institutionnelle ciblée et stratégique dans l'OGP",
      "Renforcer la résilience en permettant une plus grande appropriation institutionnelle des processus soutenus par l'OGP",
      'Augmenter la capacité des secteurs public et privé à tenir les engagements du PAN IV',
    ]);
    expect(page.statusQuo).toMatch(/^Les deux dernières années ont vu/);
    expect(page.statusQuo).toMatch(/au-delà des cycles électoraux\.$/);
    expect(page.ambition).toMatch(/^Suite à l'impact de la pandémie/);
    expect(page.ambition).toMatch(/stratégies de relèvement\.$/);
    expect(page.ambition).not.toMatch(/Jalons/);
  });

  it('reads all seven milestones with their status and dates', () => {
    expect(page.milestones.map(({ number, declaredStatus, start, end }) => ({ number, declaredStatus, start, end }))).toEqual([
      { number: 1, declaredStatus: 'new', start: month('2021-02-01', 'février 2021'), end: month('2021-12-01', 'décembre 2021') },
      { number: 2, declaredStatus: 'new', start: month('2021-02-01', 'Février 2021'), end: month('2021-12-01', 'Décembre 2021') },
      { number: 3, declaredStatus: 'new', start: month('2021-02-01', 'Février 2021'), end: month('2022-05-01', 'Mai 2022') },
      { number: 4, declaredStatus: 'ongoing', start: month('2021-03-01', 'Mars 2021'), end: month('2022-03-01', 'Mars 2022') },
      { number: 5, declaredStatus: 'new', start: month('2021-03-01', 'mars 2021'), end: month('2022-05-01', 'mai 2022') },
      { number: 6, declaredStatus: 'new', start: month('2021-03-01', 'mars 2021'), end: month('2022-05-01', 'mai 2022') },
      { number: 7, declaredStatus: 'new', start: month('2021-09-01', 'septembre 2021'), end: month('2022-05-01', 'mai 2022') },
    ]);
  });

  it('keeps each milestone text whole, without its status or dates', () => {
    const texts = page.milestones.map((milestone) => milestone.text);
    expect(texts[0]).toBe("Élaborer des notes d'orientation pour chacun des domaines d'engagement");
    expect(texts[2]).toBe('Mettre en place un mécanisme institutionnel pour un gouvernement ouvert (Opérations et mobilisation des ressources)');
    expect(texts[3]).toBe('Documenter les histoires et les meilleures pratiques parmi les Partenaires du Gouvernement Ouvert au Kenya / Afrique');
    expect(texts[6]).toBe("Mise en place de l'OGP technique bureaux dans chacune des institutions publiques de mise en œuvre");
    for (const text of texts) expect(text).not.toMatch(/\b(Nouveau|En cours)\b|\b20\d\d$/);
  });

  it('reads the IRM midterm summary (Action Plan Review)', () => {
    expect(page.irmMidtermSummary).toEqual({
      reportName: "Examen du plan d'action",
      report: 'action_plan_review',
      irmNumber: 8,
      irmTitle: 'Renforcer la résilience du gouvernement ouvert',
      ratings: { verifiable: 'yes', open_government_lens: 'yes', potential_for_results: 'modest' },
      pendingRatings: [],
      unreadRatings: [],
    });
  });

  it('reads the IRM end-of-term summary (Results Report) with its ratings', () => {
    const summary = page.irmEndOfTermSummary;
    expect(summary).toMatchObject({
      reportName: 'Rapport de résultats',
      report: 'results',
      irmNumber: 8,
      irmTitle: 'Renforcer la résilience du gouvernement ouvert',
      ratings: {
        verifiable: 'yes',
        open_government_lens: 'yes',
        potential_for_results: 'modest',
        completion: 'limited',
        did_it_open_government: 'no_early_results_yet',
      },
      pendingRatings: [],
      unreadRatings: [],
    });
  });

  it('keeps the IRM narrative, footnote included, without the bullet or the site footer', () => {
    const narrative = page.irmEndOfTermSummary?.narrative ?? '';
    expect(narrative).toMatch(/^Repris du plan d'action précédent/);
    expect(narrative).toContain("Aucune preuve n'a été présentée pour les étapes 1, 3 et 7");
    expect(narrative).toContain('Au cours du NAP III');
    expect(narrative).toMatch(/Africanews, 19 juillet 2022, https:\/\/www\.africanews\.com\/\S+ \.$/);
    expect(narrative.split('\n\n')).toHaveLength(5);
    expect(narrative).not.toMatch(/Engagements$|Open Government Partnership$|•/);
  });
});

describe('parseOgpPage tolerates typography', () => {
  const reference = parseOgpPage(seed);

  it('reads the same page with curly apostrophes, no-break spaces, other case and colon spacing', () => {
    const retyped = seed
      .replace('Vérifiable : Oui', 'VÉRIFIABLE:Oui')
      .replace('Institution responsable :', 'institution responsable:')
      .replace("Plan d'action:", 'PLAN D’ACTION :')
      .replace(/'/g, '’')
      .replace(/ :/g, '\u00a0:')
      .replace(/\n/g, '\r\n');
    const page = parseOgpPage(retyped);
    expect(page.ogpId).toBe('KE0031');
    expect(page.leadInstitutions).toEqual(reference.leadInstitutions);
    expect(page.actionPlan).toEqual(reference.actionPlan);
    expect(page.atAGlance.verifiable).toBe('Oui');
    expect(page.milestones.map((milestone) => milestone.end?.date)).toEqual(reference.milestones.map((milestone) => milestone.end?.date));
    expect(page.irmEndOfTermSummary?.ratings).toEqual(reference.irmEndOfTermSummary?.ratings);
    // Values keep the page's own typography; only the matching ignores it.
    expect(page.title).toBe('Construire le soutien institutionnel de l’OGP');
  });

  it('accepts a lower-case id in the title and gives it in upper case', () => {
    expect(parseOgpPage(replaceOnce(seed, '(KE0031)', '( ke0031 )')).ogpId).toBe('KE0031');
  });

  it('reads a milestone table whose rows are on separate lines', () => {
    const page = parseOgpPage(seed.replace(/ (\d)\. /g, '\n$1. '));
    expect(page.milestones).toHaveLength(7);
    expect(page.milestones[4]?.text).toMatch(/^Approfondissement/);
  });

  it('takes a value the page put on the line under its label', () => {
    const page = parseOgpPage(replaceOnce(seed, 'Institution responsable : Bureau', 'Institution responsable :\nBureau'));
    expect(page.leadInstitutions).toEqual(reference.leadInstitutions);
  });

  it('keeps a milestone whose date is spreadsheet debris, without a date and with the raw text', () => {
    const page = parseOgpPage(replaceOnce(seed, 'Nouveau septembre 2021 mai 2022', 'Nouveau 7/16/1905 mai 2022'));
    const seventh = page.milestones[6];
    expect(seventh?.start).toBeUndefined();
    expect(seventh?.startRaw).toBe('7/16/1905');
    expect(seventh?.end?.date).toBe('2022-05-01');
  });

  it('reads an old-method summary naming a progress report and a pending rating', () => {
    const oldPage = replaceOnce(replaceOnce(seed, "Examen du plan d'action\n", "Rapport d'étape\n"),
      /● Potentiel de résultats\s*: modeste/, '● Potentiel de résultats : En attente de l’examen IRM');
    const summary = parseOgpPage(oldPage).irmMidtermSummary;
    expect(summary?.report).toBe('progress');
    expect(summary?.pendingRatings).toEqual(['potential_for_results']);
    expect(summary?.ratings).toEqual({ verifiable: 'yes', open_government_lens: 'yes' });
  });

  it('sets aside a rating worded in a way it does not know', () => {
    const page = parseOgpPage(replaceOnce(seed, 'Achèvement: Limité', 'Achèvement: Plutôt avancé'));
    expect(page.irmEndOfTermSummary?.unreadRatings).toEqual([{ indicator: 'completion', raw: 'Plutôt avancé' }]);
    expect(page.irmEndOfTermSummary?.ratings.completion).toBeUndefined();
  });

  it('leaves in the narrative a paragraph that merely begins with a rating word', () => {
    const page = parseOgpPage(replaceOnce(seed, 'Au cours du NAP III,', 'Achèvement du portail OGP : retardé. Au cours du NAP III,'));
    expect(page.irmEndOfTermSummary?.narrative).toContain('Achèvement du portail OGP : retardé.');
    expect(page.irmEndOfTermSummary?.unreadRatings).toEqual([]);
  });

  it('does not guess the plan number when the text names two plans', () => {
    const page = parseOgpPage(replaceOnce(seed, 'Les deux dernières années', 'Depuis le PAN III, les deux dernières années'));
    expect(page.planNumber).toBeUndefined();
  });
});

describe('parseOgpPage on an English page', () => {
  const page = parseOgpPage(ENGLISH_PAGE);

  it('detects English and reads the header and plan', () => {
    expect(page.locale).toBe('en');
    expect(page.memberName).toBe('Kenya');
    expect(page.ogpId).toBe('KE0031');
    expect(page.title).toBe('Build institutional support of OGP');
    expect(page.actionPlanTitle).toBe('Kenya Action Plan 2020-2022');
    expect(page.actionPlan).toEqual({ startYear: 2020, endYear: 2022 });
    expect(page.cycle).toBe(2020);
    expect(page.planNumber).toBe(4);
    expect(page.status).toBe('Active');
  });

  it('reads the institutions and policy areas', () => {
    expect(page.leadInstitutions).toEqual(['Office of the Deputy President', 'Commission on Administrative Justice']);
    expect(page.supportingGovernmentActors).toEqual([
      'MDAs', 'Senate', 'National Assembly', 'Council of Governors', 'County Assemblies Forum', 'Judiciary',
      'Ministry of Foreign Affairs', 'NEPAD/APRM',
    ]);
    expect(page.otherActors).toEqual(['IDS-UON', 'Universities and Colleges', 'Media', 'CSOs']);
    expect(page.policyAreas).toEqual(['Capacity Building', 'Public Participation']);
  });

  it('reads the At-a-Glance IRM fields', () => {
    expect(page.atAGlance).toEqual({
      irmReports: ['Kenya Results Report 2020–2022', 'Kenya Action Plan Review 2020-2022'],
      earlyResults: 'No early results to report yet',
      verifiable: 'Yes',
      relevantToOgpValues: 'Yes',
      ambition: 'Low',
      completion: '',
    });
  });

  it('reads the texts and the milestones', () => {
    expect(page.description).toMatch(/^Strengthen OGP institutional support/);
    expect(page.objectives?.split('\n')).toHaveLength(4);
    expect(page.statusQuo).toMatch(/^The last two years/);
    expect(page.ambition).toMatch(/^Following the impact of the pandemic/);
    expect(page.milestones.map((milestone) => [milestone.number, milestone.declaredStatus, milestone.start?.date, milestone.end?.date])).toEqual([
      [1, 'new', '2021-02-01', '2021-12-01'],
      [2, 'new', '2021-02-01', '2021-12-01'],
      [3, 'new', '2021-02-01', '2022-05-01'],
      [4, 'ongoing', '2021-03-01', '2022-03-01'],
      [5, 'new', '2021-03-01', '2022-05-01'],
      [6, 'new', '2021-03-01', '2022-05-01'],
      [7, 'new', '2021-09-01', '2022-05-01'],
    ]);
    expect(page.milestones[1]?.text).toBe('Develop an onboarding programme for new actors and carry out a quarterly review of progress on commitments');
  });

  it('reads both IRM summaries', () => {
    expect(page.irmMidtermSummary).toMatchObject({
      report: 'action_plan_review', irmNumber: 8, irmTitle: 'Building Open Government Resilience',
      ratings: { verifiable: 'yes', open_government_lens: 'yes', potential_for_results: 'modest' },
    });
    expect(page.irmEndOfTermSummary).toMatchObject({
      report: 'results', irmNumber: 8,
      ratings: {
        verifiable: 'yes', open_government_lens: 'yes', potential_for_results: 'modest', completion: 'limited',
        did_it_open_government: 'no_early_results_yet',
      },
      unreadRatings: [],
    });
    expect(page.irmEndOfTermSummary?.narrative).toMatch(/^Carried over from the previous action plan/);
    expect(page.irmEndOfTermSummary?.narrative).toContain('No evidence was presented for milestones 1, 3 and 7.');
    expect(page.irmEndOfTermSummary?.narrative).not.toMatch(/Commitments$/);
  });
});
