import { describe, expect, it } from 'vitest';
import { MappingSchema, type MilestonesMapping } from './mapping.ts';
import { rowToMilestone } from './row-to-milestone.ts';

const mapping = MappingSchema.parse({
  kind: 'milestones', sourceLocale: 'en', dateFormat: 'text', commitment: { column: 'id' },
  columns: { text: ['text'], start: 'from', end: 'to' },
}) as MilestonesMapping;
const warningsOf = (from: string, to: string) => rowToMilestone(mapping, { id: 'KE0031', text: 'Publish the register', from, to }, () => 1).warnings;

describe('rowToMilestone: a milestone that ends before it starts', () => {
  it('is kept with a warning naming both dates as the file writes them', () => {
    const { item, warnings } = rowToMilestone(mapping, { id: 'KE0031', text: 'Publish the register', from: 'March 2021', to: 'January 2021' }, () => 1);
    expect(item.milestone).toMatchObject({ start: { date: '2021-03-01' }, end: { date: '2021-01-01' } });
    expect(warnings).toEqual(['ends before it starts: "to" January 2021 is before "from" March 2021; kept as given, correct it in the file or on the milestone\'s edit page']);
  });

  it('is judged on the whole end period: a year or quarter that contains the start is not too early', () => {
    expect(warningsOf('June 2021', '2021')).toEqual([]);
    expect(warningsOf('May 2021', 'Q2 2021')).toEqual([]);
    expect(warningsOf('July 2021', 'Q2 2021')).toEqual([expect.stringMatching(/^ends before it starts/)]);
    expect(warningsOf('June 2021', 'June 2021')).toEqual([]);
    expect(warningsOf('2021', 'December 2020')).toEqual([expect.stringMatching(/^ends before it starts/)]);
  });
});
