import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../http/server.ts';
import { authorize } from '../http/authorize.ts';
import { csrfToken } from '../http/csrf.ts';
import { emptyForm, type FormState } from '../http/form.ts';
import { notFound } from '../http/errors.ts';
import { intlFromParams } from '../http/locale-params.ts';
import { pageContext, sendPrivatePage } from '../http/page-context.ts';
import { currentUser, type CurrentUser } from '../accounts/current-user.ts';
import { LIST_SEPARATOR } from '../layout/checkbox-group.tsx';
import { LOCALES } from '../i18n/locales.ts';
import { bodyField, titleField } from './commands/publication-form.ts';
import { requirePublicationTarget, type PublicationTarget } from './commands/publication-record.ts';
import { createPublication } from './commands/create-publication.ts';
import { editPublication } from './commands/edit-publication.ts';
import { publishPublication } from './commands/publish-publication.ts';
import { withdrawPublication } from './commands/withdraw-publication.ts';
import { findAllPublications, findInstitutionChoices, findPublicationChanges, findPublicationDetail, type PublicationDetail } from './publication.queries.ts';
import { publicationAdminPage } from './publication-admin.page.tsx';
import { publicationEditPage, publicationNewPage } from './publication-edit.page.tsx';
import { pickText } from './publication-view.tsx';
import { PUBLICATION_SLUG, publicationEditUrl } from './publication-urls.ts';

type Params = { Params: { locale: string; slug?: string }; Querystring: { notice?: string } };
const NOTICES = new Set(['created', 'saved', 'unchanged', 'published', 'withdrawn']);

/** What the edit form shows of a stored publication. */
function storedForm(p: PublicationDetail): FormState {
  const values: Record<string, string> = { kind: p.kind, commitments: p.commitments.map((c) => c.ogpId).join(', '),
    institutions: p.institutions.map((i) => i.id).join(LIST_SEPARATOR), author: p.author?.id ?? '' };
  for (const text of p.texts) {
    const locale = LOCALES.find((l) => l === text.locale);
    if (locale) Object.assign(values, { [titleField(locale)]: text.title, [bodyField(locale)]: text.body });
  }
  return emptyForm(values);
}

/**
 * The secretariat's forms for guidance notes and stories (decision 027): the list of all of them, a new draft, the
 * edit form with publishing and withdrawing. Each handler authorizes first, then runs its command; a refused input
 * comes back with what was typed and a 400; a done one redirects to the edit page with a notice.
 */
export function registerPublicationEditRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db, web } = deps;
  const base = '/:locale/admin/publications';

  app.get<Params>(base, async (request, reply) => {
    const user = await currentUser(deps, request);
    authorize(user, 'manage_publications', 'publication');
    return sendPrivatePage(reply, publicationAdminPage(pageContext(request, reply, web, user), await findAllPublications(db)));
  });

  app.get<Params>(`${base}/new`, async (request, reply) => {
    const user = await currentUser(deps, request);
    authorize(user, 'create_publication', 'publication');
    return renderNew(request, reply, user, emptyForm({ kind: 'guidance_note' }), 200);
  });

  app.post<Params>(`${base}/new`, async (request, reply) => {
    const user = await currentUser(deps, request);
    authorize(user, 'create_publication', 'publication');
    const result = await createPublication(db, user, request.body);
    if (!result.ok) return renderNew(request, reply, user, result, 400);
    return reply.redirect(`${publicationEditUrl(intlFromParams(request.params).locale, result.slug!)}?notice=created`, 303);
  });

  app.get<Params>(`${base}/:slug/edit`, async (request, reply) => {
    const user = await currentUser(deps, request);
    const target = await targetOf(request);
    authorize(user, 'edit_publication', 'publication', { publicationId: target.id });
    return renderEdit(request, reply, user, target, undefined, emptyForm(), 200);
  });

  app.post<Params>(`${base}/:slug/edit`, async (request, reply) => {
    const user = await currentUser(deps, request);
    const target = await targetOf(request);
    authorize(user, 'edit_publication', 'publication', { publicationId: target.id });
    const result = await editPublication(db, user, target.slug, request.body);
    if (!result.ok) return renderEdit(request, reply, user, target, result, emptyForm(), 400);
    return done(request, reply, target, result.changeIds.length ? 'saved' : 'unchanged');
  });

  app.post<Params>(`${base}/:slug/publish`, async (request, reply) => {
    const user = await currentUser(deps, request);
    const target = await targetOf(request);
    authorize(user, 'publish_publication', 'publication', { publicationId: target.id });
    const result = await publishPublication(db, user, target.slug);
    return done(request, reply, target, result.ok && result.changeIds.length ? 'published' : 'unchanged');
  });

  app.post<Params>(`${base}/:slug/withdraw`, async (request, reply) => {
    const user = await currentUser(deps, request);
    const target = await targetOf(request);
    authorize(user, 'withdraw_publication', 'publication', { publicationId: target.id });
    const result = await withdrawPublication(db, user, target.slug, request.body);
    if (!result.ok) return renderEdit(request, reply, user, target, undefined, result, 400);
    return done(request, reply, target, result.changeIds.length ? 'withdrawn' : 'unchanged');
  });

  async function targetOf(request: FastifyRequest<Params>): Promise<PublicationTarget> {
    const slug = request.params.slug ?? '';
    if (!PUBLICATION_SLUG.test(slug)) throw notFound('publication');
    return requirePublicationTarget(db, slug);
  }

  function done(request: FastifyRequest<Params>, reply: FastifyReply, target: PublicationTarget, notice: string) {
    return reply.redirect(`${publicationEditUrl(intlFromParams(request.params).locale, target.slug)}?notice=${notice}`, 303);
  }

  async function renderNew(request: FastifyRequest<Params>, reply: FastifyReply, user: CurrentUser, form: FormState, status: number) {
    const ctx = pageContext(request, reply, web, user);
    const institutions = await findInstitutionChoices(db, chosenInstitutions(form));
    return sendPrivatePage(reply, publicationNewPage(ctx, { form, institutions, csrfToken: csrfToken(web, request, reply) }), status);
  }

  /** The edit page: `form` is what was typed when the edit was refused, else the stored publication is shown. */
  async function renderEdit(request: FastifyRequest<Params>, reply: FastifyReply, user: CurrentUser, target: PublicationTarget,
    refused: FormState | undefined, withdrawForm: FormState, status: number) {
    const ctx = pageContext(request, reply, web, user);
    const [detail, changes] = await Promise.all([findPublicationDetail(db, target.slug), findPublicationChanges(db, target.id)]);
    if (!detail) throw notFound('publication');
    const form = refused ?? storedForm(detail);
    const institutions = await findInstitutionChoices(db, chosenInstitutions(form));
    const notice = request.query.notice;
    return sendPrivatePage(reply, publicationEditPage(ctx, {
      slug: detail.slug, title: pickText(detail.texts, ctx.intl.locale)?.title ?? detail.slug, state: detail.state,
      withdrawnReason: detail.withdrawnReason, changes, form, withdrawForm, institutions, csrfToken: csrfToken(web, request, reply),
      notice: status === 200 && notice && NOTICES.has(notice) ? ctx.intl.t(`publication.notice.${notice}`) : undefined,
    }), status);
  }
}

const chosenInstitutions = (form: FormState) => [...(form.values.institutions ?? '').split(LIST_SEPARATOR), form.values.author ?? ''].filter(Boolean);
