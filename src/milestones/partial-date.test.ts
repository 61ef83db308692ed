import { describe, it, expect } from 'vitest';
import { findMonthYears, MONTH_PATTERN, parsePartialDate, PARTIAL_DATE_PATTERN } from './partial-date.ts';

function dateOf(raw: string): string | undefined {
  return parsePartialDate(raw)?.date;
}

describe('parsePartialDate: month and year', () => {
  it.each([
    ['février 2021', '2021-02-01'],
    ['Février 2021', '2021-02-01'],
    ['FÉVRIER 2021', '2021-02-01'],
    ['fevrier 2021', '2021-02-01'],
    ['February 2021', '2021-02-01'],
    ['Feb 2021', '2021-02-01'],
    ['Feb. 2021', '2021-02-01'],
    ['February, 2021', '2021-02-01'],
    ['febrero de 2021', '2021-02-01'],
    ['Febrero del 2021', '2021-02-01'],
    ['Februari 2021', '2021-02-01'],
    ['décembre 2021', '2021-12-01'],
    ['Décembre 2021', '2021-12-01'],
    ['septembre 2021', '2021-09-01'],
    ['Sept 2021', '2021-09-01'],
    ['sept. 2021', '2021-09-01'],
    ['août 2022', '2022-08-01'],
    ['Agosti 2022', '2022-08-01'],
    ['Desemba 2022', '2022-12-01'],
    ['setiembre de 2020', '2020-09-01'],
    ['mai 2022', '2022-05-01'],
    ['Mayo 2022', '2022-05-01'],
    ['Mei 2022', '2022-05-01'],
    ['Machi 2021', '2021-03-01'],
    ['July 2019', '2019-07-01'],
    ['Jul-2019', '2019-07-01'],
    ['\u00a0 mars\u00a02021 ', '2021-03-01'],
  ])('%s → %s', (raw, date) => {
    expect(parsePartialDate(raw)).toEqual({ date, precision: 'month', raw: raw.trim() });
  });
});

describe('parsePartialDate: days', () => {
  it.each([
    ['19 juillet 2022', '2022-07-19'],
    ['1er février 2021', '2021-02-01'],
    ['1 de febrero de 2021', '2021-02-01'],
    ['July 19, 2022', '2022-07-19'],
    ['July 19 2022', '2022-07-19'],
    ['19 Julai 2022', '2022-07-19'],
    ['7/16/2021', '2021-07-16'],
    ['12/31/2022', '2022-12-31'],
    ['2/29/2024', '2024-02-29'],
    ['7/16/21', '2021-07-16'],
    ['2021-02-15', '2021-02-15'],
    ['2021-2-5', '2021-02-05'],
  ])('%s → %s', (raw, date) => {
    expect(parsePartialDate(raw)).toEqual({ date, precision: 'day', raw });
  });
});

describe('parsePartialDate: quarters, months in numbers, years', () => {
  it.each([
    ['I quarter of 2019', '2019-01-01'],
    ['IV quarter of 2019', '2019-10-01'],
    ['Quarter 1 2020', '2020-01-01'],
    ['Quarter 3, 2020', '2020-07-01'],
    ['Q3 2021', '2021-07-01'],
    ['q4 2021', '2021-10-01'],
    ['Q2/2021', '2021-04-01'],
    ['2021 Q2', '2021-04-01'],
    ['T1 2021', '2021-01-01'],
    ['1er trimestre 2021', '2021-01-01'],
    ['2e trimestre 2021', '2021-04-01'],
    ['troisième trimestre 2021', '2021-07-01'],
    ['primer trimestre de 2021', '2021-01-01'],
    ['Cuarto trimestre de 2021', '2021-10-01'],
    ['first quarter of 2022', '2022-01-01'],
    ['3rd quarter 2022', '2022-07-01'],
    ['robo ya kwanza 2022', '2022-01-01'],
  ])('%s → quarter %s', (raw, date) => {
    expect(parsePartialDate(raw)).toEqual({ date, precision: 'quarter', raw });
  });

  it('reads a year-month as a month', () => {
    expect(parsePartialDate('2021-02')).toEqual({ date: '2021-02-01', precision: 'month', raw: '2021-02' });
  });

  it('reads a bare year as its first day', () => {
    expect(parsePartialDate('2021')).toEqual({ date: '2021-01-01', precision: 'year', raw: '2021' });
    expect(parsePartialDate(' 2021. ')).toEqual({ date: '2021-01-01', precision: 'year', raw: '2021.' });
  });
});

describe('parsePartialDate: refusals', () => {
  it.each([
    ['', 'empty'],
    ['   ', 'blank'],
    ['7/16/1905', 'Excel corruption'],
    ['1/1/1900', 'Excel epoch'],
    ['1999', 'before 2000'],
    ['2101', 'after 2100'],
    ['mars 1998', 'month before 2000'],
    ['2/30/2021', 'no 30 February'],
    ['2/29/2023', 'not a leap year'],
    ['13/2/2021', 'day-first dates are not guessed'],
    ['2021-13-01', 'month 13'],
    ['2021-02-31', 'no 31 February'],
    ['2021-00', 'month 0'],
    ['32 janvier 2021', 'day 32'],
    ['0 janvier 2021', 'day 0'],
    ['Q5 2021', 'quarter 5'],
    ['V quarter of 2021', 'quarter V'],
    ['Underway', 'status word'],
    ['In progress', 'status word'],
    ['NA', 'not applicable'],
    ['Février', 'month without a year'],
    ['Brumaire 2021', 'unknown month'],
    ['2020-2022', 'a range'],
    ['février 2021 décembre 2021', 'two dates'],
    ['21', 'two digits'],
    ['Feb 21', 'two-digit year after a month name'],
  ])('%s (%s) → undefined', (raw) => {
    expect(parsePartialDate(raw)).toBeUndefined();
  });

  it('accepts the limits of the window', () => {
    expect(dateOf('2000')).toBe('2000-01-01');
    expect(dateOf('12/31/2100')).toBe('2100-12-31');
  });
});

describe('finding dates in a line', () => {
  it('finds "<month> <year>" tokens with their offsets and raw text', () => {
    const line = 'Nouveau février 2021 décembre 2021 2. Élaborer un programme';
    const found = findMonthYears(line);
    expect(found.map((token) => token.raw)).toEqual(['février 2021', 'décembre 2021']);
    expect(found.map((token) => token.date?.date)).toEqual(['2021-02-01', '2021-12-01']);
    expect(line.slice(found[1]?.index)).toMatch(/^décembre 2021/);
  });

  it('reports a token it cannot trust instead of dropping it', () => {
    const [found] = findMonthYears('End: July 1905');
    expect(found).toMatchObject({ raw: 'July 1905', date: undefined });
  });

  it('exports patterns usable in larger expressions', () => {
    expect(new RegExp(MONTH_PATTERN, 'i').test('fevrier')).toBe(true);
    expect(new RegExp(MONTH_PATTERN, 'i').test('marsupial')).toBe(false);
    const anyDate = new RegExp(`^(${PARTIAL_DATE_PATTERN}) (${PARTIAL_DATE_PATTERN})$`, 'i');
    expect(anyDate.exec('q3 2021 7/16/2022')?.slice(1)).toEqual(['q3 2021', '7/16/2022']);
  });
});
