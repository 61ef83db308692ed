import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../http/server.ts';
import { authorize } from '../http/authorize.ts';
import { csrfToken } from '../http/csrf.ts';
import { emptyForm, formValues, type FieldError, type FormState } from '../http/form.ts';
import { notFound } from '../http/errors.ts';
import { intlFromParams } from '../http/locale-params.ts';
import { pageContext, sendPrivatePage } from '../http/page-context.ts';
import { currentUser, type CurrentUser } from '../accounts/current-user.ts';
import { discardUnrecorded, readEvidenceForm } from '../evidence/evidence-upload.ts';
import { refusedForQuota } from '../evidence/upload-quota.ts';
import { errorMessage } from '../layout/form.tsx';
import { checkLink } from '../evidence/link-check.ts';
import { submitMilestoneReport } from './commands/submit-milestone-report.ts';
import { recordVerdict } from './commands/record-verdict.ts';
import { restrictEvidence } from './commands/restrict-evidence.ts';
import { requireRound, requireRoundMilestone } from './commands/round-target.ts';
import { reportingPolicy } from './reporting.policy.ts';
import { roundMilestones } from './reporting.queries.ts';
import { findReport, reportingInstitutions, type EvidenceView, type ReportDetail } from './milestone-report.queries.ts';
import { planName } from './reporting-plans.queries.ts';
import { milestoneReportPage, type MilestoneFrame } from './milestone-report.page.tsx';
import { verdictPage } from './verdict.page.tsx';
import { restrictEvidencePage } from './restrict-evidence.page.tsx';
import { reportUrl, verdictUrl } from './reporting-urls.ts';

type Params = { Params: { locale: string; id: string; milestoneId: string; itemId?: string }; Querystring: { notice?: string } };

const REPORT = '/:locale/reporting/rounds/:id/milestones/:milestoneId/report';
const VERDICT = '/:locale/reporting/rounds/:id/milestones/:milestoneId/verdict';
const RESTRICT = '/:locale/reporting/rounds/:id/milestones/:milestoneId/evidence/:itemId/restrict';

/**
 * A milestone in a round: its report form (`…/report`, multipart for evidence files, decision 014), the form that
 * restricts one piece of its evidence (`…/evidence/{itemId}/restrict`), and the reviewers' verdict form (`…/verdict`). Each handler authorizes before reading the body; a refused input comes
 * back with what was typed and a 400 (413 past the upload quota); the files of a refused form are deleted at once.
 */
export function registerMilestoneReportRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db, web, config } = deps;

  app.get<Params>(REPORT, async (request, reply) => {
    const user = await currentUser(deps, request);
    const frame = await frameOf(request);
    authorize(user, 'read_milestone_report', 'reporting', frame.milestone);
    const report = await findReport(db, frame.round.id, frame.milestone.id);
    const values = reportValues(report, intlFromParams(request.params).locale, frame.milestone.responsible[0]?.id ?? '');
    return renderReport(request, reply, user, frame, report, mayReport(user, frame) ? emptyForm(values) : null, 200);
  });

  app.post<Params>(REPORT, async (request, reply) => {
    const user = await currentUser(deps, request);
    const frame = await frameOf(request);
    authorize(user, 'submit_milestone_report', 'reporting', frame.milestone);
    const evidence = await readEvidenceForm(request, config);
    const result = await submitMilestoneReport(db, { checkLink, uploadQuotaBytes: config.uploadQuotaBytes }, user,
      { roundId: frame.round.id, milestoneId: frame.milestone.id }, evidence).finally(() => discardUnrecorded(evidence));
    if (!result.ok) {
      // Refused as a whole (the round closed meanwhile): the page says so, without a form.
      const refusal = result.errors.form;
      const status = refusedForQuota(result.errors) ? 413 : 400;
      return renderReport(request, reply, user, frame, await findReport(db, frame.round.id, frame.milestone.id), refusal ? null : result, status, refusal);
    }
    return reply.redirect(`${reportUrl(intlFromParams(request.params).locale, frame.round.id, frame.milestone.id)}?notice=saved`, 303);
  });

  app.get<Params>(VERDICT, async (request, reply) => {
    const user = await currentUser(deps, request);
    authorize(user, 'record_verdict', 'reporting');
    const frame = await frameOf(request);
    const report = await requireReport(frame);
    // A closed round takes no more verdicts: its report is shown to read.
    if (frame.round.closedAt) return reply.redirect(reportUrl(intlFromParams(request.params).locale, frame.round.id, frame.milestone.id), 303);
    const mine = report.verdicts.find((v) => v.reviewerId === user.id);
    return renderVerdict(request, reply, user, frame, report, emptyForm(mine ? { verdict: mine.verdict, comment: mine.comment ?? '' } : {}), 200);
  });

  app.post<Params>(VERDICT, async (request, reply) => {
    const user = await currentUser(deps, request);
    authorize(user, 'record_verdict', 'reporting');
    const frame = await frameOf(request);
    const result = await recordVerdict(db, user, { roundId: frame.round.id, milestoneId: frame.milestone.id }, request.body);
    if (!result.ok) return renderVerdict(request, reply, user, frame, await requireReport(frame), result, 400);
    return reply.redirect(`${verdictUrl(intlFromParams(request.params).locale, frame.round.id, frame.milestone.id)}?notice=saved`, 303);
  });

  app.get<Params>(RESTRICT, async (request, reply) => {
    const user = await currentUser(deps, request);
    const frame = await frameOf(request);
    authorize(user, 'submit_milestone_report', 'reporting', frame.milestone);
    const item = await requirePublicItem(frame, request.params.itemId);
    if (frame.round.closedAt) return reply.redirect(reportUrl(intlFromParams(request.params).locale, frame.round.id, frame.milestone.id), 303);
    return renderRestrict(request, reply, user, frame, item, emptyForm(), 200);
  });

  app.post<Params>(RESTRICT, async (request, reply) => {
    const user = await currentUser(deps, request);
    const frame = await frameOf(request);
    authorize(user, 'submit_milestone_report', 'reporting', frame.milestone);
    const item = await requirePublicItem(frame, request.params.itemId);
    const result = await restrictEvidence(db, user, { roundId: frame.round.id, milestoneId: frame.milestone.id, itemId: item.id }, request.body);
    if (!result.ok) return renderRestrict(request, reply, user, frame, item, result, 400);
    return reply.redirect(`${reportUrl(intlFromParams(request.params).locale, frame.round.id, frame.milestone.id)}?notice=restricted`, 303);
  });

  /** A public piece of evidence of the milestone's report in the round; anything else is a 404. */
  async function requirePublicItem(frame: MilestoneFrame, itemId: string | undefined): Promise<EvidenceView> {
    const item = (await findReport(db, frame.round.id, frame.milestone.id))?.evidence.find((e) => e.id === itemId && !e.restricted);
    if (!item) throw notFound('evidence');
    return item;
  }

  async function renderRestrict(request: FastifyRequest<Params>, reply: FastifyReply, user: CurrentUser, frame: MilestoneFrame,
    item: EvidenceView, form: FormState, status: number) {
    const ctx = pageContext(request, reply, web, user);
    return sendPrivatePage(reply, restrictEvidencePage(ctx, { ...frame, item, form, csrfToken: csrfToken(web, request, reply) }), status);
  }

  async function frameOf(request: FastifyRequest<Params>): Promise<MilestoneFrame> {
    const intl = intlFromParams(request.params);
    const round = await requireRound(db, request.params.id);
    const target = await requireRoundMilestone(db, round, request.params.milestoneId);
    const [milestone] = await roundMilestones(db, round, intl.locale, null, target.id);
    if (!milestone) throw notFound('milestone');
    return { round, plan: (await planName(db, intl, round.actionPlanId)).title, milestone };
  }

  async function requireReport(frame: MilestoneFrame): Promise<ReportDetail> {
    const report = await findReport(db, frame.round.id, frame.milestone.id);
    if (!report) throw notFound('milestone report');
    return report;
  }

  const mayReport = (user: CurrentUser, frame: MilestoneFrame) =>
    !frame.round.closedAt && !frame.milestone.withdrawn && reportingPolicy.submit_milestone_report(user, frame.milestone);

  /** "saved" says what the page saved (a report, a verdict); "restricted" comes back from the restrict form. */
  function notice(request: FastifyRequest<Params>, savedKey: string): string | undefined {
    const query = request.query.notice;
    const key = query === 'saved' ? savedKey : query === 'restricted' ? 'reporting.notice.restricted' : undefined;
    return key ? intlFromParams(request.params).t(key) : undefined;
  }

  async function renderReport(request: FastifyRequest<Params>, reply: FastifyReply, user: CurrentUser, frame: MilestoneFrame,
    report: ReportDetail | null, form: FormState | null, status: number, refusal?: FieldError) {
    const institutions = form && user.role === 'administrator' ? await reportingInstitutions(db, frame.milestone.commitmentId) : null;
    const ctx = pageContext(request, reply, web, user);
    return sendPrivatePage(reply, milestoneReportPage(ctx, {
      ...frame, report, form: form ? { values: formValues(form.values), errors: form.errors } : null, institutions,
      csrfToken: csrfToken(web, request, reply), uploadMaxBytes: config.uploadMaxBytes,
      notice: refusal ? errorMessage(intlFromParams(request.params), refusal) : status === 200 ? notice(request, 'reporting.notice.reported') : undefined,
    }), status);
  }

  async function renderVerdict(request: FastifyRequest<Params>, reply: FastifyReply, user: CurrentUser, frame: MilestoneFrame,
    report: ReportDetail, form: FormState, status: number) {
    const ctx = pageContext(request, reply, web, user);
    return sendPrivatePage(reply, verdictPage(ctx, {
      ...frame, report, form, csrfToken: csrfToken(web, request, reply),
      notice: status === 200 ? notice(request, 'reporting.notice.verdict') : undefined,
    }), status);
  }
}

/**
 * The form prefilled with the current report; evidence fields start empty (evidence is only ever added). A first
 * report is in the page's language and, for an administrator, on behalf of the responsible institution.
 */
function reportValues(report: ReportDetail | null, locale: string, responsibleId: string): Record<string, string> {
  if (!report) return { lang: locale, institution: responsibleId };
  return {
    status: report.status, percent: String(report.percent), narrative: report.narrative, lang: report.narrativeLocale,
    institution: report.institutionId,
  };
}
