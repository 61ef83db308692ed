import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../http/server.ts';
import { authorize } from '../http/authorize.ts';
import { csrfToken } from '../http/csrf.ts';
import { choice, emptyForm, parseForm, type FormState } from '../http/form.ts';
import { notFound } from '../http/errors.ts';
import { intlFromParams } from '../http/locale-params.ts';
import { pageContext, sendPrivatePage } from '../http/page-context.ts';
import { LOCALES } from '../i18n/locales.ts';
import { EmailSchema } from '../accounts/account-forms.ts';
import { findInstitution, institutionEvents, pendingPointOfContactInvitations, pointsOfContact } from '../accounts/account.queries.ts';
import { currentUser, type CurrentUser } from '../accounts/current-user.ts';
import { handOverPointOfContact } from '../accounts/hand-over.ts';
import { pointOfContactPage } from './point-of-contact.page.tsx';
import { pointOfContactUrl } from './invitations.page.tsx';

const HandOverForm = z.object({
  email: EmailSchema,
  // Only a new person needs a name (for the invitation); hand-over.ts asks for it then.
  name: z.string().trim().max(200, 'form.error.tooLong').optional().transform((v) => v || null),
  locale: choice(LOCALES),
  reason: z.string().trim().max(1000, 'form.error.tooLong').optional().transform((v) => v || null),
});

type Params = { Params: { locale: string; slug: string }; Querystring: { member?: string; notice?: string } };

/**
 * `/{locale}/admin/institutions/{slug}/point-of-contact[?member={member slug}]`: an administrator hands an
 * institution over to a new point of contact. Institution slugs are unique per member; `member` picks one when
 * two members have an institution of the same name.
 */
export function registerPointOfContactRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db, web, mailer, config } = deps;

  app.get<Params>('/:locale/admin/institutions/:slug/point-of-contact', async (request, reply) => {
    const user = await currentUser(deps, request);
    authorize(user, 'hand_over_point_of_contact', 'account');
    const intl = intlFromParams(request.params);
    const institution = await institutionOf(request);
    const notice = request.query.notice === 'handed-over' ? intl.t('admin.notice.handedOver') : undefined;
    return render(request, reply, user, institution, emptyForm({ locale: intl.locale }), 200, notice);
  });

  app.post<Params>('/:locale/admin/institutions/:slug/point-of-contact', async (request, reply) => {
    const user = await currentUser(deps, request);
    authorize(user, 'hand_over_point_of_contact', 'account');
    const intl = intlFromParams(request.params);
    const institution = await institutionOf(request);
    const form = parseForm(HandOverForm, request.body);
    if (!form.ok) return render(request, reply, user, institution, form, 400);
    const result = await handOverPointOfContact(db, mailer, config.baseUrl, {
      actorId: user.id, institution: { id: institution.id, name: institution.name },
      email: form.data.email, name: form.data.name, locale: form.data.locale, reason: form.data.reason,
    });
    if (!result.ok) return render(request, reply, user, institution, { values: form.values, errors: result.errors }, 400);
    const url = pointOfContactUrl(intl.locale, institution.slug, institution.memberSlug);
    return reply.redirect(`${url}${url.includes('?') ? '&' : '?'}notice=handed-over`, 303);
  });

  async function institutionOf(request: FastifyRequest<Params>) {
    const institution = await findInstitution(db, request.params.slug, request.query.member);
    if (!institution) throw notFound('institution');
    return institution;
  }

  async function render(request: FastifyRequest<Params>, reply: FastifyReply, user: CurrentUser,
    institution: NonNullable<Awaited<ReturnType<typeof findInstitution>>>, form: FormState, status: number, notice?: string) {
    const intl = intlFromParams(request.params);
    const [current, pending, events] = await Promise.all([
      pointsOfContact(db, institution.id), pendingPointOfContactInvitations(db, institution.id), institutionEvents(db, institution.id),
    ]);
    const ctx = pageContext(request, reply, web, user);
    return sendPrivatePage(reply, pointOfContactPage(ctx, {
      institution: { name: institution.name, memberName: institution.memberName }, current, pending, events, form, notice,
      csrfToken: csrfToken(web, request, reply), action: pointOfContactUrl(intl.locale, institution.slug, institution.memberSlug),
    }), status);
  }
}
