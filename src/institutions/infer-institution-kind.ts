import { foldAccents } from '../text/fold-accents.ts';
import type { InstitutionKind } from './institution-kinds.ts';

/**
 * Guesses what kind of body an institution is from its name, in English, French, Spanish or Swahili, so imported
 * commitments can be filtered by kind. A guess only: editors correct it in the interface.
 */

interface KindRule {
  kind: InstitutionKind;
  /** Matched on the accent-free, lower-case name. */
  words: RegExp;
  /** Acronyms that are also ordinary words in lower case ("UN" and the French "un"), matched as written. */
  acronyms?: RegExp;
}

// The first rule that matches wins, so the order settles names with two kinds of words: "Forum des assemblées de
// comté" is a county body before it is an assembly, "Ministerio de Medio Ambiente" a ministry and not the media.
const RULES: readonly KindRule[] = [
  {
    kind: 'international_body',
    words: /\b(nepad|aprm|maep|united nations|nations unies|naciones unidas|onu|undp|pnud|world bank|banque mondiale|banco mundial|benki ya dunia|african union|union africaine|union africana|umoja wa afrika|oecd|ocde|european union|union europeenne|union europea|european commission|commission europeenne|comision europea|imf|fmi|usaid|giz|open government partnership)\b/,
    acronyms: /\bUN\b/,
  },
  {
    kind: 'subnational_government',
    words: /\b(county assembl\w*|assemblees? de comte|asambleas? de condado|bunge la kaunti|council of governors|conseil des gouverneurs|consejo de gobernadores|county governments?|gouvernements? de comte|serikali (za|ya) kaunti)\b/,
  },
  { kind: 'ministry', words: /\b(ministry|ministries|ministere|ministeres|ministerio|ministerios|wizara)\b/ },
  { kind: 'independent_commission', words: /\b(commissions?|comision(es)?|comissao|tume)\b/ },
  {
    kind: 'parliament',
    words: /\b(senate|senat|senado|parliament\w*|parlement\w*|parlamento|congress|congres|congreso|bunge|assembly|assemblies|assemblee\w*|asamblea\w*|legislature|poder legislativo)\b/,
  },
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
  const rule = RULES.find(({ words, acronyms }) => words.test(folded) || (acronyms?.test(name) ?? false));
  if (rule) return rule.kind;
  // An unnamed government body is most often an agency; for the others we would rather say we do not know.
  return actorGroup === 'other' ? 'other' : 'agency';
}
