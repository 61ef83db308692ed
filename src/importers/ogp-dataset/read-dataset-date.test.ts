import { describe, expect, it } from 'vitest';
import { readDatasetDate } from './read-dataset-date.ts';

const read = (cell: string) => {
  const warnings: string[] = [];
  return { date: readDatasetDate(cell, 'Start Date', warnings), warnings };
};

describe("reading OGP's free-text dates", () => {
  it('reads the forms OGP uses, without a warning', () => {
    expect(read('7/16/2019')).toEqual({ date: { date: '2019-07-16', precision: 'day', raw: '7/16/2019' }, warnings: [] });
    expect(read('July 2019')).toEqual({ date: { date: '2019-07-01', precision: 'month', raw: 'July 2019' }, warnings: [] });
    expect(read('I quarter of 2019')).toEqual({ date: { date: '2019-01-01', precision: 'quarter', raw: 'I quarter of 2019' }, warnings: [] });
  });

  it('means no date by NA or an empty cell', () => {
    expect(read('NA')).toEqual({ date: undefined, warnings: [] });
    expect(read(' ')).toEqual({ date: undefined, warnings: [] });
  });

  it('reads day-first dates and Excel day numbers only when unambiguous, and says so', () => {
    expect(read('31/12/2014').date).toEqual({ date: '2014-12-31', precision: 'day', raw: '31/12/2014' });
    expect(read('31/12/2014').warnings).toEqual(['column "Start Date": read "31/12/2014" as day/month/year, 2014-12-31']);
    expect(read('43525').date).toEqual({ date: '2019-03-01', precision: 'day', raw: '43525' });
    expect(read('43525').warnings).toEqual(['column "Start Date": read the spreadsheet day number "43525" as 2019-03-01']);
  });

  it('keeps what it cannot trust as written, with no date and a warning', () => {
    for (const cell of ['7/16/1905', 'Underway', 'Spring 2015', '12345']) {
      expect(read(cell)).toEqual({ date: { raw: cell }, warnings: [`column "Start Date": "${cell}" is not a date we can trust; kept as written, with no date`] });
    }
  });
});
