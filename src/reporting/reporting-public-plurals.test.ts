import { describe, expect, it } from 'vitest';
import { intlFor } from '../i18n/intl.ts';
import type { Locale } from '../i18n/locales.ts';

/**
 * Counts beside a noun or an agreeing word ("1 manquant, 2 manquants"; Swahili "imeripotiwa, zimeripotiwa") go
 * through ICU `plural`. These are the messages that once printed "1 manquants", "1 faltantes" or "1 (1 za umma)",
 * rendered for 1 and for 2 in every language. Most are on the public round page; the others came up in a scan of
 * every message for a number beside a noun.
 */
type Case = { key: string; values: Record<string, unknown>; expected: Record<Locale, string> };

const CASES: Case[] = [
  {
    key: 'reporting.public.institutionSummary',
    values: { reported: 1, total: 1, late: 1, missing: 1 },
    expected: {
      en: '1 of 1 milestone reported, 1 late, 1 missing.',
      fr: '1 jalon rapporté sur 1, 1 en retard, 1 manquant.',
      es: '1 de 1 hito con informe, 1 tardío, 1 faltante.',
      sw: 'Hatua 1 kati ya 1 imeripotiwa, 1 imechelewa, 1 haipo.',
    },
  },
  {
    key: 'reporting.public.institutionSummary',
    values: { reported: 2, total: 2, late: 2, missing: 2 },
    expected: {
      en: '2 of 2 milestones reported, 2 late, 2 missing.',
      fr: '2 jalons rapportés sur 2, 2 en retard, 2 manquants.',
      es: '2 de 2 hitos con informe, 2 tardíos, 2 faltantes.',
      sw: 'Hatua 2 kati ya 2 zimeripotiwa, 2 zimechelewa, 2 hazipo.',
    },
  },
  {
    key: 'reporting.public.evidenceCount',
    values: { count: 1, public: 1 },
    expected: { en: '1 piece (1 public)', fr: '1 preuve (1 publique)', es: '1 evidencia (1 pública)', sw: 'Kipengele 1 (1 cha umma)' },
  },
  {
    key: 'reporting.public.evidenceCount',
    values: { count: 2, public: 2 },
    expected: { en: '2 pieces (2 public)', fr: '2 preuves (2 publiques)', es: '2 evidencias (2 públicas)', sw: 'Vipengele 2 (2 vya umma)' },
  },
  {
    key: 'reporting.public.verdictCounts',
    values: { confirmed: 1, disputed: 1, insufficient: 1 },
    expected: {
      en: '(1 confirmed, 1 disputed, 1 insufficient)',
      fr: '(1 confirmé, 1 contesté, 1 insuffisant)',
      es: '(1 confirmado, 1 disputado, 1 insuficiente)',
      sw: '(1 amethibitisha, 1 amepinga, 1 ameona haitoshi)',
    },
  },
  {
    key: 'reporting.public.verdictCounts',
    values: { confirmed: 2, disputed: 2, insufficient: 2 },
    expected: {
      en: '(2 confirmed, 2 disputed, 2 insufficient)',
      fr: '(2 confirmés, 2 contestés, 2 insuffisants)',
      es: '(2 confirmados, 2 disputados, 2 insuficientes)',
      sw: '(2 wamethibitisha, 2 wamepinga, 2 wameona haitoshi)',
    },
  },
  {
    key: 'reporting.progress.count',
    values: { reported: 1, total: 2 },
    expected: {
      en: '1 of 2 milestones reported so far.',
      fr: '1 jalon sur 2 a fait l’objet d’un rapport à ce jour.',
      es: '1 de 2 hitos con informe hasta ahora.',
      sw: 'Hatua 1 kati ya 2 imeripotiwa hadi sasa.',
    },
  },
  {
    key: 'reporting.progress.count',
    values: { reported: 2, total: 2 },
    expected: {
      en: '2 of 2 milestones reported so far.',
      fr: '2 jalons sur 2 ont fait l’objet d’un rapport à ce jour.',
      es: '2 de 2 hitos con informe hasta ahora.',
      sw: 'Hatua 2 kati ya 2 zimeripotiwa hadi sasa.',
    },
  },
  {
    key: 'feed.subtitle',
    values: { count: 1 },
    expected: {
      en: 'Up to 1 commitment, the most recently created or changed first.',
      fr: 'Jusqu’à 1 engagement, les derniers créés ou modifiés en premier.',
      es: 'Hasta 1 compromiso, primero los creados o modificados más recientemente.',
      sw: 'Hadi ahadi 1, zilizoundwa au kubadilishwa karibuni zaidi zikianza.',
    },
  },
  {
    key: 'feed.subtitle',
    values: { count: 2 },
    expected: {
      en: 'Up to 2 commitments, the most recently created or changed first.',
      fr: 'Jusqu’à 2 engagements, les derniers créés ou modifiés en premier.',
      es: 'Hasta 2 compromisos, primero los creados o modificados más recientemente.',
      sw: 'Hadi ahadi 2, zilizoundwa au kubadilishwa karibuni zaidi zikianza.',
    },
  },
  {
    key: 'planReporting.coverageValue',
    values: { share: '100 %', part: 1, whole: 1 },
    expected: { en: '100 % (1 of 1 claim)', fr: '100 % (1 déclaration sur 1)', es: '100 % (1 de 1 afirmación)', sw: '100 % (dai 1 kati ya 1)' },
  },
  {
    key: 'planReporting.coverageValue',
    values: { share: '100 %', part: 2, whole: 2 },
    expected: { en: '100 % (2 of 2 claims)', fr: '100 % (2 déclarations sur 2)', es: '100 % (2 de 2 afirmaciones)', sw: '100 % (madai 2 kati ya 2)' },
  },
  {
    key: 'form.error.tooLong',
    values: { field: 'X', max: 1 },
    expected: {
      en: 'X: this is too long. Use at most 1 character.',
      fr: 'X : c’est trop long. Utilisez au plus 1 caractère.',
      es: 'X: es demasiado largo. Use como máximo 1 carácter.',
      sw: 'X: ni ndefu mno. Tumia herufi isiyozidi 1.',
    },
  },
  {
    key: 'form.error.tooLong',
    values: { field: 'X', max: 2 },
    expected: {
      en: 'X: this is too long. Use at most 2 characters.',
      fr: 'X : c’est trop long. Utilisez au plus 2 caractères.',
      es: 'X: es demasiado largo. Use como máximo 2 caracteres.',
      sw: 'X: ni ndefu mno. Tumia herufi zisizozidi 2.',
    },
  },
  {
    key: 'actionPlan.history.roundClosed',
    values: { label: 'Q3', reported: 1, milestones: 2 },
    expected: {
      en: 'Round “Q3”: 1 of 2 milestones reported.',
      fr: 'Cycle « Q3 » : jalons renseignés : 1 sur 2.',
      es: 'Ronda «Q3»: se informó sobre 1 de 2 hitos.',
      sw: 'Awamu “Q3”: hatua muhimu 1 kati ya 2 imeripotiwa.',
    },
  },
  {
    key: 'publicReport.evidenceCountRestricted',
    values: { count: 1, restricted: 1 },
    expected: {
      en: '1 item, 1 restricted',
      fr: '1 élément, dont 1 à accès restreint',
      es: '1 elemento, 1 de acceso restringido',
      sw: 'kipengele 1, 1 kimezuiliwa',
    },
  },
];

describe('counts beside nouns agree with the number', () => {
  it.each(CASES)('$key with $values', ({ key, values, expected }) => {
    for (const locale of Object.keys(expected) as Locale[]) {
      expect(intlFor(locale).t(key, values), `${locale}:${key}`).toBe(expected[locale]);
    }
  });
});
