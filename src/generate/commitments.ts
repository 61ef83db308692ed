import type { CommitmentRecordInput, PartialDate } from '../commitments/commitment-record.ts';
import { irmReviews } from './irm-reviews.ts';
import { isGovernment, type MemberOutline, type PlanOutline } from './members.ts';
import type { Random } from './random.ts';
import {
  ambitionSentence, descriptionSentences, milestoneSentence, render, renderAll, statusQuoSentences, titleSentence,
  type Sentence,
} from './text.ts';
import { CROSS_CUTTING_AREAS, DATE_FORMS, TOPICS, type Language } from './word-lists.ts';

/**
 * One commitment of the synthetic data set, built from its own random stream (derived from its OGP id), so that the
 * same seed gives the same record whatever else is generated.
 */
type Texts = CommitmentRecordInput['texts'][string];

/** The last year the data set has data for: later plans are still running. */
const CURRENT_YEAR = 2024;

export function ogpIdOf(member: MemberOutline, numberInMember: number): string {
  return `${member.member.ogpPrefix}${String(numberInMember).padStart(4, '0')}`;
}

export function buildCommitment(random: Random, member: MemberOutline, plan: PlanOutline, indexInPlan: number): CommitmentRecordInput {
  const numberInMember = plan.firstOgpNumber + indexInPlan - 1;
  const ogpId = ogpIdOf(member, numberInMember);
  const r = random.derive(ogpId);
  const language = member.language;
  const translated = language !== 'en' && r.chance(member.englishShare);
  const languages: Language[] = translated ? [language, 'en'] : [language];
  const topic = r.int(0, TOPICS.length - 1);
  const year = plan.endYear;

  const title = titleSentence(r, topic, year);
  const description = descriptionSentences(r, topic, year, language, Math.round(400 + Math.min(1100, Math.abs(r.normal()) * 450)), 1500);
  const objectives = r.chance(0.6) ? Array.from({ length: r.int(2, 4) }, () => milestoneSentence(r, topic, year)) : undefined;
  const statusQuo = r.chance(0.5) ? statusQuoSentences(r, topic, year, r.int(1, 2)) : undefined;
  const ambition = r.chance(0.4) ? ambitionSentence(r, topic, year) : undefined;
  const textsIn = (l: Language): Texts => ({
    title: render(title, l),
    description: renderAll(description, l),
    ...(objectives ? { objectives: renderAll(objectives, l, '\n') } : {}),
    ...(statusQuo ? { statusQuo: renderAll(statusQuo, l) } : {}),
    ...(ambition ? { ambition: render(ambition, l) } : {}),
  });

  const [lead, supporting] = institutions(r, member);
  const milestoneCount = Math.min(15, r.poisson(5));
  const withdrawn = plan.endYear < CURRENT_YEAR && r.chance(0.04);
  const status = withdrawn ? 'withdrawn' : plan.endYear < CURRENT_YEAR ? (r.chance(0.9) ? 'completed' : undefined)
    : (r.chance(0.85) ? 'active' : undefined);
  const carriedOver = plan.number > 1 && r.chance(0.04) ? previousPlanCommitment(r, member, plan) : undefined;
  const numberInPlan = member.sectionNumbers ? undefined : indexInPlan;

  return {
    member: member.member,
    actionPlan: { number: plan.number, submissionYear: plan.submissionYear, startYear: plan.startYear, endYear: plan.endYear },
    ogpId,
    ...(numberInPlan !== undefined ? { numberInPlan } : { numberLabel: `${Math.ceil(indexInPlan / 5)}.${((indexInPlan - 1) % 5) + 1}` }),
    ...(r.chance(0.7) ? { start: partialDate(r, plan.startYear, 1, 6, language), end: partialDate(r, plan.endYear, 6, 12, language) } : {}),
    ...(status ? { status } : {}),
    sourceLocale: language,
    ...(carriedOver ? { carriedOverFrom: carriedOver } : {}),
    texts: Object.fromEntries(languages.map((l) => [l, textsIn(l)])),
    leadInstitutions: lead,
    supportingInstitutions: supporting,
    policyAreas: policyAreas(r, topic),
    milestones: Array.from({ length: milestoneCount }, (_, i) => milestone(r, i + 1, milestoneCount, plan, topic, languages)),
    irmReviews: irmReviews(r, plan, {
      number: numberInPlan ?? indexInPlan, title: textsIn(language).title, language, withdrawn,
      narrative: () => renderAll(descriptionSentences(r, topic, year, language, 150, 400), language),
    }),
  };
}

function institutions(r: Random, member: MemberOutline): [CommitmentRecordInput['leadInstitutions'], CommitmentRecordInput['supportingInstitutions']] {
  const government = member.institutions.filter((i) => isGovernment(i.kind));
  const lead = r.sample(government, Number(r.weighted({ 1: 65, 2: 25, 3: 10 })));
  const rest = member.institutions.filter((i) => !lead.includes(i));
  const supporting = r.sample(rest, Math.min(8, r.poisson(2.5)))
    .map((i) => ({ ...i, actorGroup: isGovernment(i.kind) ? 'government' as const : 'other' as const }));
  return [lead.map((i) => ({ ...i })) as CommitmentRecordInput['leadInstitutions'], supporting as CommitmentRecordInput['supportingInstitutions']];
}

function policyAreas(r: Random, topic: number): string[] {
  const own = r.sample(TOPICS[topic]!.areas, r.int(1, TOPICS[topic]!.areas.length));
  const extra = r.sample(CROSS_CUTTING_AREAS, Number(r.weighted({ 0: 40, 1: 40, 2: 20 })));
  return [...new Set([...own, ...extra])].slice(0, 4);
}

function previousPlanCommitment(r: Random, member: MemberOutline, plan: PlanOutline): string | undefined {
  const previous = member.plans.find((p) => p.number === plan.number - 1);
  if (!previous) return undefined;
  return ogpIdOf(member, previous.firstOgpNumber + r.int(0, previous.commitments - 1));
}

/** A date of month, quarter or year precision in `year`, between months `from` and `to`, written in `language`. */
function partialDate(r: Random, year: number, from: number, to: number, language: Language): PartialDate {
  const precision = r.weighted({ month: 60, quarter: 25, year: 15 } as const);
  const month = r.int(from, to);
  if (precision === 'month') {
    return { date: `${year}-${String(month).padStart(2, '0')}-01`, precision, raw: DATE_FORMS[language].month(month, year) };
  }
  if (precision === 'quarter') {
    const quarter = Math.ceil(month / 3);
    return { date: `${year}-${String(quarter * 3 - 2).padStart(2, '0')}-01`, precision, raw: DATE_FORMS[language].quarter(quarter, year) };
  }
  return { date: `${year}-01-01`, precision, raw: String(year) };
}

function milestone(r: Random, number: number, count: number, plan: PlanOutline, topic: number, languages: Language[]) {
  const sentence: Sentence = milestoneSentence(r, topic, plan.endYear);
  // Milestones run through the plan in order: the n-th of k starts around n/k of the way.
  const span = (plan.endYear - plan.startYear + 1) * 12;
  const startMonth = Math.floor(((number - 1) / Math.max(1, count)) * (span - 3));
  const endMonth = Math.min(span - 1, startMonth + r.int(2, 12));
  const at = (m: number) => ({ year: plan.startYear + Math.floor(m / 12), month: (m % 12) + 1 });
  const start = at(startMonth);
  const end = at(endMonth);
  const dated = r.chance(0.9);
  const declaredStatus = r.weighted({ new: 75, ongoing: 15, none: 10 });
  return {
    number,
    ...(declaredStatus !== 'none' ? { declaredStatus } : {}),
    ...(dated ? {
      start: partialDate(r, start.year, start.month, start.month, languages[0]!),
      end: partialDate(r, end.year, end.month, end.month, languages[0]!),
    } : {}),
    texts: Object.fromEntries(languages.map((l) => [l, render(sentence, l)])),
  };
}
