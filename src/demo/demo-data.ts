import type { CommitmentRecordInput } from '../commitments/commitment-record.ts';

/**
 * The demo data set: Kenya's fourth action plan (2020-2022), written by the Ahadi project in its own words from the
 * public facts of OGP's pages. Ratings are given only where the IRM published them (KE0031); the other
 * commitments stay "not yet reviewed" rather than carry invented ratings.
 */
const kenya = { name: 'Kenya', kind: 'national', ogpPrefix: 'KE', isoAlpha2: 'KE', code: 'KEN', slug: 'kenya', region: 'Africa and the Middle East' } as const;
const napIv = { number: 4, submissionYear: 2020, startYear: 2020, endYear: 2022 };
const month = (date: string, raw: string) => ({ date, precision: 'month' as const, raw });

const institutionalSupport: CommitmentRecordInput = {
  member: kenya,
  actionPlan: napIv,
  ogpId: 'KE0031',
  numberInPlan: 8,
  sourceLocale: 'en',
  texts: {
    en: {
      title: 'Build institutional support for OGP',
      description: 'Anchor the open government process in public institutions, so that it draws in the private sector, universities and civil society, and works with other OGP members in the region.',
      objectives: 'Keep a written record of how the OGP process runs\nInvolve institutions deliberately and strategically\nLet institutions, not individuals, own the processes OGP supports\nHelp the public and private sectors deliver the commitments of the fourth plan',
      statusQuo: 'Government took a larger part in the OGP process over the previous two years, yet support still rests on individual points of contact, with little political backing at national and county level. Funding gaps weaken shared ownership and put the process at risk beyond an electoral cycle.',
      ambition: 'After the pandemic disrupted government work, the commitment treats OGP as a way to rebuild institutions that are more open and include more people in designing and carrying out the recovery.',
    },
    fr: {
      title: "Renforcer l'appui institutionnel au PGO",
      description: "Ancrer le processus de gouvernement ouvert dans les institutions publiques, afin qu'il associe le secteur privé, les universités et la société civile, et qu'il coopère avec les autres membres du PGO de la région.",
      objectives: 'Documenter le fonctionnement du processus PGO\nAssocier les institutions de façon ciblée et stratégique\nConfier aux institutions, et non aux personnes, les processus soutenus par le PGO\nAider les secteurs public et privé à tenir les engagements du quatrième plan',
    },
    es: {
      title: 'Fortalecer el apoyo institucional a la AGA',
      description: 'Arraigar el proceso de gobierno abierto en las instituciones públicas, para que sume al sector privado, las universidades y la sociedad civil, y colabore con otros miembros de la AGA de la región.',
    },
    sw: {
      title: 'Kujenga uungwaji mkono wa kitaasisi kwa OGP',
      description: 'Kuimarisha mchakato wa serikali huria ndani ya taasisi za umma, ili uhusishe sekta binafsi, vyuo vikuu na mashirika ya kiraia, na ushirikiane na wanachama wengine wa OGP katika kanda.',
    },
  },
  leadInstitutions: [
    { name: 'Office of the Deputy President', kind: 'agency' },
    { name: 'Commission on Administrative Justice', kind: 'independent_commission' },
  ],
  supportingInstitutions: [
    { name: 'Senate', kind: 'parliament', actorGroup: 'government' },
    { name: 'National Assembly', kind: 'parliament', actorGroup: 'government' },
    { name: 'Council of Governors', kind: 'subnational_government', actorGroup: 'government' },
    { name: 'Judiciary', kind: 'judiciary', actorGroup: 'government' },
    { name: 'Ministry of Foreign Affairs', kind: 'ministry', actorGroup: 'government' },
    { name: 'Universities and colleges', kind: 'academia', actorGroup: 'other' },
    { name: 'Media', kind: 'media', actorGroup: 'other' },
    { name: 'Civil society organisations', kind: 'civil_society', actorGroup: 'other' },
  ],
  policyAreas: ['capacity-building', 'public-participation'],
  milestones: [
    [1, 'new', ['2021-02-01', 'February 2021'], ['2021-12-01', 'December 2021'], 'Write a guidance note for each commitment area', 'Rédiger une note d’orientation pour chaque domaine d’engagement'],
    [2, 'new', ['2021-02-01', 'February 2021'], ['2021-12-01', 'December 2021'], 'Onboard new actors and review progress on the commitments every quarter', 'Intégrer les nouveaux acteurs et examiner chaque trimestre l’avancement des engagements'],
    [3, 'new', ['2021-02-01', 'February 2021'], ['2022-05-01', 'May 2022'], 'Set up an institutional mechanism for open government, covering operations and funding', 'Créer un mécanisme institutionnel pour le gouvernement ouvert (fonctionnement et financement)'],
    [4, 'ongoing', ['2021-03-01', 'March 2021'], ['2022-03-01', 'March 2022'], 'Record stories and good practice among open government partners in Kenya and Africa', 'Recueillir les récits et bonnes pratiques des partenaires du gouvernement ouvert au Kenya et en Afrique'],
    [5, 'new', ['2021-03-01', 'March 2021'], ['2022-05-01', 'May 2022'], 'Widen the OGP network to counties, independent commissions and the courts', 'Étendre le réseau PGO aux comtés, aux commissions indépendantes et à la justice'],
    [6, 'new', ['2021-03-01', 'March 2021'], ['2022-05-01', 'May 2022'], 'Hold regular OGP roundtables with stakeholders', 'Tenir régulièrement des tables rondes du PGO avec les parties prenantes'],
    [7, 'new', ['2021-09-01', 'September 2021'], ['2022-05-01', 'May 2022'], 'Open an OGP desk in each implementing institution', 'Ouvrir un bureau PGO dans chaque institution de mise en œuvre'],
  ].map(([number, status, start, end, en, fr]) => ({
    number: number as number,
    declaredStatus: status as 'new' | 'ongoing',
    start: month(...(start as [string, string])),
    end: month(...(end as [string, string])),
    texts: { en: en as string, fr: fr as string },
  })),
  irmReviews: [
    {
      method: 'irm_2020', report: 'action_plan_review', irmNumber: 8,
      texts: { en: { irmTitle: 'Building open government resilience' } },
      ratings: [
        { indicator: 'verifiable', state: 'assessed', value: 'yes' },
        { indicator: 'open_government_lens', state: 'assessed', value: 'yes' },
        { indicator: 'potential_for_results', state: 'assessed', value: 'modest' },
      ],
    },
    {
      method: 'irm_2020', report: 'results', irmNumber: 8,
      texts: {
        en: {
          irmTitle: 'Building open government resilience',
          narrative: 'The IRM found progress on milestones 2, 5 and 6: the OGP technical team reviewed commitments with cluster leads and extended peer learning to counties, commissions and the judiciary. Milestone 4 moved only in 2023, after the plan ended. No evidence was presented for milestones 1, 3 and 7.\nThe pandemic and the 2022 elections slowed the work; the co-leading office was itself in the presidential race.',
        },
      },
      ratings: [
        { indicator: 'verifiable', state: 'assessed', value: 'yes' },
        { indicator: 'open_government_lens', state: 'assessed', value: 'yes' },
        { indicator: 'potential_for_results', state: 'assessed', value: 'modest' },
        { indicator: 'completion', state: 'assessed', value: 'limited' },
        { indicator: 'did_it_open_government', state: 'assessed', value: 'no_early_results_yet' },
      ],
    },
  ],
};

function plainCommitment(ogpId: string, numberInPlan: number, title: string, description: string,
  lead: string, policyAreas: string[]): CommitmentRecordInput {
  return {
    member: kenya, actionPlan: napIv, ogpId, numberInPlan, sourceLocale: 'en',
    texts: { en: { title, description } },
    leadInstitutions: [{ name: lead, kind: 'agency' }],
    supportingInstitutions: [{ name: 'Civil society organisations', kind: 'civil_society', actorGroup: 'other' }],
    policyAreas, milestones: [], irmReviews: [],
  };
}

export const demoCommitments: CommitmentRecordInput[] = [
  plainCommitment('KE0024', 1, 'Open contracting in public procurement',
    'Publish procurement data across the contracting cycle in an open format, so that the public can follow how contracts are awarded and delivered.',
    'National Treasury', ['open-contracting', 'public-procurement']),
  plainCommitment('KE0025', 2, 'Beneficial ownership transparency',
    'Make the register of the real owners of companies public and usable, to make it harder to hide illicit money behind companies.',
    'Business Registration Service', ['beneficial-ownership']),
  plainCommitment('KE0027', 4, 'Public participation in decision-making',
    'Give people a predictable way to take part in decisions of national and county governments, backed by a law on public participation.',
    'Ministry of Devolution', ['public-participation', 'legislation']),
  institutionalSupport,
];

/**
 * Reporting rounds of the demo plan (decision 013), so that a newcomer can walk one with the demo accounts: "2021 Q3"
 * closed and published (reports on time and late, one milestone missing, one claim disputed), and "2021 Q4" open
 * until some weeks after the demo is loaded. Reports are KE0031's, given by its lead, the Office of the Deputy
 * President; verdicts are the demo reviewer's. Evidence links point at OGP's public pages; nobody fetched them.
 */
export type DemoReport = {
  milestone: number; status: 'not_started' | 'in_progress' | 'complete' | 'withdrawn'; percent: number;
  /** When it was first sent; a revision (`revisedAt`) makes it version 2. */
  submittedAt: string; revisedAt?: string;
  narrative: string; links?: { title: string; url: string }[];
  verdict?: { verdict: 'confirmed' | 'disputed' | 'insufficient_evidence'; comment?: string };
};
export type DemoRound = {
  ogpPlan: { member: string; number: number }; label: string; openedAt: string;
  /** A day; null: some weeks after loading, so the open round is still open. */
  deadline: string | null; closedAt: string | null; reports: DemoReport[];
};

// The two public pages the demo reports give as evidence.
const commitmentPageLink = { title: 'OGP commitment page of KE0031', url: 'https://www.opengovpartnership.org/members/kenya/commitments/KE0031/' };
const planPageLink = { title: 'Kenya on the OGP website', url: 'https://www.opengovpartnership.org/members/kenya/' };

export const demoRounds: DemoRound[] = [
  {
    ogpPlan: { member: 'kenya', number: 4 }, label: '2021 Q3', openedAt: '2021-09-01T08:00:00Z', deadline: '2021-10-15',
    closedAt: '2021-11-05T12:00:00Z',
    reports: [
      { milestone: 1, status: 'in_progress', percent: 40, submittedAt: '2021-10-12T09:30:00Z',
        narrative: 'Guidance notes drafted for three of the seven commitment areas; the others wait for their cluster leads.',
        links: [commitmentPageLink],
        verdict: { verdict: 'confirmed' } },
      { milestone: 2, status: 'complete', percent: 100, submittedAt: '2021-10-21T16:00:00Z',
        narrative: 'Quarterly review meetings held with every cluster lead; new actors from the counties joined.',
        links: [planPageLink],
        verdict: { verdict: 'disputed', comment: 'Only two of the four quarterly reviews took place; no minutes were published for the others.' } },
      { milestone: 3, status: 'not_started', percent: 0, submittedAt: '2021-10-14T10:00:00Z',
        narrative: 'The institutional mechanism waits for a budget line in the next financial year.' },
      { milestone: 4, status: 'in_progress', percent: 20, submittedAt: '2021-10-13T11:00:00Z',
        narrative: 'Stories collected from two counties; a call for contributions went to partners in the region.' },
      { milestone: 5, status: 'in_progress', percent: 60, submittedAt: '2021-10-15T15:00:00Z',
        narrative: 'Peer learning extended to four counties, two independent commissions and the judiciary.',
        links: [commitmentPageLink],
        verdict: { verdict: 'confirmed' } },
      { milestone: 6, status: 'in_progress', percent: 50, submittedAt: '2021-10-19T08:45:00Z',
        narrative: 'Two roundtables held, with civil society and the private sector.',
        verdict: { verdict: 'insufficient_evidence', comment: 'No list of participants or summary of the roundtables was given.' } },
      // Milestone 7 is not reported: the round lists it as missing.
    ],
  },
  {
    ogpPlan: { member: 'kenya', number: 4 }, label: '2021 Q4', openedAt: '2021-12-01T08:00:00Z', deadline: null, closedAt: null,
    reports: [
      { milestone: 1, status: 'in_progress', percent: 70, submittedAt: '2021-12-10T09:00:00Z', revisedAt: '2021-12-20T14:00:00Z',
        narrative: 'Guidance notes ready for five areas; two are with the cluster leads for comments.',
        links: [commitmentPageLink] },
      { milestone: 2, status: 'complete', percent: 100, submittedAt: '2021-12-15T10:30:00Z',
        narrative: 'The fourth quarterly review was held and its minutes published.',
        links: [planPageLink] },
    ],
  },
];
