import { detectPageLocale } from './detect-page-locale.ts';
import { OgpPageError } from './ogp-page-error.ts';
import { PAGE_LABELS, PAGE_LOCALES, type PageLabels, type PageLocale } from './page-labels.ts';
import { planNumberIn } from './plan-number.ts';
import { readIrmSummary, type IrmSummary } from './read-irm-summary.ts';
import { findMilestoneTableHeader, readMilestoneRows, type ParsedMilestone } from './read-milestone-table.ts';
import { splitSupportingActors } from './split-supporting-actors.ts';
import {
  findLine, isBlank, isHeading, labelLength, labelledValue, linesBetween, paragraphs, readPageText, splitList, type PageLine, type PageText,
} from './page-text.ts';

export { OgpPageError } from './ogp-page-error.ts';
export type { IrmSummary } from './read-irm-summary.ts';
export type { ParsedMilestone } from './read-milestone-table.ts';

/** The IRM block of the page's "At-a-Glance" box, as written (OGP often leaves values empty). */
export interface AtAGlanceIrm {
  irmReports: string[];
  earlyResults?: string;
  starred?: string;
  verifiable?: string;
  relevantToOgpValues?: string;
  /** "Ambition (see definition)" on new pages; old pages show "Potential Impact" instead. */
  ambition?: string;
  potentialImpact?: string;
  completion?: string;
}

export interface ParsedOgpPage {
  locale: PageLocale;
  memberName: string;
  /** Canonical, upper case: "KE0031". */
  ogpId: string;
  title: string;
  actionPlanTitle: string;
  actionPlan: { startYear: number; endYear: number };
  /** "Action Plan Cycle": the year the plan was submitted. */
  cycle?: number;
  /** From "NAP IV" or "PAN IV" in the commitment's text. */
  planNumber?: number;
  status?: string;
  leadInstitutions: string[];
  supportingGovernmentActors: string[];
  otherActors: string[];
  /** Supporting institutions listed before any "Other ... actors" sub-label. */
  supportingInstitutions: string[];
  policyAreas: string[];
  atAGlance: AtAGlanceIrm;
  description: string;
  objectives?: string;
  statusQuo?: string;
  ambition?: string;
  milestones: ParsedMilestone[];
  irmMidtermSummary?: IrmSummary;
  irmEndOfTermSummary?: IrmSummary;
}

/**
 * Reads an OGP commitment page saved as text (English, French or Spanish) into its parts, without touching the
 * database. Throws `OgpPageError` naming every required part it could not find, or the milestone row it could not
 * read.
 */
export function parseOgpPage(text: string): ParsedOgpPage {
  const page = readPageText(text);
  const locale = detectPageLocale(page.lines) ?? 'en';
  const labels = PAGE_LABELS[locale];
  const layout = findLayout(page, labels);
  const header = readHeader(page, layout);
  const glance = readAtAGlance(linesOf(page, layout.glance), labels);
  const texts = readCommitmentTexts(linesOf(page, layout.description), labels, layout.descriptionFound);
  const table = layout.table ? readMilestoneRows(page.text.slice(layout.table.from, layout.table.to)) : undefined;
  const missing = [...header.missing, ...glance.missing, ...texts.missing];
  const problems = table?.problems ?? [];
  if (missing.length > 0 || problems.length > 0) throw new OgpPageError(missing, problems);
  const milestones = table?.milestones ?? [];
  const title = present(header.title);
  const commitmentTexts = [title, texts.description, texts.objectives, texts.statusQuo, texts.ambition,
    ...milestones.map((milestone) => milestone.text)].filter((part): part is string => part !== undefined);
  return {
    locale,
    memberName: present(header.memberName),
    ogpId: present(header.ogpId),
    title,
    actionPlanTitle: present(glance.actionPlanTitle),
    actionPlan: present(glance.actionPlan),
    ...optional('cycle', glance.cycle),
    ...optional('planNumber', planNumberIn(commitmentTexts)),
    ...optional('status', glance.status),
    leadInstitutions: glance.leadInstitutions,
    supportingGovernmentActors: glance.supporting.government,
    otherActors: glance.supporting.other,
    supportingInstitutions: glance.supporting.unmarked,
    policyAreas: glance.policyAreas,
    atAGlance: glance.irm,
    description: present(texts.description),
    ...optional('objectives', texts.objectives),
    ...optional('statusQuo', texts.statusQuo),
    ...optional('ambition', texts.ambition),
    milestones,
    ...optional('irmMidtermSummary', layout.midterm && readIrmSummary(linesOf(page, layout.midterm), locale)),
    ...optional('irmEndOfTermSummary', layout.endOfTerm && readIrmSummary(linesOf(page, layout.endOfTerm), locale)),
  };
}

/** For parts whose absence was reported as missing above. */
function present<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('a required part of the page was not checked');
  return value;
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

// ---- Where each part of the page is -------------------------------------------------------------------------

/** A stretch of the page, by offsets. */
interface Span {
  from: number;
  to: number;
}

interface Layout {
  titleLine?: number;
  /** Where the "At-a-Glance" box starts, whether or not the title was found. */
  glanceLine?: number;
  glance: Span;
  descriptionFound: boolean;
  description: Span;
  table?: Span;
  midterm?: Span;
  endOfTerm?: Span;
}

function findLayout(page: PageText, labels: PageLabels): Layout {
  const { lines } = page;
  const footerLine = findFooterLine(lines);
  const glanceLine = findLine(lines, (line) => isGlanceAnchor(line, labels), 0, footerLine);
  const titleLine = findLine(lines, (line) => OGP_ID_AT_END.test(line.folded), 0, glanceLine ?? footerLine);
  const bodyFrom = (glanceLine ?? titleLine ?? -1) + 1;
  const descriptionLine = findLine(lines, (line) => labelledValue(line, labels.description) !== undefined, bodyFrom, footerLine);
  const midtermLine = findLine(lines, (line) => isHeading(line, labels.irmMidtermSummary), bodyFrom, footerLine);
  const endOfTermLine = findLine(lines, (line) => isHeading(line, labels.irmEndOfTermSummary), bodyFrom, footerLine);
  const footer = startOf(lines, footerLine, page.text.length);
  const summaryStarts = [midtermLine, endOfTermLine].map((line) => startOf(lines, line, footer));
  const textsFrom = descriptionLine === undefined ? startOf(lines, bodyFrom, footer) : descriptionEnd(lines, descriptionLine, labels);
  const header = findMilestoneTableHeader(page.folded, labels, textsFrom, Math.min(footer, ...summaryStarts));
  const firstAfter = (offset: number): number => Math.min(footer, ...[header?.start ?? footer, ...summaryStarts].filter((start) => start > offset));
  const glanceFrom = startOf(lines, (titleLine ?? glanceLine ?? -1) + 1, footer);
  return {
    ...optional('titleLine', titleLine),
    ...optional('glanceLine', glanceLine),
    glance: { from: glanceFrom, to: descriptionLine === undefined ? firstAfter(glanceFrom) : startOf(lines, descriptionLine, footer) },
    descriptionFound: descriptionLine !== undefined,
    description: { from: textsFrom, to: descriptionLine === undefined ? textsFrom : firstAfter(textsFrom) },
    ...optional('table', header && { from: header.end, to: firstAfter(header.end) }),
    ...optional('midterm', summarySpan(lines, midtermLine, firstAfter)),
    ...optional('endOfTerm', summarySpan(lines, endOfTermLine, firstAfter)),
  };
}

const OGP_ID_AT_END = /\(\s*([a-z]{2,4}\d{4})\s*\)\s*$/i;

function isGlanceAnchor(line: PageLine, labels: PageLabels): boolean {
  return isHeading(line, labels.keyInformation) || isHeading(line, labels.atAGlance) ||
    labelledValue(line, labels.actionPlan) !== undefined || labelledValue(line, labels.leadInstitution) !== undefined;
}

/** Index of the first of the trailing lines that are the site's navigation ("Commitments", "Open Government Partnership"). */
function findFooterLine(lines: readonly PageLine[]): number {
  const footerLabels = PAGE_LOCALES.flatMap((locale) => PAGE_LABELS[locale].footer);
  let footer = lines.length;
  for (let index = lines.length - 1; index >= 0; index -= 1) {
    const line = lines[index];
    if (!line || isBlank(line)) continue;
    if (!isHeading(line, footerLabels)) break;
    footer = index;
  }
  return footer;
}

function startOf(lines: readonly PageLine[], index: number | undefined, fallback: number): number {
  return index === undefined ? fallback : lines[index]?.start ?? fallback;
}

/** Just after the word "Description", so text on the same line belongs to the description. */
function descriptionEnd(lines: readonly PageLine[], index: number, labels: PageLabels): number {
  const line = lines[index];
  return line ? line.start + (labelLength(line, labels.description) ?? 0) : 0;
}

function summarySpan(lines: readonly PageLine[], headingLine: number | undefined, firstAfter: (offset: number) => number): Span | undefined {
  const heading = headingLine === undefined ? undefined : lines[headingLine];
  if (!heading) return undefined;
  const from = heading.start + heading.text.length;
  return { from, to: firstAfter(from) };
}

function linesOf(page: PageText, span: Span): PageLine[] {
  return linesBetween(page, span.from, span.to);
}

// ---- Header: member and title -----------------------------------------------------------------------------

interface Header {
  memberName?: string;
  ogpId?: string;
  title?: string;
  missing: string[];
}

function readHeader(page: PageText, layout: Layout): Header {
  const { lines } = page;
  // Site navigation ("Skip navigation", a "Commitments" breadcrumb) can sit around the member's name.
  const navigation = PAGE_LOCALES.flatMap((locale) => [...PAGE_LABELS[locale].skipNavigation, ...PAGE_LABELS[locale].footer]);
  const isName = (line: PageLine): boolean => !isBlank(line) && !isHeading(line, navigation) && line.text.trim().length <= 120;
  const titleLine = layout.titleLine === undefined ? undefined : lines[layout.titleLine];
  const memberLine = layout.titleLine !== undefined
    ? lastLine(lines, isName, layout.titleLine)
    : layout.glanceLine === undefined ? undefined : findLine(lines, isName, 0, layout.glanceLine);
  const memberName = memberLine === undefined ? undefined : lines[memberLine]?.text.trim();
  const missing = [
    ...(memberName ? [] : ['member name']),
    ...(titleLine ? [] : ['commitment id in the title']),
  ];
  if (!titleLine) return { ...optional('memberName', memberName), missing };
  const id = OGP_ID_AT_END.exec(titleLine.text);
  const title = titleLine.text.slice(0, id?.index ?? titleLine.text.length).trim();
  return {
    ...optional('memberName', memberName),
    ogpId: (id?.[1] ?? '').toUpperCase(),
    title,
    missing: title === '' ? [...missing, 'commitment title'] : missing,
  };
}

function lastLine(lines: readonly PageLine[], test: (line: PageLine) => boolean, before: number): number | undefined {
  for (let index = before - 1; index >= 0; index -= 1) {
    const line = lines[index];
    if (line && test(line)) return index;
  }
  return undefined;
}

// ---- At-a-Glance box ----------------------------------------------------------------------------------------

interface AtAGlance {
  actionPlanTitle?: string;
  actionPlan?: { startYear: number; endYear: number };
  cycle?: number;
  status?: string;
  leadInstitutions: string[];
  supporting: ReturnType<typeof splitSupportingActors>;
  policyAreas: string[];
  irm: AtAGlanceIrm;
  missing: string[];
}

function readAtAGlance(lines: readonly PageLine[], labels: PageLabels): AtAGlance {
  const field = (names: readonly string[]): string | undefined => fieldValue(lines, names, labels);
  const actionPlanTitle = field(labels.actionPlan);
  const actionPlan = actionPlanTitle === undefined ? undefined : planYears(actionPlanTitle);
  const leadInstitutions = splitList(field(labels.leadInstitution) ?? '');
  const status = field(labels.status);
  const missing = [
    ...(actionPlanTitle === undefined ? ['action plan'] : actionPlan ? [] : ['action plan years (such as "2020-2022")']),
    ...(leadInstitutions.length > 0 ? [] : ['lead institution']),
  ];
  return {
    ...optional('actionPlanTitle', actionPlanTitle),
    ...optional('actionPlan', actionPlan),
    ...optional('cycle', yearIn(field(labels.actionPlanCycle))),
    ...optional('status', status === '' ? undefined : status),
    leadInstitutions,
    supporting: splitSupportingActors(supportValue(lines, labels), labels),
    policyAreas: splitList(policyAreasValue(lines, labels)),
    irm: readGlanceIrm(field, labels),
    missing,
  };
}

function readGlanceIrm(field: (names: readonly string[]) => string | undefined, labels: PageLabels): AtAGlanceIrm {
  return {
    irmReports: splitList(field(labels.irmReport) ?? ''),
    ...optional('earlyResults', field(labels.earlyResults)),
    ...optional('starred', field(labels.starred)),
    ...optional('verifiable', field(labels.verifiable)),
    ...optional('relevantToOgpValues', field(labels.relevantToOgpValues)),
    ...optional('ambition', field(labels.ambitionAtAGlance)),
    ...optional('potentialImpact', field(labels.potentialImpact)),
    ...optional('completion', field(labels.completion)),
  };
}

/**
 * The value after a label, as written; "" when the label is there with nothing after it. A value the page put on
 * the next line is taken too, unless that line is itself a label or heading.
 */
function fieldValue(lines: readonly PageLine[], names: readonly string[], labels: PageLabels): string | undefined {
  const index = findLine(lines, (line) => labelledValue(line, names) !== undefined);
  const line = index === undefined ? undefined : lines[index];
  if (index === undefined || !line) return undefined;
  const value = labelledValue(line, names) ?? '';
  if (value !== '') return value;
  const next = lines.slice(index + 1).find((candidate) => !isBlank(candidate));
  return next && !isGlanceLabel(next, labels) ? next.text.trim() : '';
}

function isGlanceLabel(line: PageLine, labels: PageLabels): boolean {
  const names = [
    labels.keyInformation, labels.atAGlance, labels.actionPlan, labels.actionPlanCycle, labels.status,
    labels.institutionsHeading, labels.leadInstitution, labels.supportInstitutions, labels.otherGovernmentActors,
    labels.otherActors, labels.policyAreas, labels.irmReview, labels.irmReport, labels.earlyResults, labels.starred,
    labels.designHeading, labels.implementationHeading, labels.verifiable, labels.relevantToOgpValues,
    labels.ambitionAtAGlance, labels.potentialImpact, labels.completion, labels.description,
  ].flat();
  return labelledValue(line, names) !== undefined;
}

/** "Plan d'action du Kenya 2020-2022" → 2020 to 2022; also "2020–22". */
function planYears(title: string): { startYear: number; endYear: number } | undefined {
  const ranges = [...title.matchAll(/\b(\d{4})\s*[-–—/]\s*(\d{4}|\d{2})\b/g)];
  const last = ranges[ranges.length - 1];
  if (!last) return undefined;
  const startYear = Number(last[1]);
  const end = last[2] ?? '';
  const endYear = end.length === 2 ? Math.floor(startYear / 100) * 100 + Number(end) : Number(end);
  return endYear > startYear ? { startYear, endYear } : undefined;
}

function yearIn(value: string | undefined): number | undefined {
  const year = value === undefined ? undefined : /\b(\d{4})\b/.exec(value)?.[1];
  return year === undefined ? undefined : Number(year);
}

/** The support institutions line, with any "Other actors" lines the page put under it. */
function supportValue(lines: readonly PageLine[], labels: PageLabels): string {
  const index = findLine(lines, (line) => labelledValue(line, labels.supportInstitutions) !== undefined);
  const line = index === undefined ? undefined : lines[index];
  if (index === undefined || !line) return '';
  const parts = [labelledValue(line, labels.supportInstitutions) ?? ''];
  const markers = [...labels.otherGovernmentActors, ...labels.otherActors].map((label) => label.replace(/\s*:\s*$/, ''));
  for (const next of lines.slice(index + 1).filter((candidate) => !isBlank(candidate))) {
    if (labelledValue(next, markers) === undefined) break;
    parts.push(next.text.trim());
  }
  return parts.join(' ');
}

/** Policy areas sit on the line under their heading ("Policy Areas" / "Capacity Building, Public Participation"). */
function policyAreasValue(lines: readonly PageLine[], labels: PageLabels): string {
  const index = findLine(lines, (line) => labelledValue(line, labels.policyAreas) !== undefined);
  const line = index === undefined ? undefined : lines[index];
  if (index === undefined || !line) return '';
  const sameLine = labelledValue(line, labels.policyAreas) ?? '';
  if (sameLine !== '') return sameLine;
  const next = lines.slice(index + 1).find((candidate) => !isBlank(candidate));
  return next && !isGlanceLabel(next, labels) ? next.text.trim() : '';
}

// ---- Description, objectives, status quo, ambition ---------------------------------------------------------

type TextSection = 'description' | 'objectives' | 'statusQuo' | 'ambition';

interface CommitmentTexts {
  description?: string;
  objectives?: string;
  statusQuo?: string;
  ambition?: string;
  missing: string[];
}

function readCommitmentTexts(lines: readonly PageLine[], labels: PageLabels, descriptionFound: boolean): CommitmentTexts {
  const sections: Record<TextSection, string[]> = { description: [], objectives: [], statusQuo: [], ambition: [] };
  let current: TextSection = 'description';
  for (const line of lines) {
    const started = sectionStartedBy(line, labels);
    if (started) current = started.section;
    sections[current].push(started ? started.rest : line.text);
  }
  const description = paragraphs(sections.description);
  return {
    ...optional('description', description || undefined),
    ...optional('objectives', bulletsAsLines(paragraphs(sections.objectives)) || undefined),
    ...optional('statusQuo', paragraphs(sections.statusQuo) || undefined),
    ...optional('ambition', paragraphs(sections.ambition) || undefined),
    missing: descriptionFound && description !== '' ? [] : ['description'],
  };
}

function sectionStartedBy(line: PageLine, labels: PageLabels): { section: TextSection; rest: string } | undefined {
  const sections: Array<[TextSection, readonly string[]]> = [
    ['objectives', labels.objectives], ['statusQuo', labels.statusQuo], ['ambition', labels.ambition],
  ];
  for (const [section, names] of sections) {
    const rest = labelledValue(line, names);
    if (rest !== undefined) return { section, rest };
  }
  return undefined;
}

/** "• a • b" → "a\nb": each objective on its own line. */
function bulletsAsLines(text: string): string {
  if (!/[•●▪◦\uf0b7]/.test(text)) return text;
  return text.split(/\s*[•●▪◦\uf0b7]\s*/).map((item) => item.trim()).filter((item) => item !== '').join('\n');
}
