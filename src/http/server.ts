import Fastify, { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import helmet from '@fastify/helmet';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import { multipartOptions } from '../evidence/evidence-upload.ts';
import { registerEvidenceRoutes } from '../evidence/evidence.routes.ts';
import { readConfig, type Config } from '../config/config.ts';
import { createMailer, type Mailer } from '../mail/mailer.ts';
import type { Db } from '../db/connect.ts';
import { negotiateLocale } from '../i18n/intl.ts';
import { icon, stylesheet } from '../layout/assets.ts';
import { registerHomeRoutes } from '../home/home.routes.ts';
import { registerMemberRoutes } from '../members/member.routes.ts';
import { registerActionPlanRoutes } from '../action-plans/action-plan.routes.ts';
import { registerCommitmentRoutes } from '../commitments/commitment.routes.ts';
import { registerMilestoneRoutes } from '../milestones/milestone.routes.ts';
import { registerCommitmentEditRoutes } from '../commitments/commitment-edit.routes.ts';
import { registerCommitmentHistoryRoutes } from '../commitments/commitment-history.routes.ts';
import { registerActionPlanEditRoutes } from '../action-plans/action-plan-edit.routes.ts';
import { registerCommitmentCreateRoutes } from '../commitments/commitment-create.routes.ts';
import { registerMilestoneHistoryRoutes } from '../milestones/milestone-history.routes.ts';
import { registerActionPlanHistoryRoutes } from '../action-plans/action-plan-history.routes.ts';
import { registerIrmReviewEditRoutes } from '../irm/irm-review-edit.routes.ts';
import { registerCommitmentApi } from '../commitments/commitment.api.ts';
import { registerCommitmentListRoutes } from '../commitments/commitment-list.routes.ts';
import { registerDownloadRoutes } from '../downloads/download.routes.ts';
import { registerFeedRoutes } from '../feeds/feed.routes.ts';
import { registerOpenDataRoutes } from '../open-data/open-data.routes.ts';
import { registerInstitutionRoutes } from '../institutions/institution.routes.ts';
import { registerInstitutionHistoryRoutes } from '../institutions/institution-history.routes.ts';
import { registerInstitutionRenameRoutes } from '../institutions/institution-rename.routes.ts';
import { registerInstitutionMergeRoutes } from '../institutions/institution-merge.routes.ts';
import { registerCommitmentListApi } from '../commitments/commitment-list.api.ts';
import { registerMemberApi } from '../members/member.api.ts';
import { registerActionPlanApi } from '../action-plans/action-plan.api.ts';
import { registerMilestoneApi } from '../milestones/milestone.api.ts';
import { registerInstitutionApi } from '../institutions/institution.api.ts';
import { registerPolicyAreaApi } from '../policy-areas/policy-area.api.ts';
import { registerPublicationApi } from '../publications/publication.api.ts';
import { registerPublicationRoutes } from '../publications/publication.routes.ts';
import { registerPublicationEditRoutes } from '../publications/publication-edit.routes.ts';
import { registerApiDocs } from './api/api-docs.routes.ts';
import { registerSignInRoutes } from '../accounts/sign-in.routes.ts';
import { registerAccountRoutes } from '../accounts/account.routes.ts';
import { registerPasswordResetRoutes } from '../accounts/password-reset.routes.ts';
import { registerInvitationRoutes } from '../accounts/invitation.routes.ts';
import { registerAdminInvitationRoutes } from '../admin/invitations.routes.ts';
import { registerPointOfContactRoutes } from '../admin/point-of-contact.routes.ts';
import { registerOutboxRoutes } from '../admin/outbox.routes.ts';
import { registerReportingRoutes } from '../reporting/reporting.routes.ts';
import { registerPasswordChangeRoutes } from '../accounts/password-change.routes.ts';
import { registerAdminAccountRoutes } from '../admin/accounts.routes.ts';
import { AppError, requestRefusedByFastify } from './errors.ts';
import { errorPage } from './error-page.tsx';
import type { WebSecurity } from './cookies.ts';
import { loadCsrfKey, registerCsrfProtection } from './csrf.ts';
import { authRedirect } from './auth-redirect.ts';
import { registerNulCharacterGuard } from './nul-character-guard.ts';
import { registerOpenDataCors } from './open-data-cors.ts';
import { registerCompression } from './compression.ts';
import { securityHeaders } from './security-headers.ts';
import { createPublicPageCache, type PublicPageCache } from './public-page-cache.ts';
import { registerHealthRoutes } from './health.routes.ts';

export type AppDeps = {
  db: Db; config: Config; web: WebSecurity; mailer: Mailer;
  /** How long a public page's version, read from the database, is trusted for anonymous visitors (decision 017). */
  pageFreshnessMs?: number;
  /** Rendered public pages and the public data version they are kept by (decisions 017, 019). */
  pageCache: PublicPageCache;
};

/**
 * One log line per request, when it is answered, instead of Fastify's two (received, completed): on a page served
 * from the cache, writing the log was a third of the work.
 */
class OneLinePerRequest extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const line = { method: request.method, url: loggedUrl(request), status: reply.statusCode, ms: Math.round(reply.elapsedTime) };
    if (error) reply.log.error({ ...line, err: error }, 'failed');
    else reply.log.info(line, 'answered');
  }
}

/**
 * The address as the request log writes it. A password-reset or invitation link's token lets whoever holds it set
 * the account's password (for an hour, or a week), and logs are kept longer and read by more people than the
 * database, which stores only the tokens' hashes.
 */
function loggedUrl(request: FastifyRequest): string {
  const token = (request.params as { token?: unknown } | undefined)?.token;
  return typeof token === 'string' && token !== '' ? request.url.replace(encodeURIComponent(token), '[token]') : request.url;
}

// Path parameters hold slugs, and an institution's slug is as long as its name: OGP's dataset has names of 1,500
// characters, which Fastify's default of 100 answered with a 414.
const MAX_PATH_PARAMETER = 4000;

/** The portal. `config` defaults to the defaults of every variable (tests); the CLI passes the real one. */
export async function buildServer(base: { db: Db; config?: Config },
  options: { logger?: boolean | { stream: { write(line: string): void } }; pageFreshnessMs?: number } = {}): Promise<FastifyInstance> {
  const config = base.config ?? readConfig({});
  const web: WebSecurity = { secureCookies: config.baseUrl.startsWith('https:'), csrfKey: await loadCsrfKey(base.db) };
  const deps: AppDeps = { db: base.db, config, web, mailer: createMailer(config), pageFreshnessMs: options.pageFreshnessMs,
    pageCache: createPublicPageCache(base.db, options.pageFreshnessMs) };
  const app = Fastify({
    logger: options.logger ?? false, logController: new OneLinePerRequest(), routerOptions: { ignoreTrailingSlash: true, maxParamLength: MAX_PATH_PARAMETER },
    ...(config.trustProxy === undefined ? {} : { trustProxy: config.trustProxy }),
  });
  app.decorate('publicPageCache', deps.pageCache); // for the API routes' kept responses (`API_ROUTE`)
  await app.register(helmet, securityHeaders(web.secureCookies));
  await registerCompression(app); // before any route: it adds its hook to each route as the route is declared
  registerOpenDataCors(app);
  await app.register(cookie);
  await app.register(formbody);
  await app.register(multipart, multipartOptions(config)); // file uploads are read as streams by their handlers
  registerCsrfProtection(app, web);
  registerNulCharacterGuard(app);
  await registerApiDocs(app); // first: the OpenAPI generator must see every route registered after it

  registerHealthRoutes(app, base.db);
  app.get('/', async (request, reply) => reply.redirect(`/${negotiateLocale(request.headers['accept-language'])}/`, 302));
  for (const asset of [stylesheet, icon]) {
    app.get(asset.url, async (_request, reply) => reply.header('cache-control', 'public, max-age=31536000, immutable').type(asset.type).send(asset.body));
  }
  // Where browsers look for an icon when a page names none (an image or a feed opened on its own).
  app.get('/favicon.ico', async (_request, reply) => reply.header('cache-control', 'public, max-age=86400').redirect(icon.url, 301));

  registerHomeRoutes(app, deps);
  registerMemberRoutes(app, deps);
  registerActionPlanRoutes(app, deps);
  registerCommitmentListRoutes(app, deps);
  registerDownloadRoutes(app, deps);
  registerFeedRoutes(app, deps);
  registerOpenDataRoutes(app, deps);
  registerInstitutionRoutes(app, deps);
  registerInstitutionHistoryRoutes(app, deps);
  registerInstitutionRenameRoutes(app, deps);
  registerInstitutionMergeRoutes(app, deps);
  registerCommitmentRoutes(app, deps);
  registerMilestoneRoutes(app, deps);
  registerCommitmentEditRoutes(app, deps);
  registerCommitmentHistoryRoutes(app, deps);
  registerActionPlanEditRoutes(app, deps);
  registerCommitmentCreateRoutes(app, deps);
  registerMilestoneHistoryRoutes(app, deps);
  registerActionPlanHistoryRoutes(app, deps);
  registerIrmReviewEditRoutes(app, deps);
  registerCommitmentApi(app, deps);
  registerCommitmentListApi(app, deps);
  registerMemberApi(app, deps);
  registerActionPlanApi(app, deps);
  registerMilestoneApi(app, deps);
  registerInstitutionApi(app, deps);
  registerPolicyAreaApi(app, deps);
  registerPublicationApi(app, deps);
  registerPublicationRoutes(app, deps);
  registerPublicationEditRoutes(app, deps);
  registerSignInRoutes(app, deps);
  registerAccountRoutes(app, deps);
  registerPasswordResetRoutes(app, deps);
  registerInvitationRoutes(app, deps);
  registerAdminInvitationRoutes(app, deps);
  registerPointOfContactRoutes(app, deps);
  registerOutboxRoutes(app, deps);
  registerReportingRoutes(app, deps);
  registerPasswordChangeRoutes(app, deps);
  registerAdminAccountRoutes(app, deps);
  registerEvidenceRoutes(app, deps);

  app.setNotFoundHandler((request, reply) => sendError(request, reply, new AppError('not_found', 'no such page')));
  app.setErrorHandler((error, request, reply) => {
    const known = error instanceof AppError ? error : requestRefusedByFastify(error);
    if (!known) request.log.error(error);
    return sendError(request, reply, known ?? error);
  });
  return app;
}

function sendError(request: FastifyRequest, reply: FastifyReply, error: unknown) {
  const known = error instanceof AppError ? error : undefined;
  const status = known?.status ?? 500;
  if (request.url.startsWith('/api/')) {
    const body = known
      ? { error: { code: known.code, message: known.message, ...(known.field ? { field: known.field } : {}) } }
      : { error: { code: 'internal', message: 'Internal error' } };
    return reply.status(status).send(body);
  }
  const redirect = known ? authRedirect(request, known.code) : undefined;
  if (redirect) return reply.header('cache-control', 'no-store').redirect(redirect, 303);
  return reply.status(status).type('text/html; charset=utf-8')
    .send(errorPage(status, request, known));
}
