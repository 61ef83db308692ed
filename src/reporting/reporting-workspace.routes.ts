import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../http/server.ts';
import { authorize } from '../http/authorize.ts';
import { csrfToken } from '../http/csrf.ts';
import { emptyForm, type FormState } from '../http/form.ts';
import { intlFromParams } from '../http/locale-params.ts';
import { pageContext, sendPrivatePage } from '../http/page-context.ts';
import { currentUser, type CurrentUser } from '../accounts/current-user.ts';
import { openReportingRound } from './commands/open-reporting-round.ts';
import { closeReportingRound } from './commands/close-reporting-round.ts';
import { requireRound, type RoundTarget } from './commands/round-target.ts';
import { listRounds, plansOfInstitution, roundMilestones, type RoundSummary } from './reporting.queries.ts';
import { listPlanChoices, planName } from './reporting-plans.queries.ts';
import { reportingWorkspacePage, type WorkspaceRound } from './reporting-workspace.page.tsx';
import { roundNewPage } from './round-new.page.tsx';
import { roundWorkspacePage } from './round-workspace.page.tsx';
import { reportingUrl, roundWorkspaceUrl } from './reporting-urls.ts';

type Params = { Params: { locale: string; id?: string }; Querystring: { notice?: string } };

const NOTICES: Record<string, string> = { opened: 'reporting.notice.opened', closed: 'reporting.notice.closed' };

/**
 * The workspace of reporting rounds (decision 013): `/{locale}/reporting` (the rounds one deals with),
 * `/reporting/rounds/new` (administrators open a round) and `/reporting/rounds/{id}/workspace` (a round's progress,
 * and its close form for administrators).
 */
export function registerReportingWorkspaceRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db, web, mailer, config } = deps;

  app.get<Params>('/:locale/reporting', async (request, reply) => {
    const user = await currentUser(deps, request);
    authorize(user, 'follow_rounds', 'reporting');
    const intl = intlFromParams(request.params);
    const rounds = await roundsFor(user, intl.locale);
    const withPlans = await Promise.all(rounds.map(async (r) => ({ ...r, plan: (await planName(db, intl, r.actionPlanId)).title })));
    const ctx = pageContext(request, reply, web, user);
    return sendPrivatePage(reply, reportingWorkspacePage(ctx, { role: user.role!, rounds: withPlans, notice: notice(request) }));
  });

  app.get<Params>('/:locale/reporting/rounds/new', async (request, reply) => {
    const user = await currentUser(deps, request);
    authorize(user, 'open_reporting_round', 'reporting');
    return renderNew(request, reply, user, emptyForm(), 200);
  });

  app.post<Params>('/:locale/reporting/rounds/new', async (request, reply) => {
    const user = await currentUser(deps, request);
    authorize(user, 'open_reporting_round', 'reporting');
    const result = await openReportingRound(db, mailer, config.baseUrl, user, request.body);
    if (!result.ok) return renderNew(request, reply, user, result, 400);
    return reply.redirect(`${reportingUrl(intlFromParams(request.params).locale)}?notice=opened`, 303);
  });

  app.get<Params>('/:locale/reporting/rounds/:id/workspace', async (request, reply) => {
    const user = await currentUser(deps, request);
    authorize(user, 'follow_rounds', 'reporting');
    return renderWorkspace(request, reply, user, await requireRound(db, request.params.id), emptyForm(), 200);
  });

  app.post<Params>('/:locale/reporting/rounds/:id/close', async (request, reply) => {
    const user = await currentUser(deps, request);
    authorize(user, 'close_reporting_round', 'reporting');
    const round = await requireRound(db, request.params.id);
    const result = await closeReportingRound(db, user, round.id, request.body);
    if (!result.ok) return renderWorkspace(request, reply, user, await requireRound(db, round.id), result, 400);
    return reply.redirect(`${roundWorkspaceUrl(intlFromParams(request.params).locale, round.id)}?notice=closed`, 303);
  });

  /** The rounds, and the milestones in them, that the person deals with. */
  async function roundsFor(user: CurrentUser, locale: string): Promise<Omit<WorkspaceRound, 'plan'>[]> {
    const withItems = (rounds: RoundSummary[], pick: (round: RoundSummary) => Promise<WorkspaceRound['items']>) =>
      Promise.all(rounds.map(async (round) => ({ ...round, items: await pick(round) })));
    if (user.role === 'point_of_contact' && user.institutionId) {
      const institutionId = user.institutionId;
      const rounds = await listRounds(db, { openOnly: true, actionPlanIds: await plansOfInstitution(db, institutionId) });
      return withItems(rounds, async (round) => (await roundMilestones(db, round, locale)).filter((m) => m.institutionIds.includes(institutionId)));
    }
    if (user.role === 'civil_society_reviewer') {
      return withItems(await listRounds(db, { openOnly: true }), async (round) => (await roundMilestones(db, round, locale, user.id))
        .filter((m) => m.report && m.report.myVerdict?.revision !== m.report.revision));
    }
    if (user.role === 'administrator' || user.role === 'irm_researcher') return withItems(await listRounds(db), async () => []);
    return [];
  }

  function notice(request: FastifyRequest<Params>): string | undefined {
    const key = NOTICES[request.query.notice ?? ''];
    return key ? intlFromParams(request.params).t(key) : undefined;
  }

  async function renderNew(request: FastifyRequest<Params>, reply: FastifyReply, user: CurrentUser, form: FormState, status: number) {
    const intl = intlFromParams(request.params);
    const ctx = pageContext(request, reply, web, user);
    return sendPrivatePage(reply, roundNewPage(ctx, { form, plans: await listPlanChoices(db, intl), csrfToken: csrfToken(web, request, reply) }), status);
  }

  async function renderWorkspace(request: FastifyRequest<Params>, reply: FastifyReply, user: CurrentUser, round: RoundTarget,
    closeForm: FormState, status: number) {
    const intl = intlFromParams(request.params);
    const [plan, milestones] = await Promise.all([planName(db, intl, round.actionPlanId), roundMilestones(db, round, intl.locale, user.id)]);
    const ctx = pageContext(request, reply, web, user);
    return sendPrivatePage(reply, roundWorkspacePage(ctx, {
      round, plan: plan.title, role: user.role!, institutionId: user.institutionId, milestones, closeForm,
      csrfToken: csrfToken(web, request, reply), notice: status === 200 ? notice(request) : undefined,
    }), status);
  }
}
