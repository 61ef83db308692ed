import type { CommitmentRecordInput } from '../commitments/commitment-record.ts';
import { buildCommitment } from './commitments.ts';
import { outlineMembers, type MemberOutline } from './members.ts';
import { Random } from './random.ts';

/**
 * The synthetic data set: `commitments` commitments over `members` members, the same for the same seed. Records
 * come one at a time, member by member and plan by plan (earlier plans first, so a commitment carried over from an
 * earlier plan comes after it), without holding the whole set in memory.
 */
export type DataSetOptions = { commitments: number; members: number; seed: string };

export const DEFAULT_DATA_SET: DataSetOptions = { commitments: 50_000, members: 200, seed: 'ahadi' };

/**
 * Bumped whenever the generator's output changes for a given seed, so that caches of a generated data set
 * (the benchmark's) know to rebuild.
 */
export const GENERATOR_VERSION = 1;

export function outline(options: DataSetOptions): MemberOutline[] {
  return outlineMembers(new Random(options.seed), options.members, options.commitments);
}

export function* generateRecords(options: DataSetOptions, members = outline(options)): Generator<CommitmentRecordInput> {
  const random = new Random(options.seed).derive('commitments');
  for (const member of members) {
    for (const plan of member.plans) {
      for (let i = 1; i <= plan.commitments; i++) yield buildCommitment(random, member, plan, i);
    }
  }
}

/** The database rows a record becomes (commitment, texts, links, milestones, reviews, ratings), for rates. */
export function rowsOf(record: CommitmentRecordInput): number {
  const milestones = record.milestones ?? [];
  return 1 + Object.keys(record.texts).length + record.leadInstitutions.length + record.supportingInstitutions.length +
    record.policyAreas.length + milestones.length + milestones.reduce((n, m) => n + Object.keys(m.texts).length, 0) +
    record.irmReviews.reduce((n, r) => n + 1 + Object.keys(r.texts).length + r.ratings.length, 0);
}
