import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../http/server.ts';
import { csrfToken } from '../http/csrf.ts';
import { emptyForm, parseForm } from '../http/form.ts';
import { intlFromParams } from '../http/locale-params.ts';
import { pageContext, sendPrivatePage } from '../http/page-context.ts';
import { NameSchema, newPasswordFields, passwordsMatch } from './account-forms.ts';
import { findOpenInvitation } from './account.queries.ts';
import { invitationPage } from './invitation.page.tsx';
import { acceptInvitation } from './invitations.ts';
import { linkExpiredPage } from './password-reset.page.tsx';
import { TOKEN } from './tokens.ts';

const acceptForm = (email: string) => z.object({ name: NameSchema, ...newPasswordFields(email) }).superRefine(passwordsMatch);

type Params = { Params: { locale: string; token: string } };

/** `/{locale}/invitations/{token}`: accepting an invitation creates the account; the person then signs in. */
export function registerInvitationRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db, web } = deps;

  app.get<Params>('/:locale/invitations/:token', async (request, reply) => {
    const intl = intlFromParams(request.params);
    const { token } = request.params;
    const ctx = pageContext(request, reply, web);
    const invitation = TOKEN.test(token) ? await findOpenInvitation(db, token) : undefined;
    if (!invitation) return sendPrivatePage(reply, linkExpiredPage(ctx, 'invitation'), 410);
    return sendPrivatePage(reply, invitationPage(ctx, {
      form: emptyForm({ name: invitation.name }), csrfToken: csrfToken(web, request, reply),
      action: `/${intl.locale}/invitations/${token}`,
      invitation: { email: invitation.email, role: invitation.role, institutionName: invitation.institution_name },
    }));
  });

  app.post<Params>('/:locale/invitations/:token', async (request, reply) => {
    const intl = intlFromParams(request.params);
    const { token } = request.params;
    const ctx = pageContext(request, reply, web);
    const invitation = TOKEN.test(token) ? await findOpenInvitation(db, token) : undefined;
    if (!invitation) return sendPrivatePage(reply, linkExpiredPage(ctx, 'invitation'), 410);
    const form = parseForm(acceptForm(invitation.email), request.body);
    if (!form.ok) {
      return sendPrivatePage(reply, invitationPage(ctx, {
        form, csrfToken: csrfToken(web, request, reply), action: `/${intl.locale}/invitations/${token}`,
        invitation: { email: invitation.email, role: invitation.role, institutionName: invitation.institution_name },
      }), 400);
    }
    const accepted = await acceptInvitation(db, token, { name: form.data.name, password: form.data.password });
    if (!accepted.ok) return sendPrivatePage(reply, linkExpiredPage(ctx, 'invitation'), 410);
    return reply.redirect(`/${intl.locale}/sign-in?notice=account-created`, 303);
  });
}
