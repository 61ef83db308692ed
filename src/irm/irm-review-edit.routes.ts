import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../http/server.ts';
import { authorize } from '../http/authorize.ts';
import { csrfToken } from '../http/csrf.ts';
import { z } from 'zod';
import { emptyForm, parseForm, REQUIRED, type FormState } from '../http/form.ts';
import { notFound } from '../http/errors.ts';
import { intlFromParams } from '../http/locale-params.ts';
import { pageContext, sendPrivatePage } from '../http/page-context.ts';
import { currentUser, type CurrentUser } from '../accounts/current-user.ts';
import { OgpIdSchema } from '../commitments/commitment-record.ts';
import { commitmentCrumbTitle } from '../commitments/commitment-history.queries.ts';
import type { IrmReport } from './indicators.ts';
import { assessableReports, irmAssessmentsUrl, irmAssessmentUrl, methodOfReport, reportOfSlug } from './assessable-reports.ts';
import { findReviewAsForm, recordIrmReview, reportAnswers, reviewedNotVerifiable, reviewVersion, unratedAnswers, type ReviewAsForm } from './commands/record-irm-review.ts';
import { irmAssessmentsPage, irmReviewFormPage, irmWorkspacePage } from './irm-review-edit.page.tsx';

type Params = { Params: { locale: string; id: string; report?: string }; Querystring: { notice?: string } };

type Assessed = { id: string; ogpId: string; sourceLocale: string; submissionYear: number };

const NOTICES = new Set(['recorded', 'revised', 'unchanged']);

/**
 * The IRM's assessments in the workspace: `/{locale}/irm` (linked from the account page) opens a commitment's by its
 * OGP ID; `/{locale}/commitments/{id}/irm` lists the reports of its
 * plan's method, `/irm/{report}` records the commitment's assessment in one (or revises the one stored). Each handler
 * authorizes first; a refused input comes back with what was typed and a 400 (a 409 when the review changed since).
 */
export function registerIrmReviewEditRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db, web } = deps;

  app.get<{ Params: { locale: string }; Querystring: { commitment?: string } }>('/:locale/irm', async (request, reply) => {
    const user = await currentUser(deps, request);
    authorize(user, 'record_irm_review', 'irmReview');
    const intl = intlFromParams(request.params);
    const page = (form: FormState, status: number) =>
      sendPrivatePage(reply, irmWorkspacePage(pageContext(request, reply, web, user), form), status);
    if (request.query.commitment === undefined) return page(emptyForm(), 200);
    const form = parseForm(z.object({ commitment: z.string({ error: REQUIRED }).trim().min(1, REQUIRED).pipe(OgpIdSchema) }), request.query);
    if (!form.ok) return page(form, 400);
    const found = await db.selectFrom('commitments').select('ogp_id').where('ogp_id', '=', form.data.commitment).executeTakeFirst();
    if (!found) return page({ values: form.values, errors: { commitment: 'irmAssessment.error.noSuchCommitment' } }, 404);
    return reply.redirect(irmAssessmentsUrl(intl.locale, found.ogp_id), 303);
  });

  app.get<Params>('/:locale/commitments/:id/irm', async (request, reply) => {
    const user = await currentUser(deps, request);
    authorize(user, 'record_irm_review', 'irmReview');
    const commitment = await commitmentOf(request);
    const intl = intlFromParams(request.params);
    const stored = await db.selectFrom('irm_reviews').select('report').where('commitment_id', '=', commitment.id).execute();
    const recorded = new Set(stored.map((r) => r.report as IrmReport));
    const offered = assessableReports(commitment.submissionYear);
    // A review an import stored in a report of another method (a transitional one) can still be revised.
    const reports = [...offered, ...[...recorded].filter((r) => !offered.includes(r))].map((report) => ({ report, recorded: recorded.has(report) }));
    return sendPrivatePage(reply, irmAssessmentsPage(pageContext(request, reply, web, user), {
      ogpId: commitment.ogpId, title: await commitmentCrumbTitle(db, commitment, intl.locale), submissionYear: commitment.submissionYear, reports,
    }));
  });

  app.get<Params>('/:locale/commitments/:id/irm/:report', async (request, reply) => {
    const user = await currentUser(deps, request);
    authorize(user, 'record_irm_review', 'irmReview');
    const commitment = await commitmentOf(request);
    const { report, stored } = await reportOf(request, commitment);
    return render(request, reply, user, commitment, report, stored, emptyForm(storedValues(report, stored)), 200);
  });

  app.post<Params>('/:locale/commitments/:id/irm/:report', async (request, reply) => {
    const user = await currentUser(deps, request);
    authorize(user, 'record_irm_review', 'irmReview');
    const commitment = await commitmentOf(request);
    const { report } = await reportOf(request, commitment);
    const { locale } = intlFromParams(request.params);
    const result = await recordIrmReview(db, user, commitment.ogpId, report, locale, request.body);
    if (!result.ok) {
      // The review may have been recorded meanwhile: the form then says it is a revision.
      const shown = await findReviewAsForm(db, commitment.id, report);
      return render(request, reply, user, commitment, report, shown, result, result.errors.version ? 409 : 400);
    }
    const notice = result.changeIds.length === 0 ? 'unchanged' : result.revision ? 'revised' : 'recorded';
    return reply.redirect(`${irmAssessmentUrl(locale, commitment.ogpId, report)}?notice=${notice}`, 303);
  });

  async function commitmentOf(request: FastifyRequest<Params>): Promise<Assessed> {
    const id = OgpIdSchema.safeParse(request.params.id);
    if (!id.success) throw notFound('commitment');
    const row = await db.selectFrom('commitments as c').innerJoin('action_plans as p', 'p.id', 'c.action_plan_id')
      .select(['c.id', 'c.ogp_id', 'c.source_locale', 'p.submission_year']).where('c.ogp_id', '=', id.data).executeTakeFirst();
    if (!row) throw notFound('commitment');
    return { id: row.id, ogpId: row.ogp_id, sourceLocale: row.source_locale, submissionYear: row.submission_year };
  }

  /** The report of the address: one the plan is assessed in, or one a review is stored in; any other is not found. */
  async function reportOf(request: FastifyRequest<Params>, commitment: Assessed): Promise<{ report: IrmReport; stored: ReviewAsForm | undefined }> {
    const report = reportOfSlug(request.params.report ?? '');
    if (!report) throw notFound('page');
    const stored = await findReviewAsForm(db, commitment.id, report);
    if (!stored && !assessableReports(commitment.submissionYear).includes(report)) throw notFound('page');
    return { report, stored };
  }

  /** The form as stored, with the version it is opened on; an indicator without a rating starts as "not yet reviewed". */
  function storedValues(report: IrmReport, stored: ReviewAsForm | undefined): Record<string, string> {
    return {
      version: reviewVersion(stored), justification: stored?.justification ?? '',
      ...unratedAnswers(report), ...reportAnswers(report, stored?.answers ?? {}),
    };
  }

  async function render(request: FastifyRequest<Params>, reply: FastifyReply, user: CurrentUser, commitment: Assessed, report: IrmReport,
    shown: ReviewAsForm | undefined, form: FormState, status: number) {
    const intl = intlFromParams(request.params);
    const notice = status === 200 && request.query.notice && NOTICES.has(request.query.notice) ? intl.t(`irmAssessment.notice.${request.query.notice}`) : undefined;
    return sendPrivatePage(reply, irmReviewFormPage(pageContext(request, reply, web, user), {
      ogpId: commitment.ogpId, title: await commitmentCrumbTitle(db, commitment, intl.locale), report,
      method: shown?.method ?? methodOfReport(report), revision: shown !== undefined,
      notVerifiable: report === 'results' && await reviewedNotVerifiable(db, commitment.id),
      justificationLang: shown?.sourceLocale ?? intl.locale, form, csrfToken: csrfToken(web, request, reply), notice,
    }), status);
  }
}
