import type { CommitmentRecordInput } from '../../commitments/commitment-record.ts';
import { FIRST_YEAR_OF_2020_METHOD, isRatedByMethod, type IrmMethod, type IrmReport } from '../../irm/indicators.ts';
import { byCell } from '../table/by-cell.ts';
import { CellError } from '../table/cell-error.ts';
import { IRM_CODE_COLUMNS, IRM_COLUMNS, REPORT_YEAR_COLUMNS, type IrmColumn, type Stage } from './irm-columns.ts';
import { codeDisagreement, readRating, type CellRating } from './read-rating.ts';

type Review = CommitmentRecordInput['irmReviews'][number];
type Cells = Readonly<Record<string, string>>;

const REPORT: Record<Stage, Record<IrmMethod, IrmReport>> = {
  design: { irm_2012: 'progress', irm_2020: 'action_plan_review' },
  end: { irm_2012: 'end_of_term', irm_2020: 'results' },
};

// Each rating column holds a handful of wordings over every row: each is read once per column.
const RATING_READERS = new Map(IRM_COLUMNS.map((column) => [column, byCell((cell) => readRating(cell, column))]));

/**
 * The IRM reviews a dataset row holds: one per stage that has anything (a rating other than ND, or a report year).
 * Every rating of the review's method is stored, ND included as "no data"; a rating of the other method is stored
 * only when it says something (NR on a row never reviewed), so a progress report does not list "potential for
 * results: no data".
 */
export function irmReviewsOfRow(cells: Cells, submissionYear: number, warnings: string[]): Review[] {
  const ratings = new Map<IrmColumn, CellRating>(IRM_COLUMNS.map((column) => [column, RATING_READERS.get(column)!(cells[column.column] ?? '')]));
  const byName = new Map([...ratings].map(([column, rating]) => [column.column, rating]));
  warnings.push(...codeWarnings(cells, byName));
  // A 2019 plan with early results had a transitional Results Report (2020 method) after a 2012-method design review.
  const methods: Record<Stage, IrmMethod> = {
    design: submissionYear >= FIRST_YEAR_OF_2020_METHOD ? 'irm_2020' : 'irm_2012',
    end: submissionYear >= FIRST_YEAR_OF_2020_METHOD || byName.get('Early Results')?.state === 'assessed' ? 'irm_2020' : 'irm_2012',
  };
  return (['design', 'end'] as const).flatMap((stage) => {
    const review = reviewOfStage(stage, methods[stage], ratings, cells);
    return review ? [review] : [];
  });
}

function reviewOfStage(stage: Stage, method: IrmMethod, ratings: Map<IrmColumn, CellRating>, cells: Cells): Review | undefined {
  const own = [...ratings].filter(([column]) => column.stage === stage);
  const publishedYear = reportYear(cells, stage);
  if (publishedYear === undefined && own.every(([, rating]) => rating.state === 'no_data')) return undefined;
  return {
    method,
    report: REPORT[stage][method],
    ...(publishedYear === undefined ? {} : { publishedYear }),
    texts: {},
    ratings: own
      .filter(([column, rating]) => rating.state !== 'no_data' || isRatedByMethod(column.indicator, method))
      .map(([column, rating]) => ({ indicator: column.indicator, ...rating })),
  };
}

function reportYear(cells: Cells, stage: Stage): number | undefined {
  const column = REPORT_YEAR_COLUMNS.find((c) => c.stage === stage)!.column;
  const cell = (cells[column] ?? '').trim();
  if (/^(nd|nr|na|pending irm review)$/i.test(cell)) return undefined;
  const year = /^\d{4}$/.test(cell) ? Number(cell) : NaN;
  if (!(year >= 2011 && year <= 2100)) throw new CellError(column, `"${cell}" is not a year (or ND, NR, NA)`);
  return year;
}

function codeWarnings(cells: Cells, ratings: Map<string, CellRating>): string[] {
  return IRM_CODE_COLUMNS.flatMap((code) => {
    const rating = ratings.get(code.of);
    if (!rating) throw new Error(`${code.column} checks "${code.of}", which is not an IRM column`);
    const problem = codeDisagreement(cells[code.column], code, rating, cells[code.of] ?? '');
    return problem ? [problem] : [];
  });
}
