import type { Trx } from '../commitments/commands/change-log.ts';
import { slugify } from '../text/slugify.ts';
import type { PublicationKind, PublicationTexts } from '../publications/commands/publication-form.ts';

/**
 * The demo's guidance note and story of good practice (Kenya's IRM review of KE0031 found no evidence for three
 * milestones, and support resting on individual points of contact): published, so the guidance pages, the account
 * page and KE0031's page are not empty on a first start. Institutions are named as in demo-data.ts.
 */
type DemoPublication = {
  slug: string; kind: PublicationKind; publishedOn: string; texts: PublicationTexts;
  commitments: string[]; institutions: string[]; author: string | null;
};

const REPORTING_NOTE_EN = `This note is for points of contact who report on the milestones their institution leads or supports. Read it before your first reporting round: the civil-society reviewers and the IRM read what you send, and a report without evidence cannot be confirmed.

1. Open the round. Sign in, open your account page and follow "Reporting rounds". The open round lists each milestone your institution answers for, with its deadline.

2. Say where the milestone stands. Choose a status (not started, in progress, complete) and a percentage, then write in a few sentences what was done since the last round: what, when, by whom, and what is left.

3. Give evidence. Evidence is something another person can check without asking you: minutes of a meeting with the date and the people present, a signed letter or circular, a published report or web page, a photograph of an event with its date, a list of participants. Attach the file, or give a link to where it is published. A statement that something happened is not evidence.

4. Restrict only what must be. A document with personal data may be restricted, with a reason; the public then sees that evidence exists, not the document.

5. Send before the deadline, and revise if needed. You may send again while the round is open: the new version keeps the evidence already given. "Complete" without any evidence is refused.

If a milestone has changed or slipped, say so in your report rather than leaving it out: a missing report is counted as missing.`;

const REPORTING_NOTE_FR = `Cette note s'adresse aux points de contact qui rendent compte des jalons que leur institution pilote ou soutient. Lisez-la avant votre premier cycle de rapport : les évaluateurs de la société civile et le MEI lisent ce que vous envoyez, et un rapport sans justificatif ne peut pas être confirmé.

1. Ouvrez le cycle. Connectez-vous, ouvrez la page de votre compte et suivez « Cycles de rapport ». Le cycle ouvert liste chaque jalon dont votre institution répond, avec son échéance.

2. Dites où en est le jalon. Choisissez un état (non commencé, en cours, achevé) et un pourcentage, puis décrivez en quelques phrases ce qui a été fait depuis le dernier cycle : quoi, quand, par qui, et ce qui reste à faire.

3. Apportez des justificatifs. Un justificatif est quelque chose qu'une autre personne peut vérifier sans vous le demander : le compte rendu d'une réunion avec sa date et les personnes présentes, une lettre ou une circulaire signée, un rapport ou une page web publiés, la photographie datée d'un événement, une liste de participants. Joignez le fichier, ou donnez le lien vers l'endroit où il est publié. Affirmer qu'une chose a eu lieu n'est pas un justificatif.

4. Ne restreignez que ce qui doit l'être. Un document contenant des données personnelles peut être restreint, avec un motif ; le public voit alors qu'un justificatif existe, pas le document.

5. Envoyez avant l'échéance, et corrigez au besoin. Vous pouvez envoyer à nouveau tant que le cycle est ouvert : la nouvelle version garde les justificatifs déjà fournis. « Achevé » sans aucun justificatif est refusé.

Si un jalon a changé ou pris du retard, dites-le dans votre rapport plutôt que de l'omettre : un rapport absent est compté comme manquant.`;

const STORY_EN = `When the point of contact for the Commission on Administrative Justice changed in 2021, the new officer found no record of what had been promised, reported or agreed. The work on the commitment had lived in one person's inbox.

The Commission and the Office of the Deputy President agreed on three simple habits. Every meeting on the commitment ends with short minutes, dated, listing who attended, filed in a shared folder. Each milestone has a named officer and a deputy, so that a hand-over never starts from nothing. And each report to a reporting round links the minutes or documents that show the work, the same week it is done.

At the next round, every milestone the Commission answered for was reported on time with evidence, and the civil-society reviewers confirmed all of them. The habits cost little; what they changed is that the process now belongs to the institution, not to one person.`;

const STORY_SW = `Mratibu wa Tume ya Haki ya Utawala alipobadilika mwaka 2021, afisa mpya hakupata kumbukumbu yoyote ya kilichoahidiwa, kuripotiwa au kukubaliwa. Kazi ya ahadi hiyo ilikuwa ndani ya barua pepe za mtu mmoja.

Tume na Ofisi ya Naibu Rais zilikubaliana juu ya mazoea matatu rahisi. Kila mkutano kuhusu ahadi unamalizika kwa kumbukumbu fupi zenye tarehe na majina ya waliohudhuria, zinazohifadhiwa katika folda ya pamoja. Kila hatua ina afisa anayehusika na msaidizi wake, ili makabidhiano yasianze bila chochote. Na kila ripoti kwa awamu ya kuripoti inaunganisha kumbukumbu au nyaraka zinazothibitisha kazi, wiki ileile kazi inapofanyika.

Katika awamu iliyofuata, kila hatua ambayo Tume ilihusika nayo iliripotiwa kwa wakati na ushahidi, na wakaguzi wa mashirika ya kiraia walithibitisha zote. Mazoea haya hayagharimu sana; yalichobadilisha ni kwamba mchakato sasa ni wa taasisi, si wa mtu mmoja.`;

export const demoPublications: DemoPublication[] = [
  {
    slug: 'how-to-report-progress-on-a-milestone-with-evidence', kind: 'guidance_note', publishedOn: '2021-07-01',
    texts: {
      en: { title: 'How to report progress on a milestone, with evidence', body: REPORTING_NOTE_EN },
      fr: { title: "Comment rendre compte de l'avancement d'un jalon, justificatifs à l'appui", body: REPORTING_NOTE_FR },
    },
    commitments: [], institutions: [], author: null,
  },
  {
    slug: 'minutes-and-deputies-keep-a-commitment-going', kind: 'story', publishedOn: '2022-01-20',
    texts: {
      en: { title: 'Minutes and deputies: how a commitment outlived its point of contact', body: STORY_EN },
      sw: { title: 'Kumbukumbu na wasaidizi: jinsi ahadi ilivyodumu baada ya mratibu wake kuondoka', body: STORY_SW },
    },
    commitments: ['KE0031'], institutions: ['Office of the Deputy President', 'Commission on Administrative Justice'],
    author: 'Commission on Administrative Justice',
  },
];

/**
 * Writes the demo publications that do not exist yet (by slug), published on their day, as an import would: no
 * history entry, and an existing one (edited, withdrawn) is left as it is. Links to what the demo does not hold are
 * left out.
 */
export async function loadDemoPublications(trx: Trx): Promise<void> {
  for (const demo of demoPublications) {
    const names = [...demo.institutions, ...(demo.author ? [demo.author] : [])];
    const institutions = names.length === 0 ? [] : await trx.selectFrom('institutions as i').innerJoin('members as m', 'm.id', 'i.member_id')
      .select(['i.id', 'i.name']).where('m.slug', '=', 'kenya').where('i.slug', 'in', names.map(slugify)).execute();
    const author = institutions.find((i) => i.name === demo.author);
    const row = await trx.insertInto('publications').values({
      slug: demo.slug, kind: demo.kind, state: 'published', published_on: demo.publishedOn, author_institution_id: author?.id ?? null,
    }).onConflict((oc) => oc.column('slug').doNothing()).returning('id').executeTakeFirst();
    if (!row) continue;
    await trx.insertInto('publication_texts')
      .values(Object.entries(demo.texts).map(([locale, text]) => ({ publication_id: row.id, locale, title: text.title, body: text.body }))).execute();
    const commitments = demo.commitments.length === 0 ? []
      : await trx.selectFrom('commitments').select('id').where('ogp_id', 'in', demo.commitments).execute();
    if (commitments.length > 0) {
      await trx.insertInto('publication_commitments').values(commitments.map((c) => ({ publication_id: row.id, commitment_id: c.id }))).execute();
    }
    const linked = institutions.filter((i) => demo.institutions.includes(i.name));
    if (linked.length > 0) {
      await trx.insertInto('publication_institutions').values(linked.map((i) => ({ publication_id: row.id, institution_id: i.id }))).execute();
    }
  }
}
