import { describe, it, expect } from 'vitest';
import { readMilestoneRows } from './read-milestone-table.ts';

function summary(body: string): Array<[number, string, string | undefined, string | undefined, string | undefined]> {
  return readMilestoneRows(body).milestones.map((row) => [row.number, row.text, row.declaredStatus, row.start?.date, row.end?.date]);
}

describe('readMilestoneRows', () => {
  it('keeps numbers, dates and status words that belong to the text', () => {
    const body = '1. Publish 2 reports on the 2020 budget, new in 2021 New February 2021 May 2022 ' +
      '2. Phase 2. Review the New Deal ongoing since March 2020 Ongoing March 2021 March 2022';
    expect(summary(body)).toEqual([
      [1, 'Publish 2 reports on the 2020 budget, new in 2021', 'new', '2021-02-01', '2022-05-01'],
      [2, 'Phase 2. Review the New Deal ongoing since March 2020', 'ongoing', '2021-03-01', '2022-03-01'],
    ]);
  });

  it('reads quarters, numeric dates and rows without a status column', () => {
    const body = '1. Draft the law Q1 2021 Q3 2021 2. Adopt it 1er trimestre 2022 7/16/2022 3. Evaluate 2022 2023';
    expect(summary(body)).toEqual([
      [1, 'Draft the law', undefined, '2021-01-01', '2021-07-01'],
      [2, 'Adopt it', undefined, '2022-01-01', '2022-07-16'],
      [3, 'Evaluate', undefined, '2022-01-01', '2023-01-01'],
    ]);
  });

  it('reads Spanish rows', () => {
    expect(summary('1. Publicar los datos Nuevo febrero de 2021 diciembre de 2021 2. Evaluar En curso marzo de 2021 mayo de 2022')).toEqual([
      [1, 'Publicar los datos', 'new', '2021-02-01', '2021-12-01'],
      [2, 'Evaluar', 'ongoing', '2021-03-01', '2022-05-01'],
    ]);
  });

  it('keeps the raw text of a date it does not trust', () => {
    const [row] = readMilestoneRows('1. Train officers New 7/16/1905 7/16/1905').milestones;
    expect(row).toMatchObject({ startRaw: '7/16/1905', endRaw: '7/16/1905' });
    expect(row?.start).toBeUndefined();
  });

  it('names the first row it cannot read', () => {
    expect(readMilestoneRows('1. Draft New May 2021 June 2021 2. Adopt New Underway 3. Evaluate New May 2022 June 2022').problems)
      .toEqual(['milestone 2: no status, start date and end date found after its text']);
    expect(readMilestoneRows('Draft the law New May 2021 June 2021').problems)
      .toEqual(['milestone 1: expected the row to start with "1." but found "Draft the law New May 2021 June 2021"']);
    expect(readMilestoneRows('1. New May 2021 June 2021').problems).toEqual(['milestone 1: the row has no text']);
    expect(readMilestoneRows('  ').problems).toEqual(['milestones table has no rows']);
  });
});
