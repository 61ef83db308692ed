import { sql } from 'kysely';
import { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import type { CurrentUser } from '../../accounts/current-user.ts';
import { authorize } from '../../http/authorize.ts';
import { parseForm, REQUIRED } from '../../http/form.ts';
import { recordChange, type CommandResult } from '../../commitments/commands/change-log.ts';
import { slugify } from '../../text/slugify.ts';

/** A rename says the institution's address after it (its old one when nothing changed). */
export type RenameResult = Exclude<CommandResult, { ok: true }> | { ok: true; changeIds: string[]; slug: string };

export const RenameForm = z.object({
  // An institution's address is made of its name: one with no letter or digit would have none.
  name: z.string({ error: REQUIRED }).trim().min(1, REQUIRED).max(300, 'form.error.tooLong')
    .refine((name) => slugify(name) !== '', 'institution.error.nameWithoutLetters'),
  abbreviation: z.string().trim().max(40, 'form.error.tooLong').optional().transform((v) => v || null),
  reason: z.string().trim().max(1000, 'form.error.tooLong').optional().transform((v) => v || null),
});

/** The institution being renamed: `findInstitution`'s head is enough. */
export type RenameTarget = { id: string; slug: string };

/**
 * Renames an institution (decision 026): its name, abbreviation and address (the slug of its new name) change
 * in place, so its commitments, points of contact and reports stay its own, and one `rename_institution` entry says
 * who, when, the name before and after, and why. The old name stays as a row merged into it (migration 024): its
 * address redirects here, and an import or a restore naming it finds this institution instead of creating it again.
 * A name whose address another institution holds (or held: a former name, one merged away) is refused, naming the
 * institution to merge with instead; a name and abbreviation as they were write nothing.
 */
export async function renameInstitution(db: Db, actor: CurrentUser | undefined, target: RenameTarget, body: unknown): Promise<RenameResult> {
  authorize(actor, 'rename_institution', 'institution');
  const form = parseForm(RenameForm, body);
  if (!form.ok) return form;
  const { name, abbreviation, reason } = form.data;
  return db.transaction().execute(async (trx): Promise<RenameResult> => {
    const current = await trx.selectFrom('institutions').select(['id', 'member_id', 'slug', 'name', 'kind', 'abbreviation', 'merged_into_id'])
      .where('id', '=', target.id).forUpdate().executeTakeFirstOrThrow();
    if (current.merged_into_id !== null) return { ok: false, errors: { name: 'institution.error.mergedMeanwhile' }, values: form.values };
    if (current.name === name && current.abbreviation === abbreviation) return { ok: true, changeIds: [], slug: current.slug };
    const slug = slugify(name);
    if (slug !== current.slug) {
      const holder = await trx.selectFrom('institutions').select('name')
        .where(sql<boolean>`coalesce(member_id, 0) = ${current.member_id ?? '0'}`).where('slug', '=', slug)
        .executeTakeFirst();
      if (holder) return { ok: false, errors: { name: { key: 'institution.error.nameTaken', values: { institution: holder.name } } }, values: form.values };
    }
    await trx.updateTable('institutions').set({ name, slug, abbreviation, updated_at: new Date() }).where('id', '=', current.id).execute();
    if (slug !== current.slug) {
      await trx.insertInto('institutions').values({
        member_id: current.member_id, slug: current.slug, name: current.name, kind: current.kind, merged_into_id: current.id,
      }).execute();
    }
    const id = await recordChange(trx, {
      actor: actor!, command: 'rename_institution', entityType: 'institution', entityId: current.id,
      before: { name: current.name, abbreviation: current.abbreviation }, after: { name, abbreviation }, reason,
    });
    return { ok: true, changeIds: [id], slug };
  });
}
