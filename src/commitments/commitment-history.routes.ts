import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../http/server.ts';
import { authorize } from '../http/authorize.ts';
import { csrfToken } from '../http/csrf.ts';
import { AppError, notFound } from '../http/errors.ts';
import { intlFromParams } from '../http/locale-params.ts';
import { pageContext, sendPrivatePage } from '../http/page-context.ts';
import { currentUser } from '../accounts/current-user.ts';
import { OgpIdSchema } from './commitment-record.ts';
import { requireCommitmentTarget } from './commands/change-log.ts';
import { restoreCommitmentVersion } from './commands/restore-commitment-version.ts';
import { commitmentPolicy } from './commitment.policy.ts';
import { commitmentCrumbTitle, diffLabelsFor, findChanges } from './commitment-history.queries.ts';
import { commitmentHistoryPage } from './commitment-history.page.tsx';
import { reportEntryDetail } from './commitment-history-report.ts';
import { irmReviewEntryDetail } from '../irm/irm-review-history.ts';
import { commitmentEditUrl, historyUrl } from './commitment-edit.page.tsx';

type Params = { Params: { locale: string; id: string }; Querystring: { notice?: string } };

/**
 * `/{locale}/commitments/{id}/history`: the public history tab. Administrators also get a "restore this version"
 * button per commitment entry, which posts to `/history/restore`.
 */
export function registerCommitmentHistoryRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db, web } = deps;

  app.get<Params>('/:locale/commitments/:id/history', async (request, reply) => {
    const intl = intlFromParams(request.params);
    const id = OgpIdSchema.safeParse(request.params.id);
    if (!id.success) throw notFound('commitment');
    if (id.data !== request.params.id) return reply.redirect(historyUrl(intl.locale, id.data), 301);
    const target = await requireCommitmentTarget(db, id.data);
    const user = await currentUser(deps, request);
    const [changes, title] = await Promise.all([findChanges(db, target.id), commitmentCrumbTitle(db, target, intl.locale)]);
    const labels = await diffLabelsFor(db, changes, intl.locale);
    const mayRestore = commitmentPolicy.restore_commitment_version(user, target) && user?.totpEnabled === true;
    const html = commitmentHistoryPage(pageContext(request, reply, web, user), {
      ogpId: target.ogpId, title, changes, labels, detail: (c) => reportEntryDetail(intl, target.ogpId, c, labels) ?? irmReviewEntryDetail(intl, c),
      restore: mayRestore ? { action: `${historyUrl(intl.locale, target.ogpId)}/restore`, csrfToken: csrfToken(web, request, reply) } : undefined,
      editUrl: commitmentPolicy.edit_commitment(user, target) ? commitmentEditUrl(intl.locale, target.ogpId) : undefined,
      notice: request.query.notice === 'restored' ? intl.t('history.notice.restored')
        : request.query.notice === 'unchanged' ? intl.t('edit.notice.unchanged') : undefined,
    });
    if (user) return sendPrivatePage(reply, html);
    return reply.type('text/html; charset=utf-8').send(html);
  });

  app.post<Params>('/:locale/commitments/:id/history/restore', async (request, reply) => {
    const user = await currentUser(deps, request);
    const intl = intlFromParams(request.params);
    const id = OgpIdSchema.safeParse(request.params.id);
    if (!id.success) throw notFound('commitment');
    const target = await requireCommitmentTarget(db, id.data);
    authorize(user, 'restore_commitment_version', 'commitment', target);
    const result = await restoreCommitmentVersion(db, user, target.ogpId, request.body);
    // The history page has no field to show it on: a 400 naming the hidden field (a stale page, a forged request).
    if (!result.ok) throw new AppError('invalid_input', 'change: not an entry of the history of this commitment', 'change');
    return reply.redirect(`${historyUrl(intl.locale, target.ogpId)}?notice=${result.changeIds.length ? 'restored' : 'unchanged'}`, 303);
  });
}
