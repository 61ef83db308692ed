import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../http/server.ts';
import { notFound } from '../http/errors.ts';
import { intlFromParams } from '../http/locale-params.ts';
import { pageContext, sendPrivatePage } from '../http/page-context.ts';
import { currentUser } from '../accounts/current-user.ts';
import { OgpIdSchema } from '../commitments/commitment-record.ts';
import { requireCommitmentTarget } from '../commitments/commands/change-log.ts';
import { commitmentCrumbTitle, diffLabelsFor, findChanges } from '../commitments/commitment-history.queries.ts';
import { reportEntryDetail } from '../commitments/commitment-history-report.ts';
import { milestoneEditUrl, milestoneHistoryUrl } from './milestone-urls.ts';
import { milestonePolicy } from './milestone.policy.ts';
import { milestoneHistoryPage } from './milestone-history.page.tsx';

type Params = { Params: { locale: string; id: string; number: string } };

/** `/{locale}/commitments/{id}/milestones/{number}/history`: public, like the commitment's history tab. */
export function registerMilestoneHistoryRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db, web } = deps;

  app.get<Params>('/:locale/commitments/:id/milestones/:number/history', async (request, reply) => {
    const intl = intlFromParams(request.params);
    const id = OgpIdSchema.safeParse(request.params.id);
    const number = /^[0-9]{1,4}$/.test(request.params.number) ? Number(request.params.number) : 0;
    if (!id.success || number < 1) throw notFound('milestone');
    if (id.data !== request.params.id) return reply.redirect(milestoneHistoryUrl(intl.locale, id.data, number), 301);
    const target = await requireCommitmentTarget(db, id.data);
    const milestone = await db.selectFrom('milestones').select('id')
      .where('commitment_id', '=', target.id).where('number', '=', number).executeTakeFirst();
    if (!milestone) throw notFound('milestone');
    const user = await currentUser(deps, request);
    const [changes, title] = await Promise.all([
      findChanges(db, target.id, { milestoneId: milestone.id }), commitmentCrumbTitle(db, target, intl.locale),
    ]);
    const labels = await diffLabelsFor(db, changes, intl.locale);
    const html = milestoneHistoryPage(pageContext(request, reply, web, user), {
      ogpId: target.ogpId, title, number, changes, labels, detail: (c) => reportEntryDetail(intl, target.ogpId, c, labels),
      editUrl: milestonePolicy.edit_milestone(user, target) ? milestoneEditUrl(intl.locale, target.ogpId, number) : undefined,
    });
    if (user) return sendPrivatePage(reply, html);
    return reply.type('text/html; charset=utf-8').send(html);
  });
}
