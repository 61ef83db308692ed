import { foldAccents } from '../text/fold-accents.ts';
import type { InstitutionKind } from './institution-kinds.ts';

/**
 * Guesses what kind of body an institution is from its name, in English, French, Spanish, Portuguese or Swahili, so
 * imported commitments can be filtered by kind. A guess only: editors correct it in the interface.
 */

interface KindRule {
  kind: InstitutionKind;
  /** Matched on the accent-free, lower-case name. */
  words: RegExp;
  /** Acronyms that are also ordinary words in lower case ("UN" and the French "un"), matched as written. */
  acronyms?: RegExp;
  /** Phrases in which the rule's words mean something else, taken out of the name before `words` is tried. */
  except?: RegExp;
}

// The words that name a legislature, or one of its two houses, in English, French, Spanish, Portuguese and Swahili,
// plus the names of national parliaments that say no such word (Knesset, Riigikogu, Saeima...). "Legislative" alone
// is not one: "Legislative Drafting Department" and "Secretariat for Legislation" belong to the executive.
const LEGISLATURE = new RegExp(`\\b(${[
  'senate', 'senat', 'senado( federal)?', 'senators', 'senateurs', 'senadores',
  'parliament\\w*', 'parlement\\w*', 'parlament\\w*', 'parlemen', 'bunge', 'legislature', 'legislatura',
  'lawmakers', 'legislators', 'legisladore?s', 'diputad[oa]s', 'deputados', 'deputes',
  'congress\\w*', 'congres', 'congreso', 'congresistas',
  'assembly', 'assemblies', 'assemblee\\w*', 'asamblea\\w*', 'assembleia\\w*',
  'house of (representatives|commons|lords|assembly|delegates|councillors|peoples?|keys|federation)',
  '(clerk|speaker|leaders?|secretary[- ]general|secretariat general|president) of the house',
  '(both|two) (chambers|houses)',
  'chambers? of (deputies|senators|representatives|councillors)', 'chambre des (deputes|representants|conseillers)',
  'camara (de|dos) (diputad\\w*|deputad\\w*|senador\\w*|representantes)', 'camaras? (alta|baja|legislativas?)',
  '(poder|organo|pouvoir|rama) legislati(vo|f)', 'legislative (branch|council)',
  'knesset', 'riigikogu', 'saeima', 'seimas', 'sejm', 'storting\\w*', 'folketing\\w*', 'althingi', 'eduskunta',
  'riksdag\\w*', 'bundestag', 'nationalrat', 'oireachtas', 'dail eireann', 'verkhovna rada', 'jogorku kenesh',
  'skupstin\\w*', 'sabor', 'cortes generales', 'state duma', 'great khural', 'states general', 'staten-generaal',
  'dewan perwakilan rakyat',
].join('|')})\\b`);

// Where those words name something else: the executive's dealings with the legislature ("Ministry of Relations with
// Parliament", "Secretaría de Relaciones Parlamentarias", the government's drafters in "Office of the Parliamentary
// Counsel") and citizens' assemblies.
const NOT_A_LEGISLATURE = new RegExp(`\\b(${[
  '(relations?|liaison|relaciones|relacoes|rapports) (with|avec|con|com) (the |le |la |l\'|el |o |a |os )?\\w+',
  '(relations?|relaciones|relacoes) (parlementaires|parlamentari[ao]s|parlamentares|legislativ[ao]s)',
  '(parliamentary|legislative) (affairs|liaison|counsel)', 'affaires parlementaires',
  'asuntos (parlamentarios|legislativos)', 'assuntos parlamentares',
  'citizens\'? assembl\\w*', 'assemblees? citoyennes?', 'asambleas? ciudadanas?', 'assembleias? cidadas?',
].join('|')})\\b`, 'g');

// The first rule that matches wins, so the order settles names with two kinds of words: "Ministerio de Medio
// Ambiente" is a ministry and not the media, "Comisión de Ética del Senado" a committee of the Senate and not an
// independent commission, "Forum des assemblées de comté" an association of county bodies and not an assembly.
const RULES: readonly KindRule[] = [
  {
    kind: 'international_body',
    words: /\b(nepad|aprm|maep|united nations|nations unies|naciones unidas|onu|undp|pnud|world bank|banque mondiale|banco mundial|benki ya dunia|african union|union africaine|union africana|umoja wa afrika|oecd|ocde|european union|union europeenne|union europea|european commission|commission europeenne|comision europea|council of europe|conseil de l'europe|consejo de europa|osce|inter-parliamentary union|union interparlementaire|union interparlamentaria|parlamericas|imf|fmi|usaid|giz|open government partnership)\b/,
    acronyms: /\bUN\b/,
  },
  {
    kind: 'subnational_government',
    words: /\b(county assemblies forum|forum (of|des|de) (the )?(county assemblies|assemblees de comte)|foro de asambleas de condado|council of governors|conseil des gouverneurs|consejo de gobernadores|county governments?|gouvernements? de comte|serikali (za|ya) kaunti)\b/,
  },
  {
    kind: 'ministry',
    // A minister named as the lead institution stands for the ministry ("Minister of State for Relations with the
    // Parliament"); only at the start, since "Office of the Prime Minister" is an office.
    words: /\b(ministry|ministries|ministere|ministeres|ministerio|ministerios|wizara)\b|^(the )?(minister|ministre|ministro|ministra|waziri)\b/,
  },
  // Watchdogs and networks named after the legislature they watch.
  {
    kind: 'civil_society',
    words: /\b(parliament(ary)?|legislative|parlementaire|parlamentaria) (e-?network|network|networks|initiatives network|watch|monitoring)\b|\b(alianza|alliance|alianca) (para|pour|for) (una?|an?|l')? ?(asamblea|parlamento|congreso|parlement|parliament|assemblee|assembly) (abiert[ao]|ouverte|open)\b/,
  },
  // DPR: Indonesia's House of Representatives (Dewan Perwakilan Rakyat), as "DPR RI" in its own plans.
  { kind: 'parliament', words: LEGISLATURE, acronyms: /\bDPR\b/, except: NOT_A_LEGISLATURE },
  { kind: 'independent_commission', words: /\b(commissions?|comision(es)?|comissao|tume)\b/ },
  {
    kind: 'judiciary',
    words: /\b(judiciary|pouvoir judiciaire|poder judicial|courts?|cour|tribunal\w*|mahakama|juzgados?|judicature)\b/,
  },
  {
    kind: 'subnational_government',
    words: /\b(county|counties|comte|comtes|condados?|kaunti|governors?|gouverneurs?|gobernador(es)?|municipal\w*|municipio|mairie|ayuntamiento|alcaldia|city council|state government|gobierno estatal|gobiernos estatales|provincial government|gouvernement provincial|gobierno provincial|regional government|gobierno regional)\b/,
  },
  {
    kind: 'academia',
    words: /\b(universit\w*|universidad\w*|chuo( kikuu)?|vyuo( vikuu)?|colleges?|college|ids-uon|uon|academia|institute of development studies)\b/,
  },
  { kind: 'media', words: /\b(media|medias|medios|vyombo vya habari|press|presse|prensa|journalists?|journalistes?|periodistas?)\b/ },
  {
    kind: 'civil_society',
    words: /\b(csos?|oscs?|ngos?|ongs?|civil society|societe civile|sociedad civil|asasi za kiraia|non-governmental|non gouvernementale?s?|no gubernamental(es)?)\b/,
  },
  {
    kind: 'private_sector',
    words: /\b(private sector|secteur prive|sector privado|sekta binafsi|chambers? of commerce|chambre de commerce|camara de comercio|business associations?)\b/,
  },
  {
    kind: 'agency',
    words: /\b(office of|bureau du|bureau de|bureau des|oficina de|oficina del|ofisi ya|agency|agencies|agence|agencia|wakala|mdas?|authority|autorite|autoridad|mamlaka|department|departement|departamento|directorate|state department)\b/,
  },
];

export type ActorGroup = 'government' | 'other' | 'lead';

export function inferInstitutionKind(name: string, actorGroup: ActorGroup): InstitutionKind {
  const folded = foldAccents(name).toLowerCase();
  const rule = RULES.find(({ words, acronyms, except }) =>
    words.test(except ? folded.replace(except, ' ') : folded) || (acronyms?.test(name) ?? false));
  if (rule) return rule.kind;
  // An unnamed government body is most often an agency; for the others we would rather say we do not know.
  return actorGroup === 'other' ? 'other' : 'agency';
}
