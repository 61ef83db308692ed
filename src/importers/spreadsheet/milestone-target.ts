import { sql } from 'kysely';
import { z } from 'zod';
import { MilestoneSchema, OgpIdSchema } from '../../commitments/commitment-record.ts';
import { overwriteWarning } from '../../commitments/overwritten-edits.ts';
import { saveMilestoneLists, type MilestoneList, type RemovedMilestone } from '../../milestones/save-milestones.ts';
import { describeIssues } from '../commitment-target.ts';
import type { ImportTarget } from '../import-run.ts';
import type { MilestoneItem } from './row-to-milestone.ts';

const MilestoneItemSchema = z.object({ commitmentOgpId: OgpIdSchema, milestone: MilestoneSchema, alsoKeep: z.array(z.number().int().min(1)) });

/**
 * Milestone rows, saved per commitment by saveMilestoneLists. The commitment must already be in Ahadi (imported
 * from its own sheet); each commitment ends up with exactly the milestones the file gives it. A milestone the file no
 * longer lists is removed, and said so in a warning on the commitment's first row (the dry run's too); one with
 * progress reports is never removed: its commitment's rows are rejected, naming it (decision 006, amended
 * 2026-11-28). Each milestone created, updated or removed gets a history entry whose reason is `source`.
 */
export function milestoneTargetFrom(source: string | null): ImportTarget<MilestoneItem> {
  return {
    keyOf: (item) => `${item.commitmentOgpId}, milestone ${item.milestone.number}`,
    check(item) {
      const parsed = MilestoneItemSchema.safeParse(item);
      return parsed.success ? undefined : describeIssues(parsed.error);
    },
    save: (trx, items) => saveBatch(trx, items, source),
    tables: ['milestones', 'milestone_texts', 'changes'],
  };
}

type Trx = Parameters<ImportTarget<MilestoneItem>['save']>[0];

async function saveBatch(trx: Trx, items: MilestoneItem[], source: string | null) {
  const parsed = items.map((item) => MilestoneItemSchema.parse(item));
  const ogpIds = [...new Set(parsed.map((p) => p.commitmentOgpId))];
  const found = await trx.selectFrom('commitments').select(['id', 'ogp_id'])
    .where('ogp_id', '=', sql<string>`any(${ogpIds}::text[])`).execute();
  const idOf = new Map(found.map((c) => [c.ogp_id, c.id]));
  const missing = ogpIds.filter((id) => !idOf.has(id));
  if (missing.length > 0) throw new Error(`commitment ${missing.join(', ')} is not in Ahadi: import the commitments first`);
  const lists = new Map<string, MilestoneList & { ogpId: string; milestones: z.infer<typeof MilestoneSchema>[] }>();
  const placeOf = parsed.map((p) => {
    const commitmentId = idOf.get(p.commitmentOgpId)!;
    const list = lists.get(commitmentId) ?? { commitmentId, ogpId: p.commitmentOgpId, milestones: [], alsoKeep: p.alsoKeep };
    lists.set(commitmentId, list);
    list.milestones.push(p.milestone);
    return { commitmentId, index: list.milestones.length - 1 };
  });
  const ordered = [...lists.values()];
  const saved = await saveMilestoneLists(trx, ordered, { history: { source } });
  const savedOf = new Map(ordered.map((list, i) => [list.commitmentId, { list, saved: saved[i]! }]));
  return placeOf.map(({ commitmentId, index }) => {
    const { list, saved: { outcomes, removed, overwritten } } = savedOf.get(commitmentId)!;
    const number = list.milestones[index]!.number;
    // The removals of a commitment are told once, on its first row in the batch; an overwritten edit on its
    // milestone's row, or with the removals when the milestone is removed.
    const removals = index === 0 ? removed.map((m) => removalWarning(list.ogpId, m, list.milestones[0]!)) : [];
    const overwrites = overwritten
      .filter((m) => m.number === number || (index === 0 && removed.some((r) => r.number === m.number)))
      .map((m) => overwriteWarning(`${list.ogpId} milestone ${m.number}`, m.detail));
    return { outcome: outcomes[index]!, warnings: [...removals, ...overwrites], overwrites: overwrites.length };
  });
}

/** "MX0076 milestone 5 is not in the file: it is removed ("Realizar …")", in the file's language when it has it. */
function removalWarning(ogpId: string, removed: RemovedMilestone, sibling: { texts: Record<string, string> }): string {
  const locale = Object.keys(sibling.texts).find((l) => removed.texts[l] !== undefined);
  const text = (locale === undefined ? Object.values(removed.texts)[0] : removed.texts[locale]) ?? '';
  const firstLine = text.split('\n')[0]!;
  const shown = firstLine.length > 80 ? `${firstLine.slice(0, 79)}…` : firstLine;
  return `${ogpId} milestone ${removed.number} is not in the file: it is removed${shown === '' ? '' : ` ("${shown}")`}`;
}
