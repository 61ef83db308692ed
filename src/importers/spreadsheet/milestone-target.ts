import { sql } from 'kysely';
import { z } from 'zod';
import { MilestoneSchema, OgpIdSchema } from '../../commitments/commitment-record.ts';
import { saveMilestoneLists, type MilestoneList } from '../../milestones/save-milestones.ts';
import { describeIssues } from '../commitment-target.ts';
import type { ImportTarget } from '../import-run.ts';
import type { MilestoneItem } from './row-to-milestone.ts';

const MilestoneItemSchema = z.object({ commitmentOgpId: OgpIdSchema, milestone: MilestoneSchema, alsoKeep: z.array(z.number().int().min(1)) });

/**
 * Milestone rows, saved per commitment by saveMilestoneLists. The commitment must already be in Ahadi (imported
 * from its own sheet); each commitment ends up with exactly the milestones the file gives it.
 */
export const milestoneTarget: ImportTarget<MilestoneItem> = {
  keyOf: (item) => `${item.commitmentOgpId}, milestone ${item.milestone.number}`,
  check(item) {
    const parsed = MilestoneItemSchema.safeParse(item);
    return parsed.success ? undefined : describeIssues(parsed.error);
  },
  async save(trx, items) {
    const parsed = items.map((item) => MilestoneItemSchema.parse(item));
    const ogpIds = [...new Set(parsed.map((p) => p.commitmentOgpId))];
    const found = await trx.selectFrom('commitments').select(['id', 'ogp_id'])
      .where('ogp_id', '=', sql<string>`any(${ogpIds}::text[])`).execute();
    const idOf = new Map(found.map((c) => [c.ogp_id, c.id]));
    const missing = ogpIds.filter((id) => !idOf.has(id));
    if (missing.length > 0) throw new Error(`commitment ${missing.join(', ')} is not in Ahadi: import the commitments first`);
    const lists = new Map<string, MilestoneList & { milestones: z.infer<typeof MilestoneSchema>[] }>();
    const placeOf = parsed.map((p) => {
      const commitmentId = idOf.get(p.commitmentOgpId)!;
      const list = lists.get(commitmentId) ?? { commitmentId, milestones: [], alsoKeep: p.alsoKeep };
      lists.set(commitmentId, list);
      list.milestones.push(p.milestone);
      return { commitmentId, index: list.milestones.length - 1 };
    });
    const ordered = [...lists.values()];
    const outcomes = await saveMilestoneLists(trx, ordered);
    const outcomeOf = new Map(ordered.map((list, i) => [list.commitmentId, outcomes[i]!]));
    return placeOf.map(({ commitmentId, index }) => ({ outcome: outcomeOf.get(commitmentId)![index]!, warnings: [] }));
  },
  tables: ['milestones', 'milestone_texts'],
};
