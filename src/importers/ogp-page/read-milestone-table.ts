import type { PartialDate } from '../../commitments/commitment-record.ts';
import { PARTIAL_DATE_PATTERN, parsePartialDate } from '../../milestones/partial-date.ts';
import { PAGE_LABELS, PAGE_LOCALES, type PageLabels } from './page-labels.ts';
import { anyLabelSource, foldForMatching } from './page-text.ts';

/**
 * Reads the milestone table of a commitment page. Saved as text, the table arrives flattened into one run:
 * "1. <text> Nouveau février 2021 décembre 2021 2. <text> Nouveau ...". Milestone texts contain numbers and
 * ordinary words, so a row is recognised by how it ends — status, start date, end date — followed by the next
 * row's number or by the end of the table.
 */
export interface ParsedMilestone {
  number: number;
  text: string;
  /** Whether the plan calls the milestone new or carried over; not its progress. */
  declaredStatus?: 'new' | 'ongoing';
  /** Undefined when the page's date is not one we trust; `startRaw` keeps what the page said. */
  start?: PartialDate;
  end?: PartialDate;
  startRaw: string;
  endRaw: string;
}

export interface MilestoneTable {
  milestones: ParsedMilestone[];
  /** Rows that could not be read, each naming its milestone number. */
  problems: string[];
}

/** Offsets of the table's header row in the folded page, or undefined when the page has no milestone table. */
export function findMilestoneTableHeader(folded: string, labels: PageLabels, from: number, to: number): { start: number; end: number } | undefined {
  const fallback = `(?:(?:no|non|n°|nº|num)\\.?\\s+)?${anyLabelSource(labels.milestoneTableHeaderStart)}` +
    `[\\s\\S]{0,300}?${anyLabelSource(labels.milestoneTableHeaderEnd)}`;
  for (const source of [anyLabelSource(labels.milestoneTableHeader), fallback]) {
    const pattern = new RegExp(source, 'gi');
    pattern.lastIndex = from;
    const match = pattern.exec(folded);
    if (match && match.index < to) return { start: match.index, end: match.index + match[0].length };
  }
  return undefined;
}

// Pages mix languages, so a French page may well say "Ongoing": statuses of every language are accepted.
const NEW_STATUS = anyLabelSource(PAGE_LOCALES.flatMap((locale) => PAGE_LABELS[locale].milestoneStatus.new));
const ONGOING_STATUS = anyLabelSource(PAGE_LOCALES.flatMap((locale) => PAGE_LABELS[locale].milestoneStatus.ongoing));

const ROW_END = new RegExp(
  `(?<=^|\\s)(?:(${NEW_STATUS})\\s+|(${ONGOING_STATUS})\\s+)?(${PARTIAL_DATE_PATTERN})\\s+(${PARTIAL_DATE_PATTERN})` +
  '(?=\\s+(\\d{1,3})[.)]\\s|\\s*$)',
  'gid',
);

interface RowEnd {
  start: number;
  end: number;
  status: 'new' | 'ongoing' | undefined;
  startRaw: string;
  endRaw: string;
  nextNumber: number | undefined;
}

/** Reads the rows that follow the header; `body` is the table text after the header row. */
export function readMilestoneRows(body: string): MilestoneTable {
  const text = body.replace(/\s+/g, ' ').trim();
  const rowEnds = findRowEnds(text);
  const milestones: ParsedMilestone[] = [];
  const problems: string[] = [];
  let position = 0;
  for (let number = 1; position < text.length; number += 1) {
    const row = readRow(text, rowEnds, position, number);
    if ('problem' in row) {
      problems.push(row.problem);
      break;
    }
    milestones.push(row.milestone);
    position = row.next;
  }
  if (milestones.length === 0 && problems.length === 0) problems.push('milestones table has no rows');
  return { milestones, problems };
}

function findRowEnds(text: string): RowEnd[] {
  const folded = foldForMatching(text);
  return [...folded.matchAll(ROW_END)].map((match) => {
    const span = (group: number): string => {
      const [from, to] = match.indices?.[group] ?? [0, 0];
      return text.slice(from, to);
    };
    const next = match[5];
    return {
      start: match.index,
      end: match.index + match[0].length,
      status: match[1] !== undefined ? 'new' : match[2] !== undefined ? 'ongoing' : undefined,
      startRaw: span(3),
      endRaw: span(4),
      nextNumber: next === undefined ? undefined : Number(next),
    };
  });
}

type RowReading = { milestone: ParsedMilestone; next: number } | { problem: string };

function readRow(text: string, rowEnds: readonly RowEnd[], position: number, number: number): RowReading {
  const opening = new RegExp(`^\\s*${number}\\s*[.)]\\s+`).exec(text.slice(position));
  if (!opening) {
    const seen = text.slice(position, position + 60).trim();
    return { problem: `milestone ${number}: expected the row to start with "${number}." but found "${seen}"` };
  }
  const textStart = position + opening[0].length;
  const rowEnd = rowEnds.find((candidate) => candidate.start >= textStart);
  const milestoneText = rowEnd ? text.slice(textStart, rowEnd.start).trim() : '';
  // The first status-and-dates after the row's number must be this row's. If it is followed by a number other than
  // the next row's, or the next row's number shows up inside the text, this row lost its dates and taking them
  // would silently swallow the rows after it.
  const nextRowInside = new RegExp(`(?:^|\\s)${number + 1}\\s*[.)]\\s`).test(milestoneText);
  if (!rowEnd || (rowEnd.nextNumber !== undefined && rowEnd.nextNumber !== number + 1) || nextRowInside) {
    return { problem: `milestone ${number}: no status, start date and end date found after its text` };
  }
  if (milestoneText === '') return { problem: `milestone ${number}: the row has no text` };
  return {
    milestone: {
      number,
      text: milestoneText,
      ...(rowEnd.status ? { declaredStatus: rowEnd.status } : {}),
      ...datesOf(rowEnd),
    },
    next: rowEnd.end,
  };
}

function datesOf(rowEnd: RowEnd): Pick<ParsedMilestone, 'start' | 'end' | 'startRaw' | 'endRaw'> {
  const start = parsePartialDate(rowEnd.startRaw);
  const end = parsePartialDate(rowEnd.endRaw);
  return {
    ...(start ? { start } : {}),
    ...(end ? { end } : {}),
    startRaw: rowEnd.startRaw,
    endRaw: rowEnd.endRaw,
  };
}
