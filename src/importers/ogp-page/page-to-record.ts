import type { CommitmentRecordInput } from '../../commitments/commitment-record.ts';
import { inferInstitutionKind } from '../../institutions/infer-institution-kind.ts';
import type { InstitutionKind } from '../../institutions/institution-kinds.ts';
import { REPORTS_BY_METHOD, type IrmIndicator, type IrmMethod, type IrmReport } from '../../irm/indicators.ts';
import { memberFromOgpId } from './member-from-ogp-id.ts';
import { OgpPageError } from './ogp-page-error.ts';
import { PAGE_LABELS, PAGE_LOCALES } from './page-labels.ts';
import { foldForMatching } from './page-text.ts';
import type { ParsedOgpPage } from './parse-ogp-page.ts';
import type { IrmSummary } from './read-irm-summary.ts';
import type { ParsedMilestone } from './read-milestone-table.ts';

/**
 * Turns a parsed commitment page into the CommitmentRecord every importer produces. What the page does not say
 * (the plan's number, the policy-area keys) comes from the caller; what the page says unclearly becomes a warning
 * for the person importing, never a guess stored silently.
 */
export interface PageToRecordContext {
  /** The taxonomy key for a policy area as labelled on the page, or undefined when it is not in the taxonomy. */
  policyAreaKey(label: string, locale: string): string | undefined;
  /** The action plan's number, when the page does not name the plan ("NAP IV"). */
  planNumber?: number;
}

export function pageToCommitmentRecord(page: ParsedOgpPage, context: PageToRecordContext): { record: CommitmentRecordInput; warnings: string[] } {
  const warnings: string[] = [];
  const planNumber = context.planNumber ?? page.planNumber;
  const { keys: policyAreas, unknown } = policyAreaKeys(page, context);
  if (planNumber === undefined || unknown.length > 0) {
    throw new OgpPageError(
      planNumber === undefined ? ['action plan number (pass --plan-number)'] : [],
      unknown.map((label) => `unknown policy area "${label}" (${page.locale})`),
      'Cannot import the OGP commitment page',
    );
  }
  const status = commitmentStatus(page.status, warnings);
  const numberInPlan = irmNumber(page, warnings);
  const record: CommitmentRecordInput = {
    member: memberFromOgpId(page.ogpId, page.memberName, warnings),
    actionPlan: actionPlan(page, planNumber, warnings),
    ogpId: page.ogpId,
    ...(numberInPlan === undefined ? {} : { numberInPlan }),
    ...(status === undefined ? {} : { status }),
    sourceLocale: page.locale,
    texts: { [page.locale]: commitmentTexts(page) },
    leadInstitutions: page.leadInstitutions.map((name) => ({ name, kind: inferInstitutionKind(name, 'lead') })),
    supportingInstitutions: supportingInstitutions(page),
    policyAreas,
    milestones: page.milestones.map((milestone) => milestoneRecord(milestone, page.locale, warnings)),
    irmReviews: irmReviews(page, warnings),
  };
  return { record, warnings };
}

function actionPlan(page: ParsedOgpPage, number: number, warnings: string[]): CommitmentRecordInput['actionPlan'] {
  if (page.cycle === undefined) {
    warnings.push(`the page gives no action plan cycle; took the plan's first year, ${page.actionPlan.startYear}, as its submission year`);
  }
  return { number, submissionYear: page.cycle ?? page.actionPlan.startYear, ...page.actionPlan };
}

function commitmentTexts(page: ParsedOgpPage): CommitmentRecordInput['texts'][string] {
  return {
    title: page.title,
    description: page.description,
    ...(page.objectives === undefined ? {} : { objectives: page.objectives }),
    ...(page.statusQuo === undefined ? {} : { statusQuo: page.statusQuo }),
    ...(page.ambition === undefined ? {} : { ambition: page.ambition }),
  };
}

function commitmentStatus(raw: string | undefined, warnings: string[]): CommitmentRecordInput['status'] {
  if (raw === undefined) return undefined;
  const wanted = foldForMatching(raw).trim();
  for (const locale of PAGE_LOCALES) {
    const statuses = Object.entries(PAGE_LABELS[locale].commitmentStatus) as Array<[NonNullable<CommitmentRecordInput['status']>, readonly string[]]>;
    const found = statuses.find(([, words]) => words.some((word) => foldForMatching(word) === wanted));
    if (found) return found[0];
  }
  warnings.push(`commitment status "${raw}" not understood; left empty`);
  return undefined;
}

// Kinds that are never part of government, for supporting institutions the page did not put in a group.
const NON_GOVERNMENT_KINDS: readonly InstitutionKind[] = ['civil_society', 'academia', 'media', 'private_sector'];

function supportingInstitutions(page: ParsedOgpPage): CommitmentRecordInput['supportingInstitutions'] {
  const government = page.supportingGovernmentActors.map((name) => ({
    name, kind: inferInstitutionKind(name, 'government'), actorGroup: 'government' as const,
  }));
  const other = page.otherActors.map((name) => ({ name, kind: inferInstitutionKind(name, 'other'), actorGroup: 'other' as const }));
  const unmarked = page.supportingInstitutions.map((name) => {
    const kind = inferInstitutionKind(name, 'government');
    return { name, kind, actorGroup: NON_GOVERNMENT_KINDS.includes(kind) ? 'other' as const : 'government' as const };
  });
  return [...government, ...other, ...unmarked];
}

function policyAreaKeys(page: ParsedOgpPage, context: PageToRecordContext): { keys: string[]; unknown: string[] } {
  const keys: string[] = [];
  const unknown: string[] = [];
  for (const label of page.policyAreas) {
    const key = context.policyAreaKey(label, page.locale);
    if (key === undefined) unknown.push(label);
    else if (!keys.includes(key)) keys.push(key);
  }
  return { keys, unknown };
}

function milestoneRecord(milestone: ParsedMilestone, locale: string, warnings: string[]): NonNullable<CommitmentRecordInput['milestones']>[number] {
  for (const [which, date, raw] of [['start', milestone.start, milestone.startRaw], ['end', milestone.end, milestone.endRaw]] as const) {
    if (date === undefined) warnings.push(`milestone ${milestone.number}: ${which} date "${raw}" is not a date we can trust; left empty`);
  }
  return {
    number: milestone.number,
    ...(milestone.declaredStatus === undefined ? {} : { declaredStatus: milestone.declaredStatus }),
    ...(milestone.start === undefined ? {} : { start: milestone.start }),
    ...(milestone.end === undefined ? {} : { end: milestone.end }),
    texts: { [locale]: milestone.text },
  };
}

/** The IRM's number for the commitment; both summaries normally agree, the later report wins if not. */
function irmNumber(page: ParsedOgpPage, warnings: string[]): number | undefined {
  const midterm = page.irmMidtermSummary?.irmNumber;
  const endOfTerm = page.irmEndOfTermSummary?.irmNumber;
  if (midterm !== undefined && endOfTerm !== undefined && midterm !== endOfTerm) {
    warnings.push(`the IRM numbers the commitment ${midterm} mid-term and ${endOfTerm} at the end of term; kept ${endOfTerm}`);
  }
  return endOfTerm ?? midterm;
}

type Stage = 'midterm' | 'endOfTerm';

function irmReviews(page: ParsedOgpPage, warnings: string[]): CommitmentRecordInput['irmReviews'] {
  const stages: Array<[Stage, IrmSummary | undefined]> = [['midterm', page.irmMidtermSummary], ['endOfTerm', page.irmEndOfTermSummary]];
  return stages.flatMap(([stage, summary]) => (summary ? [irmReview(summary, stage, page, warnings)] : []));
}

function irmReview(summary: IrmSummary, stage: Stage, page: ParsedOgpPage, warnings: string[]): CommitmentRecordInput['irmReviews'][number] {
  const report = summary.report ?? assumedReport(stage, page, warnings);
  const texts = {
    ...(summary.irmTitle === undefined ? {} : { irmTitle: summary.irmTitle }),
    ...(summary.narrative === undefined ? {} : { narrative: summary.narrative }),
  };
  for (const { indicator, raw } of summary.unreadRatings) {
    warnings.push(`IRM ${report.replace(/_/g, ' ')}: ${indicator.replace(/_/g, ' ')} "${raw}" not understood; left out`);
  }
  return {
    method: methodOf(report),
    report,
    ...(summary.irmNumber === undefined ? {} : { irmNumber: summary.irmNumber }),
    texts: Object.keys(texts).length === 0 ? {} : { [page.locale]: texts },
    ratings: [
      ...(Object.entries(summary.ratings) as Array<[IrmIndicator, string]>).map(([indicator, value]) => ({
        indicator, state: 'assessed' as const, value,
      })),
      ...summary.pendingRatings.map((indicator) => ({ indicator, state: 'not_reviewed' as const })),
    ],
  };
}

// The IRM changed method with the plans submitted in 2020: Action Plan Review and Results Report replaced the
// Progress and End-of-Term reports.
const FIRST_CYCLE_OF_NEW_METHOD = 2020;

function assumedReport(stage: Stage, page: ParsedOgpPage, warnings: string[]): IrmReport {
  const submitted = page.cycle ?? page.actionPlan.startYear;
  const newMethod = submitted >= FIRST_CYCLE_OF_NEW_METHOD;
  const report: IrmReport = stage === 'midterm'
    ? (newMethod ? 'action_plan_review' : 'progress')
    : (newMethod ? 'results' : 'end_of_term');
  warnings.push(`the IRM ${stage === 'midterm' ? 'midterm' : 'end-of-term'} summary does not name its report; ` +
    `assumed ${report.replace(/_/g, ' ')} for a plan submitted in ${submitted}`);
  return report;
}

function methodOf(report: IrmReport): IrmMethod {
  return REPORTS_BY_METHOD.irm_2020.includes(report) ? 'irm_2020' : 'irm_2012';
}
