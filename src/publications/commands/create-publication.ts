import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { CurrentUser } from '../../accounts/current-user.ts';
import { authorize } from '../../http/authorize.ts';
import { recordChange, type CommandResult, type Trx } from '../../commitments/commands/change-log.ts';
import { slugify } from '../../text/slugify.ts';
import { parsePublicationForm, resolveLinks, type PublicationFields } from './publication-form.ts';
import { versionOf, writePublicationContent } from './publication-record.ts';

const SLUG_MAX = 72;

/**
 * `create_publication`: a new draft guidance note or story, with its texts and links, recorded in its history. Its
 * address (slug) is made from its first title and kept.
 */
export async function createPublication(db: Db, actor: CurrentUser | undefined, body: unknown): Promise<CommandResult & { slug?: string }> {
  authorize(actor, 'create_publication', 'publication');
  const form = parsePublicationForm(body);
  if (!form.ok) return form;
  const fields = form.data;
  return db.transaction().execute(async (trx) => {
    const links = await resolveLinks(trx, fields);
    if (!links.ok) return { ok: false as const, errors: links.errors, values: form.values };
    const slug = await freeSlug(trx, fields);
    const row = await trx.insertInto('publications').values({ slug, kind: fields.kind, author_institution_id: links.author?.id ?? null })
      .returning('id').executeTakeFirstOrThrow();
    await writePublicationContent(trx, row.id, fields.texts, links);
    const changeId = await recordChange(trx, {
      actor, command: 'create_publication', entityType: 'publication', entityId: row.id,
      before: {}, after: { ...versionOf(fields.kind, fields.texts, links), state: 'draft' }, reason: fields.reason,
    });
    return { ok: true as const, changeIds: [changeId], slug };
  });
}

/** The first title's slug ("how-to-report-progress"), numbered when taken ("…-2"); the kind's when the title has no letters. */
async function freeSlug(trx: Trx, fields: PublicationFields): Promise<string> {
  const first = Object.values(fields.texts)[0]!.title;
  const base = (slugify(first).slice(0, SLUG_MAX).replace(/-+$/, '') || fields.kind.replace('_', '-'));
  // Serialises creations of one base slug until commit: two drafts with the same title at once must not both pick
  // the same free slug (no row exists yet to lock).
  await sql`select pg_advisory_xact_lock(hashtext(${`publication ${base}`}))`.execute(trx);
  const taken = new Set((await trx.selectFrom('publications').select('slug').where('slug', 'like', `${base}%`).execute()).map((r) => r.slug));
  let slug = base;
  for (let n = 2; taken.has(slug); n += 1) slug = `${base}-${n}`;
  return slug;
}
