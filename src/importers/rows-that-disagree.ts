import type { CommitmentRecordInput } from '../commitments/commitment-record.ts';
import type { SourceRow, SourceRows } from './import-run.ts';

/**
 * Every row of a file repeats its commitment's member and action plan, and the saver keeps one of each: the last
 * row's (a batch upserts its last value, and a later batch overwrites an earlier one). Rows that disagree (a member
 * named "Kenya" on one row and "Republic of Kenya" on another, a plan ending in 2022 on one row and 2023 on another)
 * would change the member's name or the plan's years silently, depending on the order of the rows. This says so on
 * the row that brings a value not seen before, naming that value, the first row's, and that row, in the dry run
 * and the real run alike (it reads rows, not the database). What is saved does not change.
 */
export function withDisagreementWarnings(rows: SourceRows<CommitmentRecordInput>): SourceRows<CommitmentRecordInput> {
  return {
    length: rows.length,
    *[Symbol.iterator]() {
      const seen = new SeenValues();
      for (const row of rows) yield withWarnings(row, seen);
    },
  };
}

type Fact<V> = { owner: string; what: string; value: V };

/**
 * The shared facts of a record that other rows must agree on, each with what it is called in a warning. A code or
 * region a row leaves out is no disagreement: the saver never erases one (upsertMembers).
 */
function sharedFacts(record: CommitmentRecordInput): Fact<string | number>[] {
  const { member, actionPlan: plan } = record;
  const memberOwner = `member ${member.ogpPrefix}`;
  const planOwner = `action plan ${plan.number} of ${member.ogpPrefix}`;
  const facts: Fact<string | number | undefined>[] = [
    { owner: memberOwner, what: 'name', value: member.name },
    { owner: memberOwner, what: 'kind', value: member.kind },
    { owner: memberOwner, what: 'code', value: member.code },
    { owner: memberOwner, what: 'region', value: member.region },
    { owner: planOwner, what: 'year of submission', value: plan.submissionYear },
    { owner: planOwner, what: 'first year', value: plan.startYear },
    { owner: planOwner, what: 'last year', value: plan.endYear },
  ];
  return facts.filter((fact): fact is Fact<string | number> => fact.value !== undefined);
}

function withWarnings(row: SourceRow<CommitmentRecordInput>, seen: SeenValues): SourceRow<CommitmentRecordInput> {
  if (row.item === undefined) return row;
  const warnings = sharedFacts(row.item).flatMap(({ owner, what, value }) => {
    const first = seen.note(`${owner} ${what}`, value, row.rowNumber);
    if (first === undefined) return [];
    return [`${owner}: ${what} ${shown(value)} on this row, ${shown(first.value)} on row ${first.rowNumber}; ` +
      `the last row's ${what} is the one saved`];
  });
  return warnings.length === 0 ? row : { ...row, warnings: [...row.warnings, ...warnings] };
}

const shown = (value: string | number) => (typeof value === 'number' ? String(value) : `"${value}"`);

type Seen = { value: string | number; rowNumber: number };

/** The values each fact has had so far, and the row each first came on. */
class SeenValues {
  private readonly byFact = new Map<string, Map<string | number, number>>();

  /** Notes `value` for `fact`; the first value of the fact when this one is new and differs from it. */
  note(fact: string, value: string | number, rowNumber: number): Seen | undefined {
    const values = this.byFact.get(fact);
    if (values === undefined) {
      this.byFact.set(fact, new Map([[value, rowNumber]]));
      return undefined;
    }
    if (values.has(value)) return undefined;
    values.set(value, rowNumber);
    const [firstValue, firstRow] = values.entries().next().value!;
    return { value: firstValue, rowNumber: firstRow };
  }
}
