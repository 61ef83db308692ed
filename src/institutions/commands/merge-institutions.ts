import { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import type { CurrentUser } from '../../accounts/current-user.ts';
import { authorize } from '../../http/authorize.ts';
import { parseForm, REQUIRED, type FieldErrors, type FormValues } from '../../http/form.ts';
import { recordChange, touchCommitment, type CommandResult, type Trx } from '../../commitments/commands/change-log.ts';
import { mergeCounts } from '../institution-merge.queries.ts';
import { moveCommitmentLinks, moveOpenReporting, movePublications } from './merge-links.ts';

const INTO = z.string({ error: REQUIRED }).trim().min(1, REQUIRED).regex(/^[1-9][0-9]{0,17}$/, 'form.error.invalid');
export const MergeForm = z.object({
  into: INTO,
  reason: z.string().trim().max(1000, 'form.error.tooLong').optional().transform((v) => v || null),
});

type Row = { id: string; member_id: string | null; name: string; merged_into_id: string | null };
export type MergeTarget = Row;

/**
 * The institution `into` names, if `from` may be merged into it: one of the same member, not `from` itself, and not
 * a former name or an institution merged away (merge into the one it leads to). Otherwise the error of the `into` field.
 */
export async function findMergeTarget(db: Db | Trx, from: Row, into: unknown, lock = false): Promise<{ ok: true; target: Row } | { ok: false; errors: FieldErrors }> {
  const parsed = INTO.safeParse(into);
  if (!parsed.success) return { ok: false, errors: { into: parsed.error.issues[0]!.message } };
  if (parsed.data === from.id) return { ok: false, errors: { into: 'institution.error.mergeIntoItself' } };
  let query = db.selectFrom('institutions').select(['id', 'member_id', 'name', 'merged_into_id']).where('id', '=', parsed.data);
  if (lock) query = query.forUpdate();
  const target = await query.executeTakeFirst();
  if (!target || target.member_id !== from.member_id) return { ok: false, errors: { into: 'institution.error.mergeTargetUnknown' } };
  if (target.merged_into_id !== null) return { ok: false, errors: { into: 'institution.error.mergeTargetMerged' } };
  return { ok: true, target };
}

/**
 * Merges institution `from` into another of its member (decision 026), in one transaction: every commitment link
 * moves (`moveCommitmentLinks`), and so do its people (points of contact, reviewers), its pending invitations, its
 * reports and verdicts in rounds still open, the publications it wrote or is named in, and its former names; `from`
 * becomes a name the other was known by (`merged_into_id`), whose address redirects to it. What is history stays as written: entries naming `from` as the
 * institution someone spoke for, its account events, closed rounds' reports and snapshots. One `merge_institution`
 * entry goes on the institution merged into (what moved, counted) and one on each commitment whose institutions
 * changed (before and after, by name), with the reason given.
 */
export async function mergeInstitutions(db: Db, actor: CurrentUser | undefined, fromId: string, body: unknown): Promise<CommandResult> {
  authorize(actor, 'merge_institutions', 'institution');
  const form = parseForm(MergeForm, body);
  if (!form.ok) return form;
  const refuse = (errors: FieldErrors, values: FormValues = form.values): CommandResult => ({ ok: false, errors, values });
  return db.transaction().execute(async (trx): Promise<CommandResult> => {
    // Both rows locked in the order of their ids, so that two merges of the same pair cannot wait on each other.
    const [first, second] = [fromId, form.data.into].sort((a, b) => Number(BigInt(a) - BigInt(b)));
    await trx.selectFrom('institutions').select('id').where('id', 'in', [first!, second!]).orderBy('id').forUpdate().execute();
    const from = await trx.selectFrom('institutions').select(['id', 'member_id', 'name', 'merged_into_id']).where('id', '=', fromId).executeTakeFirstOrThrow();
    if (from.merged_into_id !== null) return refuse({ into: 'institution.error.mergedMeanwhile' });
    const found = await findMergeTarget(trx, from, form.data.into);
    if (!found.ok) return refuse(found.errors);
    const into = found.target;
    const moved = await mergeCounts(trx, from.id);
    const links = await moveCommitmentLinks(trx, from.id, into);
    await trx.updateTable('accounts').set({ institution_id: into.id, updated_at: new Date() }).where('institution_id', '=', from.id).execute();
    await trx.updateTable('invitations').set({ institution_id: into.id }).where('institution_id', '=', from.id)
      .where('accepted_at', 'is', null).where('revoked_at', 'is', null).execute();
    await moveOpenReporting(trx, from.id, into.id);
    await movePublications(trx, from.id, into.id);
    const now = new Date();
    await trx.updateTable('institutions').set({ merged_into_id: into.id, updated_at: now })
      .where((eb) => eb.or([eb('id', '=', from.id), eb('merged_into_id', '=', from.id)])).execute();
    await trx.updateTable('institutions').set({ updated_at: now }).where('id', '=', into.id).execute();
    const reason = form.data.reason;
    const changeIds = [await recordChange(trx, {
      actor: actor!, command: 'merge_institution', entityType: 'institution', entityId: into.id,
      before: {}, after: { merged: from.name, moved }, reason,
    })];
    for (const link of links) {
      if (Object.keys(link.after).length === 0) continue;
      await touchCommitment(trx, link.commitmentId);
      changeIds.push(await recordChange(trx, {
        actor: actor!, command: 'merge_institution', entityType: 'institution', entityId: into.id, commitmentId: link.commitmentId,
        before: link.before, after: link.after, reason,
      }));
    }
    return { ok: true, changeIds };
  });
}
