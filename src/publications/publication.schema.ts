import { z } from 'zod';
import { PageQuerySchema } from '../http/api/list-envelope.ts';
import { blankAsUndefined } from '../http/api/api-schemas.ts';
import { PUBLICATION_KINDS } from './commands/publication-form.ts';
import { PUBLICATION_SLUG } from './publication-urls.ts';
import type { PublicationDetail, PublicationSummary } from './publication.queries.ts';

/** Wire shapes of `/api/v1/publications` (a promise to API clients: change only with a new API version). */
export const PublicationWireSchema = z.object({
  slug: z.string().describe('Its address: /{locale}/guidance/{slug}'),
  kind: z.enum(PUBLICATION_KINDS),
  publishedOn: z.string().describe('The day it was first published (YYYY-MM-DD)'),
  titles: z.record(z.string(), z.string()).describe('The title in every language it exists in, by language code'),
}).meta({ id: 'Publication' });
export type PublicationWire = z.output<typeof PublicationWireSchema>;

const InstitutionLinkWireSchema = z.object({ member: z.string().nullable(), slug: z.string(), name: z.string() });

export const PublicationDetailWireSchema = PublicationWireSchema.omit({ titles: true }).extend({
  texts: z.record(z.string(), z.object({ title: z.string(), body: z.string().describe('Plain text; paragraphs separated by line breaks') }))
    .describe('The title and body in every language it exists in, by language code'),
  author: InstitutionLinkWireSchema.nullable().describe('The institution that wrote it; null: the secretariat'),
  commitments: z.array(z.string()).describe('OGP ids of the commitments it is about'),
  institutions: z.array(InstitutionLinkWireSchema).describe('The institutions it is about'),
}).meta({ id: 'PublicationDetail' });
export type PublicationDetailWire = z.output<typeof PublicationDetailWireSchema>;

export const PublicationListQuerySchema = z.object({
  kind: z.preprocess(blankAsUndefined, z.enum(PUBLICATION_KINDS).optional()),
}).extend(PageQuerySchema.shape);
/** Newest first: the day published, then the id (unique). */
export const PublicationKeySchema = z.tuple([z.string(), z.string()]);
export const PublicationParamsSchema = z.object({ slug: z.string().regex(PUBLICATION_SLUG, 'a slug').max(80) });

export function presentPublication(row: PublicationSummary): PublicationWire {
  return { slug: row.slug, kind: row.kind, publishedOn: row.publishedOn ?? '', titles: Object.fromEntries(row.texts.map((t) => [t.locale, t.title])) };
}

const institutionLink = (i: { name: string; slug: string; memberSlug: string | null }) => ({ member: i.memberSlug, slug: i.slug, name: i.name });

export function presentPublicationDetail(p: PublicationDetail): PublicationDetailWire {
  return {
    slug: p.slug, kind: p.kind, publishedOn: p.publishedOn ?? '',
    texts: Object.fromEntries(p.texts.map((t) => [t.locale, { title: t.title, body: t.body }])),
    author: p.author && institutionLink(p.author),
    commitments: p.commitments.map((c) => c.ogpId),
    institutions: p.institutions.map(institutionLink),
  };
}
