import { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import type { Trx } from '../../commitments/commands/change-log.ts';
import { choice, formValues, parseForm, type FieldErrors, type FormResult } from '../../http/form.ts';
import { formList, LIST_SEPARATOR } from '../../layout/checkbox-group.tsx';
import { LOCALES, type Locale } from '../../i18n/locales.ts';

export const PUBLICATION_KINDS = ['guidance_note', 'story'] as const;
export type PublicationKind = (typeof PUBLICATION_KINDS)[number];
const TITLE_MAX = 200;
const BODY_MAX = 20_000;
const REASON_MAX = 2000;
const OGP_ID = /^[A-Z]{2,4}[0-9]{4}$/;
/** An institution's id as a form sends it (a checkbox's or option's value). */
export const INSTITUTION_ID = /^[1-9][0-9]{0,17}$/;

export const titleField = (locale: Locale) => `title_${locale}`;
export const bodyField = (locale: Locale) => `body_${locale}`;

const optionalText = (max: number) => z.string().trim().max(max, 'form.error.tooLong').optional().transform((v) => v || null);

/**
 * A publication as its form gives it: a kind, a title and a body in each language written (at least one; a title
 * without its body, or a body without its title, is refused on the missing one), the OGP ids of the commitments it
 * is about (typed, separated by commas or spaces), the institutions it is about (checkboxes), its author (an
 * institution's id, or none: the secretariat) and, for an edit, a reason.
 */
const PublicationFormSchema = z.object({
  kind: choice(PUBLICATION_KINDS),
  ...Object.fromEntries(LOCALES.flatMap((l) => [[titleField(l), optionalText(TITLE_MAX)], [bodyField(l), optionalText(BODY_MAX)]])),
  commitments: z.string().optional().transform((v) => [...new Set((v ?? '').toUpperCase().split(/[\s,;]+/).filter(Boolean))])
    .refine((ids) => ids.every((id) => OGP_ID.test(id)), 'publication.error.commitmentId'),
  institutions: z.string().optional().transform((v) => (v ?? '').split(LIST_SEPARATOR).filter(Boolean))
    .refine((ids) => ids.every((id) => INSTITUTION_ID.test(id)), 'form.error.invalid'),
  author: z.string().optional().transform((v) => v || null).refine((id) => id === null || INSTITUTION_ID.test(id), 'form.error.invalid'),
  reason: optionalText(REASON_MAX),
}).superRefine((form, ctx) => {
  const fields = form as unknown as Record<string, string | null>;
  let written = 0;
  for (const locale of LOCALES) {
    const title = fields[titleField(locale)];
    const body = fields[bodyField(locale)];
    if (title && body) written += 1;
    else if (title) ctx.addIssue({ code: 'custom', path: [bodyField(locale)], message: 'publication.error.bodyWithoutTitle' });
    else if (body) ctx.addIssue({ code: 'custom', path: [titleField(locale)], message: 'publication.error.titleWithoutBody' });
  }
  if (written === 0) ctx.addIssue({ code: 'custom', path: [titleField('en')], message: 'publication.error.oneLanguage' });
});

export type PublicationTexts = Partial<Record<Locale, { title: string; body: string }>>;
export type PublicationFields = {
  kind: PublicationKind; texts: PublicationTexts; commitmentOgpIds: string[]; institutionIds: string[];
  authorInstitutionId: string | null; reason: string | null;
};

/** Reads the form; the institutions' checkboxes come back joined, as `CheckboxGroup` shows them. */
export function parsePublicationForm(body: unknown): FormResult<PublicationFields> {
  const form = parseForm(PublicationFormSchema, { ...formValues(body), institutions: formList(body, 'institutions').join(LIST_SEPARATOR) });
  if (!form.ok) return form;
  const data = form.data as Record<string, unknown> & z.output<typeof PublicationFormSchema>;
  const texts: PublicationTexts = {};
  for (const locale of LOCALES) {
    const title = data[titleField(locale)] as string | null;
    const body = data[bodyField(locale)] as string | null;
    if (title && body) texts[locale] = { title, body };
  }
  return { ok: true, values: form.values, data: {
    kind: data.kind, texts, commitmentOgpIds: data.commitments, institutionIds: data.institutions,
    authorInstitutionId: data.author, reason: data.reason,
  } };
}

/** The commitments and institutions the form names, by id; those that do not exist are refused on their field. */
export async function resolveLinks(db: Db | Trx, fields: PublicationFields): Promise<
  { ok: true; commitments: { id: string; ogpId: string }[]; institutions: { id: string; name: string }[]; author: { id: string; name: string } | null }
  | { ok: false; errors: FieldErrors }> {
  const wanted = [...new Set([...fields.institutionIds, ...(fields.authorInstitutionId ? [fields.authorInstitutionId] : [])])];
  const [commitments, institutions] = await Promise.all([
    fields.commitmentOgpIds.length === 0 ? [] : db.selectFrom('commitments').select(['id', 'ogp_id as ogpId'])
      .where('ogp_id', 'in', fields.commitmentOgpIds).orderBy('ogp_id').execute(),
    wanted.length === 0 ? [] : db.selectFrom('institutions').select(['id', 'name']).where('id', 'in', wanted).orderBy('name').execute(),
  ]);
  const errors: FieldErrors = {};
  const missing = fields.commitmentOgpIds.filter((id) => !commitments.some((c) => c.ogpId === id));
  if (missing.length > 0) errors.commitments = { key: 'publication.error.unknownCommitment', values: { ids: missing.join(', ') } };
  if (fields.institutionIds.some((id) => !institutions.some((i) => i.id === id))) errors.institutions = 'form.error.invalid';
  const author = fields.authorInstitutionId ? institutions.find((i) => i.id === fields.authorInstitutionId) : null;
  if (author === undefined) errors.author = 'form.error.invalid';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, commitments, institutions: institutions.filter((i) => fields.institutionIds.includes(i.id)), author: author ?? null };
}
