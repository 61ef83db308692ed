import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../http/server.ts';
import { authorize } from '../http/authorize.ts';
import { AppError, notFound } from '../http/errors.ts';
import { csrfToken } from '../http/csrf.ts';
import { choice, emptyForm, parseForm, type FormState } from '../http/form.ts';
import { intlFromParams } from '../http/locale-params.ts';
import { pageContext, sendPrivatePage } from '../http/page-context.ts';
import { LOCALES } from '../i18n/locales.ts';
import { EmailSchema, NameSchema } from '../accounts/account-forms.ts';
import { listInstitutionChoices, listInvitations, listPeopleWithRoles } from '../accounts/account.queries.ts';
import { currentUser, type CurrentUser } from '../accounts/current-user.ts';
import { createInvitation, revokeInvitation } from '../accounts/invitations.ts';
import { institutionError, isRole, ROLES } from '../accounts/roles.ts';
import { invitationsPage } from './invitations.page.tsx';

const InviteForm = z.object({
  email: EmailSchema,
  name: NameSchema,
  role: choice(ROLES),
  institution: z.string().regex(/^([0-9]{1,18})?$/, 'form.error.invalid').optional().transform((v) => v || null),
  locale: choice(LOCALES),
});

const NOTICES: Record<string, string> = {
  invited: 'admin.notice.invited', revoked: 'admin.notice.revoked',
  'already-accepted': 'admin.notice.alreadyAccepted', 'already-revoked': 'admin.notice.alreadyRevoked',
};
// Each answer of revokeInvitation as the notice the list shows; an unknown invitation is a 404 instead.
const REVOKE_NOTICES = { revoked: 'revoked', already_accepted: 'already-accepted', already_revoked: 'already-revoked' } as const;
const INVITATION_ID = /^[1-9][0-9]{0,17}$/;

type Params = { Params: { locale: string; id?: string }; Querystring: { notice?: string } };

/** `/{locale}/admin/invitations`: administrators invite people and see who holds which role. */
export function registerAdminInvitationRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db, web, mailer, config } = deps;

  app.get<Params>('/:locale/admin/invitations', async (request, reply) => {
    const user = await currentUser(deps, request);
    authorize(user, 'list_invitations', 'account');
    const intl = intlFromParams(request.params);
    const notice = NOTICES[request.query.notice ?? ''];
    return render(request, reply, user, emptyForm({ locale: intl.locale }), 200, notice ? intl.t(notice) : undefined);
  });

  app.post<Params>('/:locale/admin/invitations', async (request, reply) => {
    const user = await currentUser(deps, request);
    authorize(user, 'invite', 'account');
    const intl = intlFromParams(request.params);
    const form = parseForm(InviteForm, request.body);
    if (!form.ok) {
      // Say everything at once: the role and institution rule too, when the role could be read.
      const { role, institution } = form.values;
      const mismatch = isRole(role) && !form.errors.institution ? institutionError(role, Boolean(institution)) : undefined;
      return render(request, reply, user, { values: form.values, errors: { ...form.errors, ...(mismatch ? { institution: mismatch } : {}) } }, 400);
    }
    const { email, name, role, institution, locale } = form.data;
    const invited = await createInvitation(db, mailer, config.baseUrl, { email, name, role, institutionId: institution, locale, invitedBy: user.id });
    if (!invited.ok) return render(request, reply, user, { values: form.values, errors: invited.errors }, 400);
    return reply.redirect(`/${intl.locale}/admin/invitations?notice=invited`, 303);
  });

  app.post<Params>('/:locale/admin/invitations/:id/revoke', async (request, reply) => {
    const user = await currentUser(deps, request);
    authorize(user, 'revoke_invitation', 'account');
    const intl = intlFromParams(request.params);
    const id = request.params.id ?? '';
    if (!INVITATION_ID.test(id)) throw new AppError('invalid_input', 'id: not an invitation number', 'id');
    const result = await revokeInvitation(db, user.id, id);
    if (result === 'not_found') throw notFound('invitation');
    return reply.redirect(`/${intl.locale}/admin/invitations?notice=${REVOKE_NOTICES[result]}`, 303);
  });

  async function render(request: FastifyRequest, reply: FastifyReply, user: CurrentUser, form: FormState, status: number, notice?: string) {
    const [invitations, people, institutions] = await Promise.all([listInvitations(db), listPeopleWithRoles(db), listInstitutionChoices(db, form.values.institution)]);
    const ctx = pageContext(request, reply, web, user);
    return sendPrivatePage(reply, invitationsPage(ctx, { form, notice, invitations, people, institutions, csrfToken: csrfToken(web, request, reply) }), status);
  }
}
